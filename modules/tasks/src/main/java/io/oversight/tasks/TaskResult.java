package io.oversight.tasks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reviewer concluded on a task: their verdict, the label(s) they chose (classification) or
 * the output they wrote (free text) when they correct the model, and their rationale. The ledger
 * keeps only digests of the rationale and of a written output.
 *
 * @param labels for {@link Verdict#CORRECT}, the chosen labels; ignored otherwise (an approval
 *               takes the model's labels, a rejection has none)
 */
public record TaskResult(Verdict verdict, List<String> labels, Optional<String> output, String rationale) {

    public TaskResult {
        Objects.requireNonNull(verdict, "verdict");
        labels = List.copyOf(labels);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(rationale, "rationale");
    }
}
