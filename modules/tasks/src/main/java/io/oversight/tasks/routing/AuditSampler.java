package io.oversight.tasks.routing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Decides which automatically accepted predictions a human audits after the fact (human on the loop),
 * by a draw that anyone holding the seed can reproduce: an auditor can recompute from the workflow,
 * the client's key and the recorded seed that a prediction was, or was not, in the sample, and nobody
 * can steer a particular prediction out of it without knowing the seed.
 */
public final class AuditSampler {

    private AuditSampler() {
    }

    /**
     * The first 53 bits of {@code SHA-256(seed + "\n" + workflowKey + "\n" + clientKey)} (UTF-8) as a
     * double in [0, 1); 53 bits because that is all a double's significand holds, so every value is exact.
     */
    public static double draw(String seed, String workflowKey, String clientKey) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(workflowKey, "workflowKey");
        Objects.requireNonNull(clientKey, "clientKey");
        byte[] digest = sha256((seed + "\n" + workflowKey + "\n" + clientKey).getBytes(StandardCharsets.UTF_8));
        return (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
    }

    /** Whether a draw falls in a sample of the given rate: rate 0 never samples, rate 1 always does. */
    public static boolean sampled(double draw, double rate) {
        if (!(draw >= 0 && draw < 1)) {
            throw new IllegalArgumentException("draw must be in [0, 1), was " + draw);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1], was " + rate);
        }
        return draw < rate;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
