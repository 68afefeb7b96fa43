package io.oversight.ledger.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How this log is run.
 *
 * @param origin               the log's identity in checkpoints and bundles, pinned by auditors
 * @param signingKeyAlias      keystore alias of the first signing key, used until the first rotation
 * @param batchSize            most records sealed in one transaction
 * @param checkpointMaxEntries sign a checkpoint once this many entries are not covered by one
 * @param checkpointMaxDelay   sign a checkpoint once uncovered entries are this old (per sequencer)
 */
public record LedgerSettings(String origin, String signingKeyAlias, int batchSize, long checkpointMaxEntries,
        Duration checkpointMaxDelay) {

    public LedgerSettings {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(signingKeyAlias, "signingKeyAlias");
        Objects.requireNonNull(checkpointMaxDelay, "checkpointMaxDelay");
        if (batchSize < 1 || checkpointMaxEntries < 1 || checkpointMaxDelay.isNegative()) {
            throw new IllegalArgumentException("batch size and checkpoint interval must be positive");
        }
    }
}
