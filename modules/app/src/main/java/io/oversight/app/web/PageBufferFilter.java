package io.oversight.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Keeps a page in the server's buffer until it is complete, so that a failure half-way through
 * rendering (a getter that throws) can still be answered with the error page and its status instead
 * of a half page with status 200. Faces shrinks the response buffer and flushes its writer while
 * rendering; here neither happens, and the page is sent when the request ends or outgrows the buffer.
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class PageBufferFilter extends HttpFilter {

    private static final int PAGE_BUFFER_BYTES = 512 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().contains("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setBufferSize(PAGE_BUFFER_BYTES);
        chain.doFilter(request, new Unflushed(response));
    }

    private static final class Unflushed extends HttpServletResponseWrapper {

        private PrintWriter writer;

        Unflushed(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter(), false) {
                    @Override
                    public void flush() {
                        // the container sends the page when the request ends
                    }
                };
            }
            return writer;
        }

        @Override
        public void setBufferSize(int size) {
            // Faces shrinks the buffer to its own page buffer size (1 KiB), which commits a page early
            super.setBufferSize(Math.max(size, PAGE_BUFFER_BYTES));
        }

        @Override
        public void flushBuffer() {
            // likewise: committing early would rule out the error page
        }
    }
}
