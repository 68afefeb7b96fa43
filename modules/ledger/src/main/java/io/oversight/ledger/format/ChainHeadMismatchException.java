package io.oversight.ledger.format;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A signed checkpoint's chain head ({@link #expected()}) differs from the chain hash of the entry at
 * tree size - 1 recomputed from the data ({@link #actual()}).
 */
public final class ChainHeadMismatchException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final long treeSize;
    private final Digest expected;
    private final Digest actual;

    public ChainHeadMismatchException(long treeSize, Digest expected, Digest actual) {
        super("chain head of the checkpoint at size " + treeSize + " is " + expected
                + " but entry " + (treeSize - 1) + " hashes to " + actual);
        this.treeSize = treeSize;
        this.expected = expected;
        this.actual = actual;
    }

    public long treeSize() {
        return treeSize;
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }

    @Override
    public OptionalLong sequence() {
        return treeSize == 0 ? OptionalLong.empty() : OptionalLong.of(treeSize - 1);
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
