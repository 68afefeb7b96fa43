package io.oversight.governance.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NominalAlphaTest {

    /*
     * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, example C (nominal data,
     * four observers, missing data), written unit by unit as answer counts:
     *   A: 1 2 3 3 2 1 4 1 2 . . .     u1 {1:3}  u2 {2:3,3:1}  u3 {3:4}  u4 {3:4}  u5 {2:4}
     *   B: 1 2 3 3 2 2 4 1 2 5 . 3     u6 {1:1,2:1,3:1,4:1}  u7 {4:4}  u8 {1:3,2:1}  u9 {2:4}
     *   C: . 3 3 3 2 3 4 2 2 5 1 .     u10 {5:3}  u11 {1:2}  u12 {3:1} (one value: not pairable)
     *   D: 1 2 3 3 2 4 4 1 2 5 1 .
     * Marginals n_1..n_5 = 9, 13, 10, 5, 3 (n = 40); observed disagreement mass: u2 (16-10)/3 = 2,
     * u6 (16-4)/3 = 4, u8 (16-10)/3 = 2, so D = 8; alpha = 1 - 39 * 8 / (1600 - 384) = 0.7434.
     */
    private static final List<Map<String, Long>> UNITS = List.of(
            Map.of("1", 3L), Map.of("2", 3L, "3", 1L), Map.of("3", 4L), Map.of("3", 4L), Map.of("2", 4L),
            Map.of("1", 1L, "2", 1L, "3", 1L, "4", 1L), Map.of("4", 4L), Map.of("1", 3L, "2", 1L), Map.of("2", 4L),
            Map.of("5", 3L), Map.of("1", 2L), Map.of("3", 1L));

    private static NominalAlpha of(List<Map<String, Long>> units) {
        NominalAlpha alpha = NominalAlpha.empty();
        for (Map<String, Long> unit : units) {
            alpha = alpha.plusUnit(unit);
        }
        return alpha;
    }

    @Test
    void publishedNominalExample() {
        NominalAlpha alpha = of(UNITS);
        assertEquals(40, alpha.pairable(), "unit 12 has one value and is not pairable");
        assertEquals(Map.of("1", 9L, "2", 13L, "3", 10L, "4", 5L, "5", 3L), alpha.values());
        assertEquals(8.0, alpha.disagreement(), 1e-12);
        assertEquals(1 - 39 * 8.0 / (1600 - 384), alpha.value().orElseThrow(), 1e-12);
        assertEquals(0.743, alpha.value().orElseThrow(), 0.0005);
    }

    @Test
    void windowsAddUpToTheWholePeriod() {
        NominalAlpha first = of(UNITS.subList(0, 5));
        NominalAlpha second = of(UNITS.subList(5, UNITS.size()));
        NominalAlpha whole = of(UNITS);
        assertEquals(whole.values(), first.plus(second).values());
        assertEquals(whole.disagreement(), first.plus(second).disagreement(), 1e-12);
        assertEquals(whole.value(), first.plus(second).value());
    }

    @Test
    void perfectAgreementOverSeveralAnswersIsOne() {
        NominalAlpha alpha = of(List.of(Map.of("a", 2L), Map.of("b", 3L), Map.of("a", 2L)));
        assertEquals(1.0, alpha.value().orElseThrow(), 1e-12);
    }

    @Test
    void systematicDisagreementIsBelowZero() {
        // every unit split one-one between a and b: observed disagreement exceeds what chance gives
        NominalAlpha alpha = of(List.of(Map.of("a", 1L, "b", 1L), Map.of("a", 1L, "b", 1L), Map.of("a", 1L, "b", 1L)));
        // n = 6, n_a = n_b = 3, D = 3 * (4 - 2) / 1 = 6, expected = 36 - 18 = 18: alpha = 1 - 5 * 6 / 18
        assertEquals(1 - 5 * 6.0 / 18, alpha.value().orElseThrow(), 1e-12);
        assertTrue(alpha.value().orElseThrow() < 0);
    }

    @Test
    void undefinedWithoutVariationOrWithoutPairableUnits() {
        assertTrue(NominalAlpha.empty().value().isEmpty());
        assertTrue(of(List.of(Map.of("a", 1L), Map.of("b", 1L))).value().isEmpty(), "single answers are not pairable");
        assertEquals(0, of(List.of(Map.of("a", 1L), Map.of("b", 1L))).pairable());
        assertTrue(of(List.of(Map.of("a", 3L), Map.of("a", 2L))).value().isEmpty(),
                "one answer everywhere: no expected disagreement, alpha undefined");
    }
}
