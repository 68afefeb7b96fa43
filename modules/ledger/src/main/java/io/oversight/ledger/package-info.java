/**
 * Ledger module API: recording actions in the caller's transaction, auditor queries, checkpoints,
 * proofs and the pseudonym vault. Other modules use only this package and the
 * plain-Java {@code format} package; other sub-packages are internal.
 */
package io.oversight.ledger;
