package io.oversight.governance;

import io.oversight.ledger.format.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered model snapshot: which artifact (by SHA-256), trained on which export, able
 * to predict which labels, and where it is in its life cycle.
 */
public record ModelSnapshot(
        String id,
        String workflowKey,
        String name,
        String version,
        Digest artifactDigest,
        Optional<String> trainingSetExportId,
        List<String> labelSpace,
        ModelStatus status,
        Instant registeredAt,
        Instant statusChangedAt) {

    public ModelSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(artifactDigest, "artifactDigest");
        Objects.requireNonNull(trainingSetExportId, "trainingSetExportId");
        labelSpace = List.copyOf(labelSpace);
        Objects.requireNonNull(status, "status");
    }
}
