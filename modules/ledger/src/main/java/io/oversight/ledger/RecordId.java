package io.oversight.ledger;

/**
 * The receipt of {@link AuditRecorder#record}: the record's position in the outbox. It becomes
 * durable with the caller's transaction; the sequencer later seals it into an entry, whose
 * {@code record_id} it is.
 *
 * @param value outbox identity, increasing in insertion order
 */
public record RecordId(long value) {
}
