package io.oversight.governance;

import java.util.List;
import java.util.Objects;

/**
 * How confidence decides a route: at or above {@code autoAcceptAtOrAbove} the prediction is accepted
 * without review; at or below {@code lowAtOrBelow} it is auto-rejected or escalated; in between it
 * goes to the tier of the highest review band whose lower bound it reaches (the lowest band below
 * all of them). Validated on save: {@code 0 <= low < bands... < autoAccept <= 1}, tiers 1 to 3.
 */
public record ConfidenceBands(double autoAcceptAtOrAbove, double lowAtOrBelow, LowConfidenceOutcome lowOutcome,
                              List<ReviewBand> reviewBands) {

    public ConfidenceBands {
        Objects.requireNonNull(lowOutcome, "lowOutcome");
        reviewBands = List.copyOf(reviewBands);
    }

    /** The review tier of a confidence strictly between the two bounds. */
    public int tierFor(double confidence) {
        int tier = reviewBands.isEmpty() ? 1 : reviewBands.get(0).tier();
        for (ReviewBand band : reviewBands) {
            if (confidence >= band.atOrAbove()) {
                tier = band.tier();
            }
        }
        return tier;
    }
}
