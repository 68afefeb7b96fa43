package io.oversight.app.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** RFC 7617 Basic credentials parsed from an Authorization header; malformed headers are absent. */
record BasicCredentials(String username, char[] password) {

    private static final String SCHEME = "basic ";

    static Optional<BasicCredentials> parse(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() <= SCHEME.length()
                || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(authorizationHeader.substring(SCHEME.length()).trim());
            decoded = new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
    }
}
