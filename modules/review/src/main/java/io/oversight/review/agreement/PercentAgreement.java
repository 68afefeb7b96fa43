package io.oversight.review.agreement;

import io.oversight.review.agreement.Agreement.Metric;

/**
 * Share of agreeing rater pairs: within each unit with at least two values, the agreeing pairs over
 * all pairs, averaged over those units so that each unit weighs the same whatever its number of
 * raters (with a constant number of raters this is Fleiss' {@code P̄}). Not chance-corrected, so it
 * stays defined, at 1, when a single category was used.
 */
public final class PercentAgreement {

    private PercentAgreement() {
    }

    /** {@link Agreement#expected()} is the chance agreement {@code Σ p_c²} of the pooled category shares. */
    public static Agreement of(Ratings ratings) {
        long[] categoryTotals = new long[ratings.categories().size()];
        double[] sum = new double[1];
        int[] units = new int[1];
        int[] values = new int[1];
        ratings.forEachUnit(size -> size >= 2, (categories, counts, distinct, size) -> {
            long agreeingPairs = 0;
            for (int j = 0; j < distinct; j++) {
                agreeingPairs += (long) counts[j] * (counts[j] - 1);
                categoryTotals[categories[j]] += counts[j];
            }
            sum[0] += (double) agreeingPairs / ((long) size * (size - 1));
            units[0]++;
            values[0] += size;
        });
        if (units[0] == 0) {
            return Agreement.nothingToCompare(Metric.PERCENT_AGREEMENT, ratings);
        }
        double chance = 0;
        for (long total : categoryTotals) {
            double share = (double) total / values[0];
            chance += share * share;
        }
        double observed = sum[0] / units[0];
        return Agreement.defined(Metric.PERCENT_AGREEMENT, observed, units[0], values[0],
                ratings.ratersIn(size -> size >= 2), observed, chance);
    }
}
