package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SPEC R7 target: agreement metrics over one million labels in under 2 s. Builds the ratings from
 * string ids (as a query would return them) and computes every metric, three times: the first run
 * includes JIT warm-up. Prints {@code BENCH} lines; run on demand:
 * {@code ./mvnw -B -o -pl modules/review test -Dgroups=benchmark -DexcludedGroups=none
 * -Dtest=AgreementBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class AgreementBenchmark {

    private static final int UNITS = 200_000;
    private static final int RATERS = 5;
    private static final List<String> CATEGORIES = List.of("1", "2", "3", "4", "5", "6");

    @Test
    void oneMillionLabels() {
        String[] unitIds = new String[UNITS];
        for (int u = 0; u < UNITS; u++) {
            unitIds[u] = "task-" + u;
        }
        String[] raterIds = {"alice", "bob", "carol", "dave", "erin"};
        Random random = new Random(42);
        // Each rater copies a unit's "true" category 70% of the time; 5% of the cells are missing.
        String[] labels = new String[UNITS * RATERS];
        for (int u = 0; u < UNITS; u++) {
            int truth = random.nextInt(CATEGORIES.size());
            for (int r = 0; r < RATERS; r++) {
                labels[u * RATERS + r] = random.nextInt(20) == 0 ? null
                        : CATEGORIES.get(random.nextInt(10) < 7 ? truth : random.nextInt(CATEGORIES.size()));
            }
        }
        Map<String, Double> values = Map.of("1", 1.0, "2", 2.0, "3", 3.0, "4", 4.0, "5", 5.0, "6", 6.0);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            Ratings.Builder builder = Ratings.builder();
            for (int u = 0; u < UNITS; u++) {
                for (int r = 0; r < RATERS; r++) {
                    builder.add(unitIds[u], raterIds[r], labels[u * RATERS + r]);
                }
            }
            Ratings ratings = builder.build();
            long built = System.nanoTime();
            List<Agreement> metrics = new ArrayList<>(AgreementMetrics.ordinal(ratings, CATEGORIES));
            metrics.add(KrippendorffAlpha.interval(ratings, values));
            metrics.add(KrippendorffAlpha.ratio(ratings, values));
            ConfusionMatrix matrix = ConfusionMatrix.between(ratings, "alice", "bob");
            metrics.add(CohensKappa.of(matrix));
            long end = System.nanoTime();
            System.out.printf("BENCH agreement run %d: %,d labels (%,d values) over %,d units x %d raters; build %.0f ms, "
                    + "metrics %.0f ms, total %.0f ms%n", run, UNITS * RATERS, ratings.values(), UNITS, RATERS,
                    (built - start) / 1e6, (end - built) / 1e6, (end - start) / 1e6);
            for (Agreement agreement : metrics) {
                assertTrue(agreement.value().isPresent(), agreement.toString());
                if (run == 1) {
                    System.out.printf("BENCH   %s = %.4f (units %,d, values %,d)%n", agreement.metric(),
                            agreement.value().getAsDouble(), agreement.units(), agreement.values());
                }
            }
        }
    }
}
