package io.oversight.ledger.format;

/**
 * A signed note or checkpoint text that is not in the strict C2SP signed-note /
 * tlog-checkpoint syntax this ledger produces.
 */
public final class MalformedNoteException extends VerificationException {

    private static final long serialVersionUID = 1L;

    public MalformedNoteException(String reason) {
        super(reason);
    }

    public MalformedNoteException(String reason, Throwable cause) {
        super(reason, cause);
    }

    @Override
    public Kind kind() {
        return Kind.MALFORMED;
    }
}
