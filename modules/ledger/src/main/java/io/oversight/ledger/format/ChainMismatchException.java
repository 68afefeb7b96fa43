package io.oversight.ledger.format;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The hash chain is broken at {@link #sequence()}: the previous-entry hash stored in that entry
 * ({@link #actual()}) differs from the chain hash recomputed from the entry before it
 * ({@link #expected()}). Either that entry's link field or the entry before it was altered; the
 * chain alone cannot tell which, so the failure names the entry holding the broken link.
 */
public final class ChainMismatchException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final long sequence;
    private final Digest expected;
    private final Digest actual;

    public ChainMismatchException(long sequence, Digest expected, Digest actual) {
        super("hash chain broken at entry " + sequence + ": it records previous hash " + actual
                + " but the preceding entry hashes to " + expected
                + " (entry " + sequence + " or the one before it was altered)");
        this.sequence = sequence;
        this.expected = expected;
        this.actual = actual;
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }

    @Override
    public OptionalLong sequence() {
        return OptionalLong.of(sequence);
    }

    @Override
    public Optional<Digest> expected() {
        return Optional.of(expected);
    }

    @Override
    public Optional<Digest> actual() {
        return Optional.of(actual);
    }
}
