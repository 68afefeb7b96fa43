package io.oversight.governance.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputDriftTest {

    private static Map<String, Long> numbers(double... values) {
        Map<String, Long> counts = new HashMap<>();
        for (double v : values) {
            counts.merge(InputDrift.numberKey(v), 1L, Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> categories(String... values) {
        Map<String, Long> counts = new HashMap<>();
        for (String v : values) {
            counts.merge(InputDrift.categoryKey(v), 1L, Long::sum);
        }
        return counts;
    }

    @Test
    void bucketsFollowTheValueOrderAndHoldValuesWithinTwoPercent() {
        assertEquals(0, InputDrift.bucket(0.0));
        assertEquals(0, InputDrift.bucket(-1e-12));
        assertTrue(InputDrift.bucket(-5) < InputDrift.bucket(-0.5));
        assertTrue(InputDrift.bucket(-0.5) < InputDrift.bucket(0));
        assertTrue(InputDrift.bucket(0.5) < InputDrift.bucket(5));
        assertTrue(InputDrift.bucket(5) < InputDrift.bucket(5_000_000));
        // 1e-9 · 1.02^k is the lower edge of bucket k + 1: 100 and 101.9 share one, 100 and 103 do not
        assertEquals(InputDrift.bucket(100), InputDrift.bucket(100.5));
        assertNotEquals(InputDrift.bucket(100), InputDrift.bucket(103));
        assertThrows(IllegalArgumentException.class, () -> InputDrift.numberKey(Double.NaN));
    }

    @Test
    void aNumericShiftIsMeasuredByPsiOverReferenceDecilesAndByKs() {
        // reference: ten values 1..10 (one per decile); window: ten values all at 10. Each value has
        // its own bucket, so the deciles are the ten buckets; the window puts 100% in the last:
        // PSI = 9·(ε − 0.1)·ln(ε/0.1) + (1 − 0.1)·ln(1/0.1), KS D = 0.9 (the reference CDF at 9).
        Map<String, Long> reference = numbers(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Map<String, Long> window = numbers(10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        double eps = Drift.PSI_EPSILON;
        double expected = 9 * (eps - 0.1) * Math.log(eps / 0.1) + 0.9 * Math.log(10);
        assertEquals(expected, InputDrift.psi(reference, window).orElseThrow(), 1e-9);
        Drift.KsResult ks = InputDrift.ks(reference, window).orElseThrow();
        assertEquals(0.9, ks.statistic(), 1e-12);
        assertEquals(10, ks.n());
        assertTrue(InputDrift.chiSquare(reference, window).isEmpty(), "no chi-square test of a numeric field");
        assertEquals(0.0, InputDrift.psi(reference, reference).orElseThrow(), 0.0);
    }

    @Test
    void aCategoricalShiftIsMeasuredByPsiAndChiSquare() {
        // reference 50 DE / 50 FR; window 80 DE / 20 FR: the 2x2 table's expected counts are 65 / 35 on
        // each side, chi-square = 2·(15²/65 + 15²/35) = 19.780, 1 degree of freedom
        Map<String, Long> reference = new HashMap<>(Map.of(InputDrift.categoryKey("DE"), 50L, InputDrift.categoryKey("FR"), 50L));
        Map<String, Long> window = Map.of(InputDrift.categoryKey("DE"), 80L, InputDrift.categoryKey("FR"), 20L);
        Drift.ChiSquareResult chi = InputDrift.chiSquare(reference, window).orElseThrow();
        assertEquals(2 * (225 / 65.0 + 225 / 35.0), chi.statistic(), 1e-9);
        assertEquals(1, chi.degreesOfFreedom());
        assertTrue(chi.pValue() < 1e-4, "19.78 on 1 df: p ≈ 8.7e-6");
        // PSI = (0.8 − 0.5)·ln(0.8/0.5) + (0.2 − 0.5)·ln(0.2/0.5)
        assertEquals(0.3 * Math.log(1.6) - 0.3 * Math.log(0.4), InputDrift.psi(reference, window).orElseThrow(), 1e-12);
        assertTrue(InputDrift.ks(reference, window).isEmpty(), "no KS test of a categorical field");
    }

    @Test
    void longCategoriesAreCutAndEmptySidesGiveNoValue() {
        assertEquals(InputDrift.CATEGORY.length() + InputDrift.MAX_CATEGORY_LENGTH,
                InputDrift.categoryKey("x".repeat(500)).length());
        assertTrue(InputDrift.psi(categories("a"), Map.of()).isEmpty());
        assertTrue(InputDrift.ks(numbers(1), Map.of()).isEmpty());
    }
}
