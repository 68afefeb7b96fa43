package io.oversight.simulator.experiments;

import io.oversight.simulator.experiments.AdviceCheck.ScoredItem;
import io.oversight.simulator.platform.Advice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdviceCheckTest {

    /**
     * 20 items: 10 at confidence 0.99 (all right), 5 at 0.90 (1 wrong), 5 at 0.60 (3 wrong).
     * At 0.95: 10 auto-accepted, 0 wrong, load 10/20. At 0.85: 15 auto-accepted, 1 wrong (0.0667), load 5/20.
     * At 0.50: 20 auto-accepted, 4 wrong (0.2), load 0.
     */
    private static AdviceCheck check() {
        List<ScoredItem> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new ScoredItem(0.99, true));
        }
        for (int i = 0; i < 5; i++) {
            items.add(new ScoredItem(0.90, i != 0));
        }
        for (int i = 0; i < 5; i++) {
            items.add(new ScoredItem(0.60, i >= 3));
        }
        return new AdviceCheck(items);
    }

    private static Advice.Point point(double threshold, double reviewShare, Double upper) {
        return new Advice.Point(threshold, reviewShare, 100, Optional.ofNullable(upper), Optional.ofNullable(upper));
    }

    @Test
    void measuresLoadAndAutoAcceptedErrorAtAThresholdAcceptingAtOrAbove() {
        AdviceCheck.Measured m = check().at(0.90);

        assertEquals(15, m.autoAccepted());
        assertEquals(1, m.autoAcceptedWrong());
        assertEquals(0.25, m.reviewLoad(), 1e-9);
        assertEquals(1.0 / 15, m.autoAcceptedErrorRate(), 1e-9);
    }

    @Test
    void aThresholdAboveEveryConfidenceReviewsEverythingWithNoAutoAcceptedError() {
        AdviceCheck.Measured m = check().at(1.0);

        assertEquals(0, m.autoAccepted());
        assertEquals(1.0, m.reviewLoad(), 1e-9);
        assertEquals(0.0, m.autoAcceptedErrorRate(), 1e-9);
    }

    @Test
    void theMeasuredBestIsTheLowestLoadThresholdWhoseMeasuredErrorMeetsTheTarget() {
        List<Double> candidates = List.of(0.5, 0.85, 0.95, 1.0);

        assertEquals(0.85, check().best(candidates, 0.10).orElseThrow().threshold(), 1e-9);
        assertEquals(0.95, check().best(candidates, 0.05).orElseThrow().threshold(), 1e-9);
        assertEquals(0.5, check().best(candidates, 0.20).orElseThrow().threshold(), 1e-9);
    }

    @Test
    void comparesTheRecommendationWithWhatItsThresholdDidInTheMeasuredData() {
        List<Advice.Point> curve = List.of(point(0.5, 0.0, 0.30), point(0.85, 0.25, 0.04), point(0.95, 0.5, 0.01),
                point(1.0, 1.0, 0.0));
        // the advice believes 0.85 meets 5% (upper bound 0.04), but 1 of its 15 auto-accepted items is wrong (6.7%)
        Advice advice = new Advice(0.05, 2000, Optional.of(curve.get(1)), curve);

        AdviceCheck.Comparison c = check().compare(advice);

        assertEquals(0.85, c.recommended().orElseThrow().threshold(), 1e-9);
        assertEquals(1.0 / 15, c.atRecommended().orElseThrow().autoAcceptedErrorRate(), 1e-9);
        assertEquals(Optional.of(false), c.recommendedMeetsTarget());
        assertEquals(0.95, c.measuredBest().orElseThrow().threshold(), 1e-9);
        assertEquals(0.5, c.measuredBest().orElseThrow().reviewLoad(), 1e-9);
        assertEquals(100, c.adviceOutcomes());
    }

    @Test
    void noRecommendationLeavesTheMeasuredSideOfTheRecommendationEmptyInTheCsv() {
        List<Advice.Point> curve = List.of(point(0.5, 0.0, null), point(1.0, 1.0, null));
        AdviceCheck.Comparison c = check().compare(new Advice(0.01, 20, Optional.empty(), curve));

        assertTrue(c.atRecommended().isEmpty());
        assertTrue(c.recommendedMeetsTarget().isEmpty());
        assertEquals("target_error_bound,advice_predictions,advice_outcomes,recommended_threshold,predicted_error_estimate,"
                + "predicted_error_upper_bound,predicted_review_share,measured_review_load,measured_auto_accepted,"
                + "measured_auto_accepted_wrong,measured_auto_accepted_error_rate,measured_meets_target,measured_best_threshold,"
                + "measured_best_review_load,measured_best_auto_accepted_error_rate\r\n"
                + "0.0100,20,100,none,,,,,,,,,1.0000,1.0000,0.0000\r\n",
                OversightLevelExperiment.adviceTable(List.of(c)).toCsv());
    }
}
