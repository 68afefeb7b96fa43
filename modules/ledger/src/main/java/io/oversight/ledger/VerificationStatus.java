package io.oversight.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Progress or result of an online verification job.
 *
 * @param jobId         the job's id
 * @param state         running, or how it ended
 * @param fromSequence  first entry verified
 * @param toSequence    one past the last entry to verify
 * @param checked       entries checked so far
 * @param requestedBy   pseudonym of the auditor who started it
 * @param startedAt     when it started
 * @param finishedAt    when it ended, once it has
 * @param failure       the first failed check, when state is FAILED (or the cause when ABORTED)
 * @param notices       facts worth knowing that are not failures (e.g. entries not yet checkpointed)
 */
public record VerificationStatus(String jobId, VerificationState state, long fromSequence, long toSequence,
        long checked, String requestedBy, Instant startedAt, Optional<Instant> finishedAt,
        Optional<VerificationFailure> failure, List<String> notices) {

    public VerificationStatus {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(failure, "failure");
        notices = List.copyOf(notices);
    }
}
