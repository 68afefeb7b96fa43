package io.oversight.app.web;

import io.oversight.app.rest.ProblemDetails;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The page people see instead of any container error report: a title and a sentence for the status,
 * the incident id the log carries with the stack trace, a way back, and never a trace. Plain
 * servlet output, so that it still works when the failure was in Faces itself. A failed API call
 * gets the same as problem+json.
 */
@WebServlet(urlPatterns = "/errors/page")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly rather than as the container's error page: there is nothing here
        int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String failedUri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String incident = Incidents.recorded(request).orElseGet(() -> Incidents.record(request, status, null, cause));
        String title = titleOf(status);
        String message = attribute(request, Incidents.MESSAGE, messageOf(status));

        response.setStatus(status);
        if (failedUri != null && failedUri.startsWith(request.getContextPath() + "/api/")) {
            byte[] body = JSON.toJson(ProblemDetails.of(status, title, message + " Incident " + incident + ".", failedUri))
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        String home = request.getContextPath() + "/home.xhtml";
        PrintWriter page = response.getWriter();
        page.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + escape(title) + " · Oversight</title>"
                + "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + escape(request.getContextPath()) + "/resources/images/favicon.svg\"/>"
                + "<link rel=\"stylesheet\" href=\"" + escape(request.getContextPath()) + "/resources/css/oversight.css\"/>"
                + "</head><body class=\"login-page\"><main class=\"login-box\" id=\"error\">"
                + "<h1 id=\"error-title\">" + escape(title) + "</h1>"
                + "<p id=\"error-message\">" + escape(message) + "</p>"
                + "<p class=\"hint\">Incident <code id=\"incident\">" + escape(incident) + "</code>: quote it when you report this.</p>"
                + "<p><a href=\"" + escape(home) + "\">Back to your workspaces</a></p>"
                + "</main></body></html>\n");
    }

    private static String attribute(HttpServletRequest request, String name, String fallback) {
        Object value = request.getAttribute(name);
        return value instanceof String text && !text.isBlank() ? text : fallback;
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Request not understood";
            case 403, 405 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    static String messageOf(int status) {
        return switch (status) {
            case 400 -> "The server could not make sense of what the browser sent. Open the page again from the menu.";
            case 403 -> "Your role does not give access to this page.";
            case 404 -> "There is no page at this address.";
            case 405 -> "This address does not accept that kind of request.";
            default -> status >= 500 ? "The server failed to answer this request. Nothing you did caused it; "
                    + "the failure is logged." : "The server refused this request.";
        };
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
