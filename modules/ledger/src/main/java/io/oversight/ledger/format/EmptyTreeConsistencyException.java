package io.oversight.ledger.format;

/**
 * Thrown for a consistency check from tree size 0 to a larger size. Every tree extends the empty
 * tree, so there is nothing to prove, and an empty proof must not be taken as evidence about the
 * larger tree (transparency-dev/merkle #140). A caller that knowingly starts trusting a log from its
 * first non-empty checkpoint (trust on first use) may catch this type; anyone else must treat it as
 * a failure.
 */
public final class EmptyTreeConsistencyException extends InvalidProofException {

    private static final long serialVersionUID = 1L;

    public EmptyTreeConsistencyException(long size2) {
        super("consistency from the empty tree to size " + size2
                + " proves nothing: every tree extends the empty tree");
    }
}
