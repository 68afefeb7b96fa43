package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerException;

/**
 * The sequencer refused to sign a checkpoint because stored data disagrees with itself: the tree
 * recomputed from stored tiles differs from the sealed border, the stored last entry does not hash to
 * the chain head, or the new tree does not extend the previous checkpoint. Signing anyway would
 * vouch for a state nobody can verify (CT logs Yeti 2022, Oak 2022); an operator must look.
 */
public final class CheckpointRefusedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final long treeSize;

    public CheckpointRefusedException(long treeSize, String reason, Throwable evidence) {
        super("refusing to sign a checkpoint at size " + treeSize + ": " + reason, evidence);
        this.treeSize = treeSize;
    }

    public long treeSize() {
        return treeSize;
    }
}
