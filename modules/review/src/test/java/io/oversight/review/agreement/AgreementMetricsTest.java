package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.review.agreement.Agreement.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AgreementMetricsTest {

    private static final List<String> ORDER = List.of("1", "2", "3", "4");
    private static final Map<String, Double> VALUES = Map.of("1", 1.0, "2", 2.0, "3", 3.0, "4", 4.0);

    @Test
    void cohensKappaOnlyForExactlyTwoRaters() {
        assertEquals(List.of(Metric.PERCENT_AGREEMENT, Metric.COHENS_KAPPA, Metric.FLEISS_KAPPA, Metric.ALPHA_NOMINAL),
                metrics(AgreementMetrics.nominal(TestRatings.byRater("1 2", "1 1"))));
        assertEquals(List.of(Metric.PERCENT_AGREEMENT, Metric.FLEISS_KAPPA, Metric.ALPHA_NOMINAL, Metric.ALPHA_ORDINAL),
                metrics(AgreementMetrics.ordinal(TestRatings.byRater("1 2", "1 1", "2 2"), ORDER)));
        assertEquals(List.of(Metric.PERCENT_AGREEMENT, Metric.FLEISS_KAPPA, Metric.ALPHA_NOMINAL, Metric.ALPHA_INTERVAL),
                metrics(AgreementMetrics.interval(TestRatings.byRater("1 2"), VALUES)));
    }

    @Test
    void edgeCasesNeverGiveNaN() {
        List<Ratings> edgeCases = List.of(
                Ratings.builder().build(),
                TestRatings.byRater(". . .", ". . ."),
                TestRatings.byRater("1 2 3"),
                TestRatings.byRater("1 . 3", ". 2 ."),
                TestRatings.byRater("2 2 2", "2 2 2", "2 2 ."),
                TestRatings.byRater("1 1", "4 4"),
                TestRatings.byRater("1", "2"));
        for (Ratings ratings : edgeCases) {
            for (Agreement agreement : everyMetric(ratings)) {
                assertWellFormed(agreement);
            }
        }
        assertTrue(AgreementMetrics.nominal(TestRatings.byRater("2 2 2", "2 2 2")).stream()
                .filter(a -> a.metric() != Metric.PERCENT_AGREEMENT)
                .allMatch(a -> Agreement.ONE_CATEGORY.equals(a.undefinedReason())));
    }

    @Test
    void randomSmallDataNeverGivesNaN() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            Ratings.Builder builder = Ratings.builder();
            int units = 1 + random.nextInt(6);
            int raters = 1 + random.nextInt(4);
            int categories = 1 + random.nextInt(3);
            for (int u = 0; u < units; u++) {
                for (int r = 0; r < raters; r++) {
                    builder.add("u" + u, "r" + r, random.nextInt(3) == 0 ? null : ORDER.get(random.nextInt(categories)));
                }
            }
            for (Agreement agreement : everyMetric(builder.build())) {
                assertWellFormed(agreement);
            }
        }
    }

    @Test
    void anAgreementCannotHoldANonFiniteValue() {
        assertThrows(IllegalArgumentException.class, () -> new Agreement(Metric.ALPHA_NOMINAL,
                OptionalDouble.of(Double.NaN), null, 1, 2, 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Agreement(Metric.ALPHA_NOMINAL,
                OptionalDouble.empty(), null, 1, 2, 2, 0, 0));
    }

    private static List<Agreement> everyMetric(Ratings ratings) {
        List<Agreement> all = new ArrayList<>(AgreementMetrics.interval(ratings, VALUES));
        all.add(KrippendorffAlpha.ordinal(ratings, ORDER));
        all.add(KrippendorffAlpha.ratio(ratings));
        if (ratings.raters() >= 2) {
            all.add(CohensKappa.of(ConfusionMatrix.between(ratings, ratings.raterIds().get(0), ratings.raterIds().get(1))));
        }
        return all;
    }

    private static void assertWellFormed(Agreement agreement) {
        assertFalse(Double.isNaN(agreement.observed()) || Double.isNaN(agreement.expected()), agreement.toString());
        if (agreement.value().isPresent()) {
            assertTrue(Double.isFinite(agreement.value().getAsDouble()), agreement.toString());
            assertNull(agreement.undefinedReason());
        } else {
            assertNotNull(agreement.undefinedReason());
            assertFalse(agreement.undefinedReason().isBlank());
        }
    }

    private static List<Metric> metrics(List<Agreement> agreements) {
        return agreements.stream().map(Agreement::metric).toList();
    }
}
