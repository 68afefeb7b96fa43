package io.oversight.review.agreement;

import io.oversight.review.agreement.Agreement.Metric;

/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters"): agreement of
 * any number of raters on nominal categories, the raters need not be the same people on every unit.
 *
 * <p>The formula assumes the same number {@code n} of ratings on every unit. Review data rarely has
 * it (a reviewer skips or is reassigned), and failing the whole agreement page for that would help no
 * one, so the metric uses only the units that have the most common number of values (of at least 2;
 * on a tie, the larger number, which carries more information). {@link Agreement#units()} tells how
 * many units that kept; Krippendorff's alpha uses every unit and is the metric to read when many
 * were left out.
 */
public final class FleissKappa {

    private FleissKappa() {
    }

    public static Agreement of(Ratings ratings) {
        int n = modalUnitSize(ratings);
        if (n < 2) {
            return Agreement.nothingToCompare(Metric.FLEISS_KAPPA, ratings);
        }
        long[] categoryTotals = new long[ratings.categories().size()];
        double[] sumOfUnitAgreement = new double[1];
        int[] units = new int[1];
        ratings.forEachUnit(size -> size == n, (categories, counts, distinct, size) -> {
            long sumOfSquares = 0;
            for (int j = 0; j < distinct; j++) {
                sumOfSquares += (long) counts[j] * counts[j];
                categoryTotals[categories[j]] += counts[j];
            }
            sumOfUnitAgreement[0] += (double) (sumOfSquares - n) / ((long) n * (n - 1));
            units[0]++;
        });
        int values = units[0] * n;
        double observed = sumOfUnitAgreement[0] / units[0];
        double expected = 0;
        int categoriesUsed = 0;
        for (long total : categoryTotals) {
            double share = (double) total / values;
            expected += share * share;
            categoriesUsed += total > 0 ? 1 : 0;
        }
        int raters = ratings.ratersIn(size -> size == n);
        if (categoriesUsed == 1) {
            return Agreement.undefined(Metric.FLEISS_KAPPA, Agreement.ONE_CATEGORY, units[0], values, raters,
                    observed, expected);
        }
        return Agreement.defined(Metric.FLEISS_KAPPA, (observed - expected) / (1 - expected), units[0], values, raters,
                observed, expected);
    }

    private static int modalUnitSize(Ratings ratings) {
        int[] unitsOfSize = new int[ratings.raters() + 1];
        for (int u = 0; u < ratings.units(); u++) {
            unitsOfSize[ratings.end(u) - ratings.start(u)]++;
        }
        int modal = 0;
        int mostUnits = 0;
        for (int size = 2; size < unitsOfSize.length; size++) {
            if (unitsOfSize[size] > 0 && unitsOfSize[size] >= mostUnits) {
                modal = size;
                mostUnits = unitsOfSize[size];
            }
        }
        return modal;
    }
}
