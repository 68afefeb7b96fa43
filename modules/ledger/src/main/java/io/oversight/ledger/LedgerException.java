package io.oversight.ledger;

/**
 * Base of the ledger's own failures. Unchecked, so that a failure inside a container-managed
 * transaction rolls it back; each subclass carries the evidence of what went wrong.
 */
public abstract class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected LedgerException(String message) {
        super(message);
    }

    protected LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
