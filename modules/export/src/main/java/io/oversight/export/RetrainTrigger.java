package io.oversight.export;

import java.time.Instant;
import java.util.Optional;

/**
 * A workflow's retrain rule and its state. A rule is {@code armed} until it fires; it fires once
 * per crossing of its condition, and is armed again only once the condition no longer holds (see
 * {@link io.oversight.export.RetrainTriggers}).
 *
 * @param lastExportId the training-set export its last firing made
 */
public record RetrainTrigger(String id, String workflow, RetrainTriggerRequest rule, boolean armed, String createdBy,
        Instant createdAt, Optional<Instant> lastFiredAt, Optional<String> lastExportId, long firings) {
}
