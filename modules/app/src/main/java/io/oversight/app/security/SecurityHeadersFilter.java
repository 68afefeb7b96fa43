package io.oversight.app.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the browser-side defences with every response: pages, API answers, static files and error
 * pages alike (it also runs on error and forward dispatches, whose response may have been reset).
 * <ul>
 * <li>A Content-Security-Policy that allows scripts only from this server's own files: no inline
 * script, no inline event handler, so injected markup cannot run code. Inline {@code style}
 * attributes stay allowed (bar widths and tree indents are data-driven styles, not code).</li>
 * <li>No framing ({@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}): the workbench
 * decides an item on one keypress, so a foreign page must not overlay it.</li>
 * <li>{@code no-store} on everything but static files, so that Back after signing out does not show a
 * page from the browser's cache.</li>
 * <li>HSTS when people reach the server over HTTPS: the request arrived over TLS, or the operator
 * declared that a TLS-terminating proxy serves it ({@code oversight.security.servedOverTls}).</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";
    /** Files that are the same for everyone and may be cached: Faces resources and the web root's own. */
    private static final List<String> STATIC_PREFIXES = List.of("/jakarta.faces.resource/", "/resources/", "/webjars/");
    private static final List<String> STATIC_SUFFIXES = List.of(".js", ".css", ".svg", ".png", ".ico", ".woff2");

    @Inject
    @ConfigProperty(name = SessionCookieSettings.SERVED_OVER_TLS, defaultValue = "false")
    boolean servedOverTls;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response, servedOverTls);
        chain.doFilter(request, response);
    }

    /** Sets the headers on a response; error handling calls it again after resetting a response. */
    static void apply(HttpServletRequest request, HttpServletResponse response, boolean servedOverTls) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure() || servedOverTls) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        if (!isStatic(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    static boolean isStatic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith) || STATIC_SUFFIXES.stream().anyMatch(path::endsWith);
    }
}
