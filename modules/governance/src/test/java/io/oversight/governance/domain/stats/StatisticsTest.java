package io.oversight.governance.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The monitors' statistics against examples worked by hand (each test states its derivation) and
 * against published table values, plus the edge cases that must answer "undefined" rather than NaN.
 */
class StatisticsTest {

    private static final double TOLERANCE = 1e-6;

    /** Ten scores in each decile's middle: 0.05, 0.15, ..., 0.95, ten of each (n = 100). */
    private static Histogram evenReference() {
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = 0.05 + 0.1 * (i / 10);
        }
        return Histogram.ofScores(scores);
    }

    @Test
    void psiOverTheReferenceDecilesWithAnEmptyBin() {
        // Reference deciles: each of the 10 groups holds 10% (0.05 ... 0.95, ten each).
        // Current: 20% in the first group, 0% in the second, 10% in each of the other eight.
        // PSI = (0.2 − 0.1)·ln(0.2/0.1) + (ε − 0.1)·ln(ε/0.1) + 8·0
        //     = 0.1·0.693147 + (−0.0999)·(−6.907755) = 0.069315 + 0.690085 = 0.759399 (ε = 0.0001).
        double[] current = new double[100];
        for (int i = 0; i < 100; i++) {
            int decile = i / 10;
            current[i] = decile == 1 ? 0.05 : 0.05 + 0.1 * decile;
        }
        double psi = Drift.psi(evenReference(), Histogram.ofScores(current)).orElseThrow();
        assertEquals(0.7593994704, psi, TOLERANCE);
    }

    @Test
    void psiOfASampleAgainstItselfIsZeroAndDecileBinsCoverEveryFineBin() {
        assertEquals(0.0, Drift.psi(evenReference(), evenReference()).orElseThrow(), 0.0);
        List<int[]> groups = Drift.decileGroups(evenReference().counts());
        assertEquals(10, groups.size());
        assertEquals(0, groups.get(0)[0]);
        assertEquals(5, groups.get(0)[1], "the first decile closes at the bin of 0.05");
        assertEquals(99, groups.get(9)[1]);
    }

    @Test
    void psiBinsCollapseWhenOneFineBinHoldsMoreThanADecile() {
        // Every reference score is 0.5: one fine bin holds 100%, so there are two groups: [0, 50] and
        // [51, 99]. A current sample all at 0.9 puts 100% in the second:
        // PSI = (ε − 1)·ln(ε/1) + (1 − ε)·ln(1/ε) = 2·0.9999·9.210340 = 18.418839.
        double psi = Drift.psi(Histogram.ofScores(0.5, 0.5, 0.5), Histogram.ofScores(0.9)).orElseThrow();
        assertEquals(2 * 0.9999 * Math.log(1e4), psi, TOLERANCE);
    }

    @Test
    void psiOverCategoriesTreatsAMissingCategoryWithEpsilon() {
        // reference a 50%, b 50%; current a 100%: (1 − 0.5)·ln(2) + (ε − 0.5)·ln(ε/0.5)
        // = 0.346574 + (−0.4999)·(−8.517193) = 0.346574 + 4.257745 = 4.604319
        double psi = Drift.psi(Map.of("a", 5L, "b", 5L), Map.of("a", 8L)).orElseThrow();
        assertEquals(0.5 * Math.log(2) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5), psi, TOLERANCE);
        assertEquals(4.604319, psi, 1e-6);
    }

    @Test
    void ksStatisticOfTwoSmallSamplesAndItsCorrectedAsymptoticPValue() {
        // a = {.1 .2 .3 .4}, b = {.3 .4 .5 .6}. ECDF gaps after each value: .1 → 1/4−0, .2 → 2/4−0,
        // .3 → 3/4−1/4, .4 → 1−2/4, .5 → 1−3/4, .6 → 0; D = 0.5.
        // n_e = 4·4/8 = 2; λ = (√2 + 0.12 + 0.11/√2)·0.5 = 0.805998; Q(λ) = 0.534416.
        Drift.KsResult raw = Drift.ks(new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {0.3, 0.4, 0.5, 0.6}).orElseThrow();
        assertEquals(0.5, raw.statistic(), TOLERANCE);
        assertEquals(0.534416, raw.pValue(), 1e-6);
        // the same samples at bin resolution give the same D (no two values share a bin)
        Drift.KsResult binned = Drift.ks(Histogram.ofScores(0.105, 0.205, 0.305, 0.405),
                Histogram.ofScores(0.305, 0.405, 0.505, 0.605)).orElseThrow();
        assertEquals(0.5, binned.statistic(), TOLERANCE);
        assertEquals(4, binned.n());
    }

    @Test
    void kolmogorovDistributionMatchesSmirnovsPublishedCriticalValues() {
        // Smirnov (1948), "Table for estimating the goodness of fit of empirical distributions":
        // the asymptotic critical values of √n·D are 1.2238 (α = 0.10), 1.3581 (α = 0.05), 1.6276 (α = 0.01).
        assertEquals(0.10, Drift.kolmogorovQ(1.2238), 1e-4);
        assertEquals(0.05, Drift.kolmogorovQ(1.3581), 1e-4);
        assertEquals(0.01, Drift.kolmogorovQ(1.6276), 1e-4);
        // both series agree where one hands over to the other
        double below = Drift.kolmogorovQ(1.1799999);
        double above = Drift.kolmogorovQ(1.18);
        assertEquals(below, above, 1e-6);
        assertEquals(1.0, Drift.kolmogorovQ(0.0));
        assertEquals(1.0, Drift.kolmogorovQ(0.1), 1e-9);
    }

    @Test
    void chiSquareOfATwoByTwoTableAndPublishedCriticalValues() {
        // reference a 30, b 20; current a 20, b 30. Every expected count is 50·50/100 = 25;
        // χ² = 4·(5²/25) = 4 with 1 df; P(χ²₁ > 4) = erfc(√2) = 0.0455003.
        Drift.ChiSquareResult r = Drift.chiSquare(Map.of("a", 30L, "b", 20L), Map.of("a", 20L, "b", 30L)).orElseThrow();
        assertEquals(4.0, r.statistic(), TOLERANCE);
        assertEquals(1, r.degreesOfFreedom());
        assertEquals(0.0455003, r.pValue(), 1e-6);
        // published 5% critical values of chi-square: 3.841 (1 df), 5.991 (2 df), 18.307 (10 df)
        assertEquals(0.05, Gamma.upperRegularized(0.5, 3.841 / 2), 1e-4);
        assertEquals(0.05, Gamma.upperRegularized(1.0, 5.991 / 2), 1e-4);
        assertEquals(0.05, Gamma.upperRegularized(5.0, 18.307 / 2), 1e-4);
    }

    @Test
    void chiSquareWithASingleCategoryOrAnEmptySideIsUndefined() {
        assertTrue(Drift.chiSquare(Map.of("a", 10L), Map.of("a", 5L)).isEmpty(), "single class: nothing to compare");
        assertTrue(Drift.chiSquare(Map.of("a", 10L, "b", 3L), Map.of()).isEmpty());
        assertTrue(Drift.psi(Map.of("a", 1L), Map.of()).isEmpty());
    }

    @Test
    void emptySamplesGiveNoDriftNumber() {
        assertTrue(Drift.psi(Histogram.empty(), evenReference()).isEmpty());
        assertTrue(Drift.psi(evenReference(), Histogram.empty()).isEmpty());
        assertTrue(Drift.ks(Histogram.empty(), evenReference()).isEmpty());
        assertTrue(Drift.ks(new double[0], new double[] {1}).isEmpty());
    }

    @Test
    void expectedCalibrationErrorAndBrierOfSixOutcomes() {
        // Four items at 0.95 of which humans confirmed three: bin [0.9, 1.0], accuracy 0.75, confidence 0.95.
        // Two items at 0.65, both confirmed: bin [0.6, 0.7), accuracy 1.0, confidence 0.65.
        // ECE = 4/6·|0.75 − 0.95| + 2/6·|1.0 − 0.65| = 0.133333 + 0.116667 = 0.25
        // Brier = (3·(0.95 − 1)² + (0.95 − 0)² + 2·(0.65 − 1)²)/6 = (0.0075 + 0.9025 + 0.245)/6 = 0.1925
        Calibration c = Calibration.empty().plus(0.95, true).plus(0.95, true).plus(0.95, true).plus(0.95, false)
                .plus(0.65, true).plus(0.65, true);
        assertEquals(0.25, c.expectedCalibrationError().orElseThrow(), TOLERANCE);
        assertEquals(0.1925, c.brier().orElseThrow(), TOLERANCE);
        Calibration.ReliabilityBin top = c.reliability().get(9);
        assertEquals(4, top.count());
        assertEquals(0.95, top.meanConfidence().orElseThrow(), TOLERANCE);
        assertEquals(0.75, top.accuracy().orElseThrow(), TOLERANCE);
        assertFalse(c.reliability().get(0).accuracy().isPresent(), "an empty bin has no accuracy, not NaN");
        assertEquals(c.encode(), Calibration.decode(c.encode()).encode(), "storage form round-trips");
    }

    @Test
    void aSingleClassOutcomeSetIsCalibratedOnlyWhereConfidenceIsOne() {
        // every item at confidence 1.0 and confirmed: ECE 0, Brier 0 (bin 1.0 belongs to the last bin)
        Calibration c = Calibration.empty().plus(1.0, true).plus(1.0, true);
        assertEquals(0.0, c.expectedCalibrationError().orElseThrow(), 0.0);
        assertEquals(0.0, c.brier().orElseThrow(), 0.0);
        assertTrue(Calibration.empty().expectedCalibrationError().isEmpty());
        assertTrue(Calibration.empty().brier().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Calibration.empty().plus(Double.NaN, true));
    }

    @Test
    void wilsonIntervalsMatchNewcombesPublishedExamples() {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3:
        // 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/10 → 0.0000–0.2775.
        Wilson.Interval a = Wilson.interval95(81, 263).orElseThrow();
        assertEquals(0.2553, a.lower(), 5e-5);
        assertEquals(0.3662, a.upper(), 5e-5);
        Wilson.Interval b = Wilson.interval95(15, 148).orElseThrow();
        assertEquals(0.0624, b.lower(), 5e-5);
        assertEquals(0.1605, b.upper(), 5e-5);
        // 0/10 by hand: centre = (0 + z²/20)/(1 + z²/10) = 0.192073/1.384146 = 0.138766 and the half
        // width is the same, so the interval is [0, 0.277533].
        Wilson.Interval zero = Wilson.interval95(0, 10).orElseThrow();
        assertEquals(0.0, zero.lower(), TOLERANCE);
        assertEquals(0.2775328, zero.upper(), TOLERANCE);
        assertTrue(Wilson.interval95(0, 0).isEmpty(), "no sample, no interval");
    }

    @Test
    void newcombesHybridIntervalOfADifferenceMatchesHisPublishedExample() {
        // Newcombe (1998), "Interval estimation for the difference between independent proportions",
        // Table II example (a): 56/70 − 48/80 = 0.2000, method 10 (hybrid score): 0.0524 to 0.3339.
        NewcombeDifference.Interval d = NewcombeDifference.of(56, 70, 48, 80).orElseThrow();
        assertEquals(0.2, d.difference(), TOLERANCE);
        assertEquals(0.0524, d.lower(), 5e-5);
        assertEquals(0.3339, d.upper(), 5e-5);
        assertTrue(NewcombeDifference.of(1, 2, 0, 0).isEmpty(), "no comparison without a second sample");
    }

    @Test
    void histogramsStoreAndMergeByAddition() {
        Histogram h = Histogram.ofScores(0.0, 0.011, 1.0, 1.0);
        assertEquals("0:1,1:1,99:2", h.encode());
        assertEquals(h, Histogram.decode(h.encode()));
        assertEquals(8, h.plus(h).total());
        assertThrows(IllegalArgumentException.class, () -> Histogram.ofScores(1.5));
    }
}
