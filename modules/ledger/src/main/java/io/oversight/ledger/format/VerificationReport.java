package io.oversight.ledger.format;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link BundleVerifier#verify}: what was checked and, if verification failed, the
 * first failure with its evidence. A bundle is verified exactly when {@link #failure()} is empty.
 *
 * @param origin              the pinned origin the bundle was verified against
 * @param firstSequence       sequence number of the first bundled entry
 * @param entriesChecked      entries that passed every per-entry check before the first failure
 * @param verifiedCheckpoints checkpoints whose signature, root and chain head matched the entries, by size
 * @param earlierCheckpoint   the caller's earlier checkpoint, when the log was shown to extend it
 * @param notices             facts the auditor should know that are not failures
 * @param failure             the first failure, if any
 */
public record VerificationReport(
        String origin,
        long firstSequence,
        long entriesChecked,
        List<Checkpoint> verifiedCheckpoints,
        Optional<Checkpoint> earlierCheckpoint,
        List<String> notices,
        Optional<VerificationException> failure) {

    public VerificationReport {
        verifiedCheckpoints = List.copyOf(verifiedCheckpoints);
        notices = List.copyOf(notices);
    }

    /** Whether every check passed. */
    public boolean verified() {
        return failure.isEmpty();
    }
}
