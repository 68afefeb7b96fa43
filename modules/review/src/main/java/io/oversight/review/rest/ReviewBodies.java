package io.oversight.review.rest;

import io.oversight.kernel.InvalidInputException;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a reviewer's decision from its JSON fields. Public so that a page taking the same fields
 * (the gold items page) refuses a verdict exactly as the API does.
 */
public final class ReviewBodies {

    private ReviewBodies() {
    }

    /** A decision from its JSON fields; an unknown or missing verdict is a field error. */
    public static TaskResult result(String verdict, List<String> labels, String output, String rationale) {
        Verdict parsed;
        try {
            parsed = Verdict.valueOf(verdict == null ? "" : verdict.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("verdict", "is required: APPROVE, CORRECT or REJECT");
        }
        if (labels != null && labels.stream().anyMatch(java.util.Objects::isNull)) {
            throw InvalidInputException.of("labels", "must not contain null");
        }
        return new TaskResult(parsed, labels == null ? List.of() : labels, Optional.ofNullable(output),
                rationale == null ? "" : rationale);
    }
}
