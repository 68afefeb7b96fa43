package io.oversight.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's accuracy on a workflow's gold items.
 *
 * @param windowAccuracy accuracy on the latest answers the pause rule looks at (since the last resume)
 * @param trend          accuracy per day, oldest first
 */
public record ReviewerAccuracy(String reviewer, int answers, int correct, Optional<Double> accuracy,
        Optional<Double> windowAccuracy, boolean paused, List<DailyAccuracy> trend) {

    public ReviewerAccuracy {
        trend = List.copyOf(trend);
    }

    public record DailyAccuracy(LocalDate day, int answers, double accuracy) {
    }
}
