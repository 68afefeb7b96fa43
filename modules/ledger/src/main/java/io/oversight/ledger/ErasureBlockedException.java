package io.oversight.ledger;

import java.time.Instant;
import java.util.Optional;

/** Erasure refused: a legal hold applies, or the retention period has not run out. Nothing changed. */
public final class ErasureBlockedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    /** Why erasure is refused. */
    public enum Reason {
        LEGAL_HOLD,
        RETENTION_PERIOD
    }

    private final String pseudonym;
    private final Reason reason;
    private final Optional<Instant> blockedUntil;

    private ErasureBlockedException(String pseudonym, Reason reason, Optional<Instant> blockedUntil, String message) {
        super(message);
        this.pseudonym = pseudonym;
        this.reason = reason;
        this.blockedUntil = blockedUntil;
    }

    public static ErasureBlockedException legalHold(String pseudonym) {
        return new ErasureBlockedException(pseudonym, Reason.LEGAL_HOLD, Optional.empty(),
                "subject " + pseudonym + " is under legal hold; erasure refused");
    }

    public static ErasureBlockedException retention(String pseudonym, Instant until) {
        return new ErasureBlockedException(pseudonym, Reason.RETENTION_PERIOD, Optional.of(until),
                "subject " + pseudonym + " must be retained until " + until + "; erasure refused");
    }

    public String pseudonym() {
        return pseudonym;
    }

    public Reason reason() {
        return reason;
    }

    /** The earliest time erasure becomes possible, for a retention block. */
    public Optional<Instant> blockedUntil() {
        return blockedUntil;
    }
}
