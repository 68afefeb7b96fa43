package io.oversight.app.security;

import io.oversight.app.rest.ProblemDetails;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses cross-site request forgery on the REST API. A browser attaches the session cookie to any
 * request, even one a foreign page makes (a body-less form POST needs no CORS preflight), so a
 * state-changing call authenticated by the session must come from a page of this server: its
 * {@code Origin}, or when a browser sends none its {@code Referer}, must be this server's own origin
 * or one the operator declared in {@code oversight.security.publicOrigins} (the address people use
 * behind a TLS-terminating proxy). Calls that carry their own credentials in an
 * {@code Authorization} header are exempt: a foreign page cannot make a browser send them.
 * A state-changing call with neither header is refused: every browser sends one of them on such
 * requests, and scripts authenticate with credentials rather than a cookie.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class SameOriginFilter extends HttpFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @ConfigProperty(name = "oversight.security.publicOrigins")
    Optional<List<String>> publicOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))
                || CallerCredentials.presented(request)
                || comesFromThisServer(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetails problem = ProblemDetails.ofType("cross-origin-request", HttpServletResponse.SC_FORBIDDEN,
                "Cross-origin request refused",
                "A change through the API with the session cookie must come from this server's own pages; "
                        + "other clients send their credentials in the Authorization header.",
                request.getRequestURI());
        byte[] body = JSON.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(ProblemDetails.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private boolean comesFromThisServer(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return false;
            }
            origin = originOf(referer);
        }
        if (origin == null) {
            return false;
        }
        String claimed = normalised(origin);
        if (claimed.isEmpty()) {
            return false;
        }
        return claimed.equals(ownOrigin(request))
                || publicOrigins.orElse(List.of()).stream().map(SameOriginFilter::normalised).anyMatch(claimed::equals);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return normalised(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    /** The origin part of a URL, or null when it is not an absolute http(s) URL. */
    private static String originOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    /** Scheme and host in lower case with the default port made explicit, so equal origins compare equal. */
    static String normalised(String origin) {
        String candidate = originOf(origin);
        if (candidate == null) {
            return "";
        }
        URI uri = URI.create(candidate);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
