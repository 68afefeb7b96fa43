package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerException;

/**
 * An outbox row does not hold a record template the sequencer can seal. Only the recorder writes
 * the outbox, and it encodes every record before writing it, so this means the row was altered.
 * Sealing stops at this row rather than skipping it: a skipped record would be a lost action.
 */
public final class CorruptOutboxRecordException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final long recordId;

    public CorruptOutboxRecordException(long recordId, Throwable cause) {
        super("outbox record " + recordId + " cannot be sealed: " + cause.getMessage(), cause);
        this.recordId = recordId;
    }

    public long recordId() {
        return recordId;
    }
}
