package io.oversight.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Records actions in the audit ledger from inside the caller's business transaction.
 * The record is written to the ledger's outbox in that transaction, so it is committed or rolled
 * back with the business change it describes; the sequencer seals committed records into entries
 * shortly after. Recording takes no global lock and never waits for the sequencer.
 */
public interface AuditRecorder {

    /**
     * Writes a record in the current transaction.
     *
     * @return the record's outbox id
     * @throws LedgerStorageException if the database refuses the write; the caller's transaction
     *                                should then roll back
     */
    RecordId record(@NotNull @Valid LedgerRecord record);

    /**
     * Writes records in the current transaction, in their order, in one round trip to the database
     * rather than one per record: for the many records of a batch.
     *
     * @throws LedgerStorageException as {@link #record(LedgerRecord)}
     */
    void recordAll(@NotNull List<@NotNull @Valid LedgerRecord> records);
}
