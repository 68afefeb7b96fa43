package io.oversight.ledger;

import java.time.Instant;

/**
 * The subject was erased: its key is destroyed and its data unreadable by anyone. Its pseudonym
 * still appears in the ledger, whose entries and proofs still verify.
 */
public final class SubjectErasedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String pseudonym;
    private final Instant erasedAt;

    public SubjectErasedException(String pseudonym, Instant erasedAt) {
        super("subject " + pseudonym + " was erased at " + erasedAt + "; its data no longer exists in readable form");
        this.pseudonym = pseudonym;
        this.erasedAt = erasedAt;
    }

    public String pseudonym() {
        return pseudonym;
    }

    public Instant erasedAt() {
        return erasedAt;
    }
}
