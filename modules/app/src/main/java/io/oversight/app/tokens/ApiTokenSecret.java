package io.oversight.app.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret a client sends as {@code Authorization: Bearer <token>}: {@code ovt_} followed by 256
 * random bits in unpadded base64url (43 characters). The prefix lets secret scanners and people
 * recognise a leaked token; the randomness makes a fast, unsalted SHA-256 digest safe to store,
 * since nobody can guess a token from its digest the way they can guess a password.
 */
public record ApiTokenSecret(String value) {

    static final String PREFIX = "ovt_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("ovt_[A-Za-z0-9_-]{43}");
    private static final String BEARER = "bearer ";
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiTokenSecret {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an API token");
        }
    }

    /** A new token from the system's strong random source. */
    static ApiTokenSecret generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return new ApiTokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Whether the header uses the Bearer scheme at all, well-formed or not. */
    public static boolean isBearer(String authorizationHeader) {
        return authorizationHeader != null && authorizationHeader.length() >= BEARER.length() - 1
                && authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1)
                && (authorizationHeader.length() == BEARER.length() - 1
                    || Character.isWhitespace(authorizationHeader.charAt(BEARER.length() - 1)));
    }

    /** The token of a {@code Bearer} Authorization header (RFC 6750), or empty when it holds none of ours. */
    public static Optional<ApiTokenSecret> fromAuthorization(String authorizationHeader) {
        if (!isBearer(authorizationHeader)) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(BEARER.length() - 1).trim();
        return FORMAT.matcher(token).matches() ? Optional.of(new ApiTokenSecret(token)) : Optional.empty();
    }

    /** The lower-case hexadecimal SHA-256 digest of the token's UTF-8 bytes: all the database keeps. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The first characters, safe to show in lists so that people can tell their tokens apart. */
    String hint() {
        return value.substring(0, PREFIX.length() + 6);
    }

    /** Never the secret itself, so that a token cannot leak through a log line. */
    @Override
    public String toString() {
        return hint() + "…";
    }
}
