package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentAgreementTest {

    @Test
    void meanOfPairwiseAgreementPerUnit() {
        /*
         * Hand-computed. u1 = (a, a, a): 6 of 6 ordered pairs agree, 1. u2 = (a, a, b): 2 of 6, 1/3.
         * u3 = (a, b): 0 of 2, 0. u4 has one value and is left out.
         * Percent agreement = (1 + 1/3 + 0) / 3 = 4/9. Chance: 6 a and 2 b among the 8 values,
         * 0.75^2 + 0.25^2 = 0.625.
         */
        Ratings ratings = TestRatings.byRater(
                "a a a a",
                "a a b .",
                "a b . .");
        Agreement agreement = PercentAgreement.of(ratings);
        assertEquals(4.0 / 9, agreement.value().orElseThrow(), 1e-12);
        assertEquals(0.625, agreement.expected(), 1e-12);
        assertEquals(3, agreement.units());
        assertEquals(8, agreement.values());
        assertEquals(3, agreement.raters());
    }

    @Test
    void oneCategoryOnlyIsFullAgreement() {
        assertEquals(1.0, PercentAgreement.of(TestRatings.byRater("x x", "x x")).value().orElseThrow());
    }

    @Test
    void noPairableValuesAreUndefinedWithAReason() {
        assertTrue(PercentAgreement.of(TestRatings.byRater("x y z")).undefinedReason().startsWith("only one rater"));
        assertTrue(PercentAgreement.of(TestRatings.byRater(". .", ". .")).undefinedReason()
                .startsWith("all values are missing"));
    }
}
