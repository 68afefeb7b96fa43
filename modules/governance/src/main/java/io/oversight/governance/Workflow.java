package io.oversight.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A use case under human oversight: its risk framing, how callers integrate, how many
 * reviewers see each item, how long its records are kept, which input fields are personal data, and
 * its current taxonomy.
 *
 * @param key              stable identifier, lower-case letters, digits and dashes
 * @param risk             consequence / volume / accuracy framing
 * @param integrationMode  default integration mode of predictions submitted for it
 * @param reviewersPerItem independent reviews per item, at least 1
 * @param retentionDays    how long its records are kept
 * @param legalHold        whether its records are under legal hold (blocks erasure)
 * @param piiFieldPaths    dotted paths of the input payload's personal-data fields
 */
public record Workflow(
        String key,
        String name,
        String description,
        RiskProfile risk,
        IntegrationMode integrationMode,
        int reviewersPerItem,
        int retentionDays,
        boolean legalHold,
        List<String> piiFieldPaths,
        TaskKind taskKind,
        LabelSelection labelSelection,
        Taxonomy taxonomy,
        Instant createdAt,
        Instant changedAt) {

    public Workflow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(integrationMode, "integrationMode");
        piiFieldPaths = List.copyOf(piiFieldPaths);
        Objects.requireNonNull(taskKind, "taskKind");
        Objects.requireNonNull(labelSelection, "labelSelection");
        Objects.requireNonNull(taxonomy, "taxonomy");
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    /** Whether a reviewer or model may choose this label code for an item of this workflow. */
    public boolean acceptsLabel(String code) {
        return taxonomy.isSelectable(code, labelSelection);
    }
}
