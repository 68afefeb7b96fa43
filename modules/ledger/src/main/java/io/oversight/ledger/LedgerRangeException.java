package io.oversight.ledger;

/**
 * A request names tree sizes or sequence numbers the log does not have (yet): a proof to a size
 * beyond the latest checkpoint, an export past the last signed entry, a range that is empty.
 */
public final class LedgerRangeException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public LedgerRangeException(String message) {
        super(message);
    }
}
