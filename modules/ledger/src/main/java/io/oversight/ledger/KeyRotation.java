package io.oversight.ledger;

import java.time.Instant;

/**
 * A completed signing key rotation: checkpoints before {@code at} are signed by the old
 * key, from {@code at} on by the new one; both stay in the trust file with adjacent validity.
 *
 * @param previousKey verifier key string of the retired key
 * @param newKey      verifier key string of the key now in use
 * @param at          the boundary instant (microsecond precision)
 * @param record      the {@code ledger.key.rotated} record written in the same transaction
 */
public record KeyRotation(String previousKey, String newKey, Instant at, RecordId record) {
}
