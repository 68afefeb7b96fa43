package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FleissKappaTest {

    /*
     * The worked example of the Wikipedia article "Fleiss' kappa" (section "Worked example", the table
     * of 10 subjects rated by 14 raters into 5 categories), reproduced in many textbooks and libraries:
     * P̄ = 0.378, P̄e = 0.213, kappa = 0.210. Rows are subjects, columns the number of raters who chose
     * categories 1-5. Its formulas are those of Fleiss (1971), "Measuring nominal scale agreement among
     * many raters", Psychological Bulletin 76(5), 378-382.
     */
    private static final int[][] WORKED_EXAMPLE = {
            {0, 0, 0, 0, 14},
            {0, 2, 6, 4, 2},
            {0, 0, 3, 5, 6},
            {0, 3, 9, 2, 0},
            {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0},
            {3, 2, 6, 3, 0},
            {2, 5, 3, 2, 2},
            {6, 5, 2, 1, 0},
            {0, 2, 2, 3, 7}};

    @Test
    void wikipediaWorkedExample() {
        Agreement kappa = FleissKappa.of(TestRatings.fromCounts(WORKED_EXAMPLE, "1", "2", "3", "4", "5"));
        assertEquals(0.210, kappa.value().orElseThrow(), 0.0005);
        assertEquals(0.378, kappa.observed(), 0.0005);
        assertEquals(0.213, kappa.expected(), 0.0005);
        assertEquals(10, kappa.units());
        assertEquals(140, kappa.values());
        assertEquals(14, kappa.raters());
    }

    @Test
    void usesOnlyTheUnitsWithTheMostCommonNumberOfRatings() {
        // u1, u2 have 3 ratings, u3 has 2: kappa is that of u1 and u2 alone.
        Ratings mixed = TestRatings.byRater(
                "a a a",
                "a b b",
                "a b .");
        Ratings modalOnly = TestRatings.byRater("a a", "a b", "a b");
        Agreement kappa = FleissKappa.of(mixed);
        assertEquals(FleissKappa.of(modalOnly).value(), kappa.value());
        assertEquals(2, kappa.units());
        assertEquals(6, kappa.values());
        // By hand on u1 (a a a) and u2 (a b b): P_1 = 1, P_2 = (1 + 4 - 3) / 6 = 1/3, P̄ = 2/3;
        // p_a = 4/6, p_b = 2/6, P̄e = 5/9; kappa = (2/3 - 5/9) / (4/9) = 0.25.
        assertEquals(0.25, kappa.value().orElseThrow(), 1e-12);
    }

    @Test
    void aTieInTheNumberOfRatingsIsResolvedTowardsMoreRatings() {
        Ratings tie = TestRatings.byRater("a a", "a b", ". b");
        Agreement kappa = FleissKappa.of(tie);
        assertEquals(1, kappa.units());
        assertEquals(3, kappa.values());
    }

    @Test
    void edgeCasesAreDefinedOrExplained() {
        Agreement one = FleissKappa.of(TestRatings.byRater("x x", "x x"));
        assertEquals(Agreement.ONE_CATEGORY, one.undefinedReason());
        assertEquals(1.0, one.observed());
        assertEquals(1.0, one.expected());
        assertTrue(FleissKappa.of(TestRatings.byRater("x y")).undefinedReason().startsWith("only one rater"));
        assertTrue(FleissKappa.of(TestRatings.byRater(". .", ". .")).undefinedReason().startsWith("all values are missing"));
    }
}
