package io.oversight.ledger.format;

import java.util.Optional;

/**
 * The log is not an append-only extension of an earlier checkpoint the caller kept: the recomputed
 * root or chain head at the earlier size differs, or the consistency proof fails. The cause carries
 * the hash evidence.
 */
public final class InconsistentCheckpointsException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final long earlierSize;
    private final long laterSize;
    private final VerificationException evidence;

    public InconsistentCheckpointsException(long earlierSize, long laterSize, VerificationException evidence) {
        super("the log at size " + laterSize + " does not extend your earlier checkpoint at size "
                + earlierSize + ": " + evidence.getMessage(), evidence);
        this.earlierSize = earlierSize;
        this.laterSize = laterSize;
        this.evidence = evidence;
    }

    public long earlierSize() {
        return earlierSize;
    }

    public long laterSize() {
        return laterSize;
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }

    @Override
    public Optional<Digest> expected() {
        return evidence.expected();
    }

    @Override
    public Optional<Digest> actual() {
        return evidence.actual();
    }
}
