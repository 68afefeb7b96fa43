package io.oversight.app.security;

import io.oversight.app.tokens.ApiTokenSecret;
import jakarta.servlet.http.HttpServletRequest;

/** Whether a request carries its caller's own credentials rather than relying on the session cookie. */
final class CallerCredentials {

    private CallerCredentials() {
    }

    /**
     * True when the request was authenticated by credentials it sent itself. Only those the
     * authentication mechanism accepts count: with an unreadable header it falls back to the session,
     * and so must the same-origin check.
     */
    static boolean presented(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        // a Bearer header is either accepted or answered with 401 before any filter runs
        return BasicCredentials.parse(authorization).isPresent() || ApiTokenSecret.isBearer(authorization);
    }
}
