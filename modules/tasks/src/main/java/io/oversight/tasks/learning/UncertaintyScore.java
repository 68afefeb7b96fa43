package io.oversight.tasks.learning;

import io.oversight.tasks.OrderingMethod;
import java.util.Objects;

/**
 * How informative a prediction is to a reviewer, with the method that was asked for and the one that
 * could actually be applied (a committee method falls back to entropy without a committee), so that a
 * queue's order can be explained to the people working it.
 *
 * @param score in [0, 1]; higher means reviewed earlier
 * @param explanation short human-readable account of the score
 */
public record UncertaintyScore(OrderingMethod requested, OrderingMethod applied, double score, String explanation) {

    public UncertaintyScore {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(explanation, "explanation");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }
}
