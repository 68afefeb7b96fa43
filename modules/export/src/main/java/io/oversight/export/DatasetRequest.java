package io.oversight.export;

import io.oversight.kernel.FieldError;
import io.oversight.tasks.DecisionSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a training set holds: the labels released on one workflow in {@code [from, to)} (decision
 * time), optionally only those of one model snapshot, one guideline version, some decision sources
 * and one final label.
 *
 * @param sources decision sources to keep; empty for every source a person released
 */
public record DatasetRequest(String workflow, Instant from, Instant to, DatasetFormat format,
        Optional<String> modelSnapshotId, Optional<String> guidelineVersionId, Set<DecisionSource> sources,
        Optional<String> label) {

    /** Longest period one export covers. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    public DatasetRequest {
        sources = Set.copyOf(sources);
    }

    /** The request's own problems (not those that need a look-up), empty when it is acceptable at {@code clock}'s time. */
    public List<FieldError> problems(Clock clock) {
        List<FieldError> problems = new ArrayList<>();
        if (workflow == null || workflow.isBlank()) {
            problems.add(new FieldError("workflow", "is required"));
        }
        if (format == null) {
            problems.add(new FieldError("format", "is required: JSONL or CSV"));
        }
        if (from == null) {
            problems.add(new FieldError("from", "is required (an ISO-8601 instant)"));
        }
        if (to == null) {
            problems.add(new FieldError("to", "is required (an ISO-8601 instant)"));
        }
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                problems.add(new FieldError("to", "must be after from " + from));
            } else if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
                problems.add(new FieldError("to",
                        "the period is longer than the maximum of " + MAX_PERIOD.toDays() + " days"));
            }
            if (to.isAfter(clock.instant())) {
                problems.add(new FieldError("to", "must not be in the future: an export holds what was released"));
            }
        }
        if (sources.contains(DecisionSource.MODEL)) {
            problems.add(new FieldError("sources", "MODEL is the model's own output, not a released label"));
        }
        return problems;
    }
}
