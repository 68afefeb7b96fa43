package io.oversight.ledger;

import java.time.Instant;

/**
 * Proof of an erasure: when it happened and the outbox id of the ledger record that documents it.
 *
 * @param pseudonym the erased subject's pseudonym, which stays in the ledger, unresolvable
 * @param erasedAt  when the subject's key was destroyed
 * @param record    the {@code ledger.subject.erased} record written in the same transaction
 */
public record ErasureReceipt(String pseudonym, Instant erasedAt, RecordId record) {
}
