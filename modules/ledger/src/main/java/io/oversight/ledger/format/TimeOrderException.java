package io.oversight.ledger.format;

import java.util.OptionalLong;

/**
 * A timestamp goes backwards: an entry sealed before the entry preceding it, or a checkpoint older
 * than the entries or checkpoints it covers (Trillian #1138).
 */
public final class TimeOrderException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final long sequence;

    public TimeOrderException(long sequence, String detail) {
        super("time goes backwards at entry " + sequence + ": " + detail);
        this.sequence = sequence;
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }

    @Override
    public OptionalLong sequence() {
        return OptionalLong.of(sequence);
    }
}
