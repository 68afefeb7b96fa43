package io.oversight.ledger;

/** The ledger's database could not be read or written; the message names the operation. */
public final class LedgerStorageException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public LedgerStorageException(String operation, Throwable cause) {
        super(operation + " failed: " + cause.getMessage(), cause);
    }
}
