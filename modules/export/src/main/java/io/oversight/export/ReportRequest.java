package io.oversight.export;

import io.oversight.kernel.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a report covers: one workflow or all of them, over the period {@code [from, to)} of ledger time.
 *
 * @param workflow a workflow key, or empty for all workflows
 */
public record ReportRequest(Optional<String> workflow, Instant from, Instant to) {

    /** Longest period one report covers. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);
    /**
     * How long a period must have ended before it is reported: entries are sealed within about a
     * second, so after this every entry of the period has its final place in the log.
     */
    public static final Duration SETTLING = Duration.ofSeconds(5);

    /**
     * The request's problems, empty when it is acceptable at {@code clock}'s time.
     */
    public List<FieldError> problems(Clock clock) {
        List<FieldError> problems = new ArrayList<>();
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
            Instant latest = clock.instant().minus(SETTLING);
            if (to.isAfter(latest)) {
                problems.add(new FieldError("to",
                        "must be at least " + SETTLING.toSeconds() + " seconds in the past (the period must have ended)"));
            }
        }
        return problems;
    }
}
