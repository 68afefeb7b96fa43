package io.oversight.ledger.format;

import java.time.Instant;

/**
 * A checkpoint is signed only by trusted keys whose validity range (trust file) does not include the
 * checkpoint's time: signed before the key was in service or after it was retired.
 */
public final class KeyNotValidException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Instant checkpointTime;

    public KeyNotValidException(String key, Instant checkpointTime, String validity) {
        super("key " + key + " is not valid at the checkpoint time " + checkpointTime + " (valid " + validity + ")");
        this.key = key;
        this.checkpointTime = checkpointTime;
    }

    /** The key as {@code name+hexkeyid}. */
    public String key() {
        return key;
    }

    public Instant checkpointTime() {
        return checkpointTime;
    }

    @Override
    public Kind kind() {
        return Kind.UNTRUSTED;
    }
}
