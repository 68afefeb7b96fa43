package io.oversight.export;

import io.oversight.kernel.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A retrain rule as governance asks for it: its kind and the parameters that kind reads (the others
 * must be absent, so a rule never carries a value that means nothing).
 *
 * @param corrections N of {@link RetrainTriggerKind#CORRECTIONS_SINCE_EXPORT}, at least 1
 * @param rate        r of {@link RetrainTriggerKind#CORRECTION_RATE}, in (0, 1]
 * @param windowHours the window of {@link RetrainTriggerKind#CORRECTION_RATE}, 1 to {@value #MAX_HOURS}
 * @param everyHours  the period of {@link RetrainTriggerKind#SCHEDULE}, 1 to {@value #MAX_HOURS}
 */
public record RetrainTriggerRequest(RetrainTriggerKind kind, Optional<Long> corrections, Optional<Double> rate,
        Optional<Integer> windowHours, Optional<Integer> everyHours) {

    /** Longest window or period, in hours (the longest training-set period, 366 days). */
    public static final int MAX_HOURS = 366 * 24;

    /** The request's problems, one per field; empty when acceptable. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldError("kind", "is required: one of CORRECTIONS_SINCE_EXPORT, CORRECTION_RATE, DRIFT_ALERT, SCHEDULE"));
            return problems;
        }
        boolean countRule = kind == RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT;
        boolean rateRule = kind == RetrainTriggerKind.CORRECTION_RATE;
        boolean scheduleRule = kind == RetrainTriggerKind.SCHEDULE;
        expect(problems, "corrections", corrections, countRule);
        expect(problems, "rate", rate, rateRule);
        expect(problems, "windowHours", windowHours, rateRule);
        expect(problems, "everyHours", everyHours, scheduleRule);
        corrections.filter(n -> n < 1).ifPresent(n -> problems.add(new FieldError("corrections", "must be at least 1, not " + n)));
        rate.filter(r -> !(r > 0 && r <= 1)).ifPresent(r -> problems.add(new FieldError("rate", "must be a share in (0, 1], not " + r)));
        windowHours.filter(h -> h < 1 || h > MAX_HOURS).ifPresent(h -> problems.add(
                new FieldError("windowHours", "must be between 1 and " + MAX_HOURS + ", not " + h)));
        everyHours.filter(h -> h < 1 || h > MAX_HOURS).ifPresent(h -> problems.add(
                new FieldError("everyHours", "must be between 1 and " + MAX_HOURS + ", not " + h)));
        return problems;
    }

    private void expect(List<FieldError> problems, String field, Optional<?> value, boolean read) {
        if (read && value.isEmpty()) {
            problems.add(new FieldError(field, "is required for a " + kind + " rule"));
        } else if (!read && value.isPresent()) {
            problems.add(new FieldError(field, "means nothing for a " + kind + " rule; leave it out"));
        }
    }
}
