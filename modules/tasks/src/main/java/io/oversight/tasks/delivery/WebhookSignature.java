package io.oversight.tasks.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries so that receivers can tell them from forgeries and replays, in the widely
 * implemented Stripe scheme: header {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * The timestamp is inside the MAC, so a captured delivery cannot be replayed outside the tolerance.
 * Secrets are exchanged as {@code whsec_} followed by their unpadded base64url encoding.
 */
public final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /**
     * The secret to store with {@code webhook}: none without a URL, a fresh one when the URL is set
     * without a secret or when {@code rotate} asks for it, the current one otherwise. Shared by the API
     * and the intake-settings page, so both create and rotate secrets alike.
     */
    public static Optional<String> secretFor(Optional<URI> webhook, Optional<String> current, boolean rotate) {
        if (webhook.isEmpty()) {
            return Optional.empty();
        }
        if (current.isEmpty() || rotate) {
            return Optional.of(encodeSecret(newSecret()));
        }
        return current;
    }

    /** The header value for {@code body} sent at {@code unixSeconds}. */
    public static String sign(byte[] secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + signature(secret, unixSeconds, body);
    }

    /**
     * Whether {@code header} is a valid signature of {@code body} made no more than {@code toleranceSeconds}
     * from now (either way, for clock skew). Several {@code v1} entries are accepted, any one of which may
     * match, so that a sender can sign with an old and a new secret while a secret is rotated; other
     * entries (such as Stripe's {@code v0}) are ignored. Malformed headers are simply not valid.
     */
    public static boolean verify(byte[] secret, String header, byte[] body, long nowUnixSeconds, long toleranceSeconds) {
        Objects.requireNonNull(body, "body");
        if (toleranceSeconds < 0) {
            throw new IllegalArgumentException("toleranceSeconds must not be negative, was " + toleranceSeconds);
        }
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String entry : header.split(",", -1)) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                return false;
            }
            String key = entry.substring(0, equals).strip();
            String value = entry.substring(equals + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("\\d{1,18}")) {
                    return false;
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty() || Math.abs(nowUnixSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = signature(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : signatures) {
            // constant-time, and every entry is tried: the time taken must not reveal which or how much matched
            matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    /** A fresh random 256-bit secret. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public static String encodeSecret(byte[] secret) {
        requireSecret(secret);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** @throws IllegalArgumentException if {@code encoded} is not {@code whsec_} and base64url */
    public static byte[] decodeSecret(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (!encoded.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] secret = Base64.getUrlDecoder().decode(encoded.substring(SECRET_PREFIX.length()));
        requireSecret(secret);
        return secret;
    }

    private static String signature(byte[] secret, long unixSeconds, byte[] body) {
        requireSecret(secret);
        Objects.requireNonNull(body, "body");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void requireSecret(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
    }
}
