package io.oversight.simulator.experiments;

import io.oversight.simulator.platform.Advice;
import java.util.List;
import java.util.Optional;

/**
 * Checks the platform's earned-autonomy advice against the truth the harness knows: for the held-out
 * items of the oversight-level experiment (one model, so one confidence per item), what share an
 * auto-accept threshold sends to people and how many of the items it accepts automatically the model
 * got wrong, and which threshold is the lowest-load one whose measured error meets the target.
 */
public final class AdviceCheck {

    /** A held-out item as the model scored it: the posted confidence, and whether its label is the true one. */
    public record ScoredItem(double confidence, boolean modelRight) {
    }

    /**
     * What a threshold does to the items, measured against their true labels.
     *
     * @param autoAccepted      items at or above the threshold (accepted without review)
     * @param autoAcceptedWrong of those, the ones whose model label is wrong
     */
    public record Measured(double threshold, int items, int autoAccepted, int autoAcceptedWrong) {

        /** Share of the items sent to people. */
        public double reviewLoad() {
            return items == 0 ? 0 : (double) (items - autoAccepted) / items;
        }

        /** Error rate of the auto-accepted items; 0 when nothing is auto-accepted. */
        public double autoAcceptedErrorRate() {
            return autoAccepted == 0 ? 0 : (double) autoAcceptedWrong / autoAccepted;
        }
    }

    /**
     * One target bound: the advice's recommendation next to what the same threshold did in the
     * measured data, and the measured best threshold.
     *
     * @param recommended   the advice's recommended point, absent when it recommended none
     * @param atRecommended the measured load and error at the recommended threshold
     * @param measuredBest  the lowest-load candidate whose measured auto-accepted error is at most the target
     */
    public record Comparison(double target, long advicePredictions, long adviceOutcomes, Optional<Advice.Point> recommended,
            Optional<Measured> atRecommended, Optional<Measured> measuredBest) {

        /** Whether the recommended threshold kept the measured auto-accepted error within the target. */
        public Optional<Boolean> recommendedMeetsTarget() {
            return atRecommended.map(m -> m.autoAcceptedErrorRate() <= target);
        }
    }

    private final List<ScoredItem> items;

    public AdviceCheck(List<ScoredItem> items) {
        this.items = List.copyOf(items);
    }

    /** Auto-accept at or above the threshold, as the routing policy does. */
    public Measured at(double threshold) {
        int auto = 0;
        int wrong = 0;
        for (ScoredItem item : items) {
            if (item.confidence() >= threshold) {
                auto++;
                wrong += item.modelRight() ? 0 : 1;
            }
        }
        return new Measured(threshold, items.size(), auto, wrong);
    }

    /** The candidate with the lowest measured load whose measured auto-accepted error is at most the target. */
    public Optional<Measured> best(List<Double> candidates, double target) {
        Optional<Measured> best = Optional.empty();
        for (double threshold : candidates) {
            Measured m = at(threshold);
            if (m.autoAcceptedErrorRate() <= target && (best.isEmpty() || m.reviewLoad() < best.get().reviewLoad())) {
                best = Optional.of(m);
            }
        }
        return best;
    }

    /** The advice for one target next to the measured data, over the advice's own candidate thresholds. */
    public Comparison compare(Advice advice) {
        List<Double> candidates = advice.curve().stream().map(Advice.Point::threshold).toList();
        return new Comparison(advice.targetErrorBound(), advice.predictions(), advice.outcomes(), advice.recommended(),
                advice.recommended().map(p -> at(p.threshold())), best(candidates, advice.targetErrorBound()));
    }
}
