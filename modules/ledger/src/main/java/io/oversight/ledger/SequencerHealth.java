package io.oversight.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The sequencer's state, for the readiness check.
 *
 * @param running         whether this server's sealing loop is scheduled
 * @param lastSealAt      when this server last completed a sealing cycle without error
 * @param backlog         committed records waiting to be sealed
 * @param oldestPendingAge age of the oldest waiting record (zero when none)
 * @param treeSize        entries sealed so far
 * @param checkpointSize  entries covered by the latest signed checkpoint
 * @param lastError       the last cycle's error, if it failed
 */
public record SequencerHealth(boolean running, Optional<Instant> lastSealAt, long backlog, Duration oldestPendingAge,
        long treeSize, long checkpointSize, Optional<String> lastError) {
}
