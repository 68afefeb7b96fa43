package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {

    /*
     * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
     * Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43), worked example
     * "C. Nominal data, any number of observers, missing data": the reliability data matrix of 4
     * observers (A-D) x 12 units, values 1-5, alpha = 0.743. The paper then computes the same data for
     * the other metrics: ordinal 0.815, interval 0.849, ratio 0.797. Unit 12 has a single value and is
     * not pairable, leaving n = 40 pairable values with coincidence marginals n_1..n_5 = 9, 13, 10, 5, 3.
     */
    private static final Ratings FOUR_OBSERVERS = TestRatings.byRater(
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .");

    @Test
    void fourObserversWithMissingDataNominal() {
        Agreement alpha = KrippendorffAlpha.nominal(FOUR_OBSERVERS);
        assertEquals(0.743, alpha.value().orElseThrow(), 0.0005);
        assertEquals(11, alpha.units());
        assertEquals(40, alpha.values());
        assertEquals(4, alpha.raters());
        // D_e = (n^2 - sum n_c^2) / (n (n - 1)) with the paper's marginals 9, 13, 10, 5, 3.
        assertEquals((40.0 * 40 - (81 + 169 + 100 + 25 + 9)) / (40 * 39), alpha.expected(), 1e-12);
    }

    @Test
    void fourObserversWithMissingDataOrdinal() {
        Agreement alpha = KrippendorffAlpha.ordinal(FOUR_OBSERVERS, List.of("1", "2", "3", "4", "5"));
        assertEquals(0.815, alpha.value().orElseThrow(), 0.0005);
        assertEquals(Agreement.Metric.ALPHA_ORDINAL, alpha.metric());
    }

    @Test
    void fourObserversWithMissingDataInterval() {
        assertEquals(0.849, KrippendorffAlpha.interval(FOUR_OBSERVERS).value().orElseThrow(), 0.0005);
    }

    @Test
    void fourObserversWithMissingDataRatio() {
        assertEquals(0.797, KrippendorffAlpha.ratio(FOUR_OBSERVERS).value().orElseThrow(), 0.0005);
    }

    @Test
    void intervalValuesMayBeSuppliedForNonNumericCategories() {
        Ratings named = TestRatings.byRater(
                "a b c c b a d a b . . .",
                "a b c c b b d a b e . c",
                ". c c c b c d b b e a .",
                "a b c c b d d a b e a .");
        Map<String, Double> valueOf = Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0, "e", 5.0);
        assertEquals(0.849, KrippendorffAlpha.interval(named, valueOf).value().orElseThrow(), 0.0005);
        assertEquals(0.797, KrippendorffAlpha.ratio(named, valueOf).value().orElseThrow(), 0.0005);
        // Ordinal alpha depends on the order only, not on the labels.
        assertEquals(0.815, KrippendorffAlpha.ordinal(named, List.of("a", "b", "c", "d", "e")).value().orElseThrow(),
                0.0005);
    }

    /*
     * Krippendorff (2011), worked example "A. Binary or dichotomous data, two observers, no missing data":
     * 10 units, alpha = 0.095. By hand: 5 units (0,0), 1 unit (1,1), 4 units disagreeing, so
     * o_00 = 10, o_11 = 2, o_01 = o_10 = 4, n_0 = 14, n_1 = 6, n = 20 and
     * alpha = 1 - (n - 1) o_01 / (n_0 n_1) = 1 - 19 * 4 / 84 = 0.0952.
     */
    @Test
    void binaryDataTwoObservers() {
        Ratings binary = TestRatings.byRater(
                "0 1 0 0 0 0 0 0 1 0",
                "1 1 1 0 0 1 0 0 0 0");
        Agreement alpha = KrippendorffAlpha.nominal(binary);
        assertEquals(0.095, alpha.value().orElseThrow(), 0.0005);
        assertEquals(1 - 19.0 * 4 / 84, alpha.value().orElseThrow(), 1e-12);
    }

    @Test
    void perfectAgreementIsOne() {
        Ratings same = TestRatings.byRater("1 2 3 .", "1 2 3 4", "1 . 3 4");
        assertEquals(1.0, KrippendorffAlpha.nominal(same).value().orElseThrow());
        assertEquals(1.0, KrippendorffAlpha.interval(same).value().orElseThrow());
        assertEquals(0.0, KrippendorffAlpha.nominal(same).observed());
    }

    @Test
    void oneCategoryOnlyIsUndefinedWithAReason() {
        Ratings one = TestRatings.byRater("x x x", "x x .");
        Agreement alpha = KrippendorffAlpha.nominal(one);
        assertTrue(alpha.value().isEmpty());
        assertEquals(Agreement.ONE_CATEGORY, alpha.undefinedReason());
        assertEquals(2, alpha.units());
        assertEquals(4, alpha.values());
        assertEquals(Agreement.ONE_CATEGORY, KrippendorffAlpha.ordinal(one, List.of("x", "y")).undefinedReason());
    }

    @Test
    void categoriesAtTheSameIntervalValueAreUndefinedWithAReason() {
        Ratings twoNames = TestRatings.byRater("low low", "LOW low");
        Agreement alpha = KrippendorffAlpha.interval(twoNames, Map.of("low", 1.0, "LOW", 1.0));
        assertTrue(alpha.value().isEmpty());
        assertTrue(alpha.undefinedReason().startsWith("all values are at distance 0"), alpha.undefinedReason());
    }

    @Test
    void noPairableValuesAreUndefinedWithAReason() {
        assertEquals("all values are missing: agreement is undefined",
                KrippendorffAlpha.nominal(TestRatings.byRater(". .", ". .")).undefinedReason());
        assertEquals("only one rater: agreement needs units rated by at least two raters",
                KrippendorffAlpha.nominal(TestRatings.byRater("1 2 3")).undefinedReason());
        assertEquals("no unit was rated by two or more raters: agreement is undefined",
                KrippendorffAlpha.interval(TestRatings.byRater("1 . 3", ". 2 .")).undefinedReason());
        assertEquals("there are no ratings: agreement is undefined",
                KrippendorffAlpha.nominal(Ratings.builder().build()).undefinedReason());
    }

    @Test
    void misuseIsAClearError() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> KrippendorffAlpha.ordinal(FOUR_OBSERVERS, List.of("1", "2", "3", "4")));
        assertEquals("category '5' is not in the supplied order [1, 2, 3, 4]", unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> KrippendorffAlpha.ordinal(FOUR_OBSERVERS, List.of("1", "2", "3", "4", "5", "1")));
        Ratings words = TestRatings.byRater("yes no", "no no");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KrippendorffAlpha.interval(words))
                .getMessage().contains("'yes' is not a number"));
        assertThrows(IllegalArgumentException.class, () -> KrippendorffAlpha.interval(words, Map.of("yes", 1.0)));
        assertThrows(IllegalArgumentException.class,
                () -> KrippendorffAlpha.ratio(TestRatings.byRater("-1 2", "2 2")));
    }

    @Test
    void ratioTreatsTwoZerosAsEqual() {
        Agreement alpha = KrippendorffAlpha.ratio(TestRatings.byRater("0 0 5", "0 0 5"));
        assertEquals(1.0, alpha.value().orElseThrow());
        assertFalse(Double.isNaN(alpha.observed()));
    }
}
