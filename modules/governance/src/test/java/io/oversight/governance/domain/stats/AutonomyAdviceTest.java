package io.oversight.governance.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice on synthetic outcome sets whose error per confidence band is known. */
class AutonomyAdviceTest {

    /**
     * 100 predictions in each 0.01 bin from 0.50 to 0.99 (5,000 in all); 200 outcomes in each bin from
     * 0.70 up, with 1 error per bin from 0.80 (0.5%) and 20 per bin in 0.70–0.79 (10%).
     */
    private static AutonomyAdvice.Result advise(double target, long minimum) {
        long[] predictions = new long[100];
        long[] outcomes = new long[100];
        long[] errors = new long[100];
        for (int b = 50; b < 100; b++) {
            predictions[b] = 100;
            if (b >= 70) {
                outcomes[b] = 200;
                errors[b] = b >= 80 ? 1 : 20;
            }
        }
        return AutonomyAdvice.advise(Histogram.of(predictions), Histogram.of(outcomes), Histogram.of(errors),
                AutonomyAdvice.standardCandidates(), target, minimum);
    }

    @Test
    void recommendsTheLowestLoadThresholdWhoseUpperBoundMeetsTheTarget() {
        // At t = 0.80: 20 bins of equal weight 0.05, each p_b = 1/200 → p̂ = 0.005;
        // n_eff = 1 / (20·0.05²/200) = 4,000; Wilson upper(0.005, 4000) = 0.007711 ≤ 0.01.
        // At t = 0.79 the 10% bin joins with weight 1/21: p̂ = (20·0.005 + 0.10)/21 = 0.009524,
        // n_eff = 4,200, upper = 0.012942 > 0.01. Lower thresholds only add 10% bins.
        // So the advice is 0.80: 30 of 50 bins go to people, a review share of 0.6.
        AutonomyAdvice.Result result = advise(0.01, 100);
        AutonomyAdvice.Point best = result.recommended().orElseThrow();
        assertEquals(0.80, best.threshold(), 1e-9);
        assertEquals(0.6, best.reviewShare(), 1e-9);
        assertEquals(0.007710720, best.errorUpperBound().orElseThrow(), 1e-8);
        AutonomyAdvice.Point t79 = result.curve().stream().filter(p -> Math.abs(p.threshold() - 0.79) < 1e-9).findFirst()
                .orElseThrow();
        assertEquals(0.012941993, t79.errorUpperBound().orElseThrow(), 1e-8);
        assertEquals(51, result.curve().size(), "the whole curve: 0.50 to 1.00");
    }

    @Test
    void aLooserTargetEarnsMoreAutonomy() {
        // target 0.02: t = 0.78 has upper 0.017512 (p̂ = 0.3/22 = 0.013636, n_eff 4,400); t = 0.77 adds a
        // third 10% bin: p̂ = 0.4/23 = 0.017391, n_eff 4,600, upper > 0.02.
        assertEquals(0.78, advise(0.02, 100).recommended().orElseThrow().threshold(), 1e-9);
    }

    @Test
    void bandsWithPredictionsButNoOutcomesCountAsErrorsInTheBound() {
        // below 0.70 there are predictions and no outcome: every threshold under 0.70 carries that
        // weight as errors, e.g. t = 0.69: weight 1/31 unmeasured → upper ≥ 1/31 = 0.032
        AutonomyAdvice.Point t69 = advise(0.5, 100).curve().stream()
                .filter(p -> Math.abs(p.threshold() - 0.69) < 1e-9).findFirst().orElseThrow();
        assertTrue(t69.errorUpperBound().orElseThrow() >= 1.0 / 31, t69.toString());
        assertTrue(advise(0.5, 100).recommended().orElseThrow().threshold() >= 0.5);
    }

    @Test
    void tooFewOutcomesGiveNoBoundAndNoRecommendation() {
        AutonomyAdvice.Result result = advise(0.01, 1_000_000);
        assertTrue(result.recommended().get().autoAcceptShare() == 0.0,
                "only 'auto-accept nothing' (t = 1.0) is safe without enough outcomes");
        assertTrue(result.curve().stream().filter(p -> p.threshold() < 1.0).allMatch(p -> p.errorUpperBound().isEmpty()));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> advise(0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> AutonomyAdvice.advise(Histogram.empty(),
                Histogram.ofScores(0.5), Histogram.ofScores(0.5, 0.5), List.of(0.5), 0.1, 1));
    }
}
