package io.oversight.tasks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reviewer concluded on a task: the label(s) they chose (classification) or the output they
 * wrote (free text), and their rationale, of which the ledger keeps only the digest.
 */
public record TaskResult(List<String> labels, Optional<String> output, String rationale) {

    public TaskResult {
        labels = List.copyOf(labels);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(rationale, "rationale");
    }
}
