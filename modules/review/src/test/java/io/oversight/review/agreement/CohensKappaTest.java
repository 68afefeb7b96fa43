package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CohensKappaTest {

    @Test
    void wikipediaSimpleExample() {
        /*
         * Wikipedia, "Cohen's kappa", section "Examples" / "Simple example": 50 grant proposals read by
         * readers A and B, a = 20 Yes/Yes, b = 5 (A Yes, B No), c = 10 (A No, B Yes), d = 15 No/No.
         * p_o = 35/50 = 0.7, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.4.
         */
        ConfusionMatrix matrix = ConfusionMatrix.of("A", "B", pairs(
                20, "Yes", "Yes",
                5, "Yes", "No",
                10, "No", "Yes",
                15, "No", "No"));
        Agreement kappa = CohensKappa.of(matrix);
        assertEquals(0.4, kappa.value().orElseThrow(), 1e-12);
        assertEquals(0.7, kappa.observed(), 1e-12);
        assertEquals(0.5, kappa.expected(), 1e-12);
        assertEquals(50, kappa.units());
        assertEquals(100, kappa.values());
        assertEquals(2, kappa.raters());
    }

    @Test
    void threeCategoriesByHand() {
        /*
         * Hand-computed, 50 units:       B: spam  ham  unsure | A total
         *                        A: spam       15    3       2 | 20
         *                        A: ham         2   17       1 | 20
         *                        A: unsure      1    2       7 | 10
         *                        B total       18   22      10 | 50
         * p_o = (15 + 17 + 7) / 50 = 0.78; p_e = (20*18 + 20*22 + 10*10) / 50^2 = 900 / 2500 = 0.36;
         * kappa = (0.78 - 0.36) / (1 - 0.36) = 0.42 / 0.64 = 0.65625.
         */
        List<Map.Entry<String, String>> pairs = pairs(
                15, "spam", "spam", 3, "spam", "ham", 2, "spam", "unsure",
                2, "ham", "spam", 17, "ham", "ham", 1, "ham", "unsure",
                1, "unsure", "spam", 2, "unsure", "ham", 7, "unsure", "unsure");
        Agreement kappa = CohensKappa.of(ConfusionMatrix.of("A", "B", pairs));
        assertEquals(0.65625, kappa.value().orElseThrow(), 1e-12);
        assertEquals(0.36, kappa.expected(), 1e-12);

        Ratings.Builder builder = Ratings.builder();
        for (int u = 0; u < pairs.size(); u++) {
            builder.add("u" + u, "A", pairs.get(u).getKey()).add("u" + u, "B", pairs.get(u).getValue());
        }
        builder.add("only-A", "A", "spam");
        assertEquals(kappa, CohensKappa.of(builder.build()), "units rated by one rater only are left out");
    }

    @Test
    void oneCategoryOnlyIsUndefinedWithAReason() {
        Agreement kappa = CohensKappa.of(TestRatings.byRater("x x x", "x x ."));
        assertTrue(kappa.value().isEmpty());
        assertEquals(Agreement.ONE_CATEGORY, kappa.undefinedReason());
        assertEquals(2, kappa.units());
    }

    @Test
    void completeDisagreementWithoutSharedCategoriesIsZeroNotUndefined() {
        // p_o = 0 and p_e = 0 (A only says x, B only says y): kappa = (0 - 0) / (1 - 0) = 0.
        assertEquals(0.0, CohensKappa.of(TestRatings.byRater("x x", "y y")).value().orElseThrow());
    }

    @Test
    void noCommonUnitIsUndefinedWithAReason() {
        assertEquals("no unit was rated by two or more raters: agreement is undefined",
                CohensKappa.of(TestRatings.byRater("x .", ". y")).undefinedReason());
        assertEquals("all values are missing: agreement is undefined",
                CohensKappa.of(TestRatings.byRater(". .", ". .")).undefinedReason());
        assertTrue(CohensKappa.of(ConfusionMatrix.of("A", "model", List.of())).value().isEmpty());
    }

    @Test
    void anyNumberOfRatersButTwoIsMisuse() {
        IllegalArgumentException three = assertThrows(IllegalArgumentException.class,
                () -> CohensKappa.of(TestRatings.byRater("x y", "x y", "x x")));
        assertEquals("Cohen's kappa compares exactly two raters, the data has 3; use Fleiss' kappa or "
                + "Krippendorff's alpha for more", three.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CohensKappa.of(TestRatings.byRater("x y")));
    }

    /** Triples (count, row category, column category) as that many pairs. */
    static List<Map.Entry<String, String>> pairs(Object... triples) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            for (int k = 0; k < (Integer) triples[i]; k++) {
                pairs.add(Map.entry((String) triples[i + 1], (String) triples[i + 2]));
            }
        }
        return pairs;
    }
}
