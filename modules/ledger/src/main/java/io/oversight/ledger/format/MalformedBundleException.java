package io.oversight.ledger.format;

import java.util.OptionalLong;

/**
 * A bundle that is incomplete or not in the documented layout: missing or unparseable file,
 * truncated {@code entries.bin}, checkpoint outside the bundled range, missing consistency proof.
 */
public final class MalformedBundleException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final long sequence;

    public MalformedBundleException(String reason) {
        super(reason);
        this.sequence = -1;
    }

    public MalformedBundleException(String reason, Throwable cause) {
        super(reason, cause);
        this.sequence = -1;
    }

    /** A framing problem in {@code entries.bin} where entry {@code sequence} was due. */
    public MalformedBundleException(long sequence, String reason) {
        super(reason);
        this.sequence = sequence;
    }

    @Override
    public Kind kind() {
        return Kind.MALFORMED;
    }

    @Override
    public OptionalLong sequence() {
        return sequence < 0 ? OptionalLong.empty() : OptionalLong.of(sequence);
    }
}
