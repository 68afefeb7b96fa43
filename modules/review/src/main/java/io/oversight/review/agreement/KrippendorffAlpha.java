package io.oversight.review.agreement;

import io.oversight.review.agreement.Agreement.Metric;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Krippendorff's alpha, {@code 1 - D_o / D_e}, in the coincidence-matrix formulation of Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability": any number of raters, missing values allowed;
 * a unit with fewer than two values is not pairable and is left out.
 *
 * <p>A unit with {@code m} values adds {@code n_uc * n_uk / (m - 1)} to the coincidence of categories
 * {@code c} and {@code k}; those sums are taken per unit straight into the observed disagreement, so the
 * coincidence matrix itself is never stored, and only its marginals {@code n_c} (the pairable values of
 * each category) are kept, for the expected disagreement and the ordinal distance.
 */
public final class KrippendorffAlpha {

    private KrippendorffAlpha() {
    }

    public static Agreement nominal(Ratings ratings) {
        return alpha(ratings, Metric.ALPHA_NOMINAL, marginals -> (c, k) -> c == k ? 0 : 1);
    }

    /**
     * @param order every category of the data, from lowest to highest; categories of the order that the
     *              data does not use are allowed and change nothing
     * @throws IllegalArgumentException if the data has a category the order lacks, or the order repeats one
     */
    public static Agreement ordinal(Ratings ratings, List<String> order) {
        Map<String, Integer> rankOf = new HashMap<>();
        for (String category : order) {
            if (rankOf.put(category, rankOf.size()) != null) {
                throw new IllegalArgumentException("category '" + category + "' appears twice in the order " + order);
            }
        }
        int[] rank = new int[ratings.categories().size()];
        for (int c = 0; c < rank.length; c++) {
            Integer known = rankOf.get(ratings.categories().get(c));
            if (known == null) {
                throw new IllegalArgumentException("category '" + ratings.categories().get(c)
                        + "' is not in the supplied order " + order);
            }
            rank[c] = known;
        }
        return alpha(ratings, Metric.ALPHA_ORDINAL, marginals -> ordinalDistance(rank, marginals, order.size()));
    }

    /** Interval alpha on categories that are numbers ("1", "2.5"). */
    public static Agreement interval(Ratings ratings) {
        return interval(ratings, parsed(ratings));
    }

    /**
     * @param valueOf the number each category stands for
     * @throws IllegalArgumentException if a category of the data has no finite value
     */
    public static Agreement interval(Ratings ratings, Map<String, Double> valueOf) {
        double[] value = values(ratings, valueOf);
        return alpha(ratings, Metric.ALPHA_INTERVAL, marginals -> (c, k) -> {
            double difference = value[c] - value[k];
            return difference * difference;
        });
    }

    /** Ratio alpha on categories that are non-negative numbers. */
    public static Agreement ratio(Ratings ratings) {
        return ratio(ratings, parsed(ratings));
    }

    /**
     * @param valueOf the non-negative number each category stands for
     * @throws IllegalArgumentException if a category of the data has no finite, non-negative value
     */
    public static Agreement ratio(Ratings ratings, Map<String, Double> valueOf) {
        double[] value = values(ratings, valueOf);
        for (int c = 0; c < value.length; c++) {
            if (value[c] < 0) {
                throw new IllegalArgumentException("ratio alpha needs non-negative values, category '"
                        + ratings.categories().get(c) + "' is " + value[c]);
            }
        }
        return alpha(ratings, Metric.ALPHA_RATIO, marginals -> (c, k) -> {
            double sum = value[c] + value[k];
            // Both values 0: the same point on a ratio scale, at no distance.
            double relative = sum == 0 ? 0 : (value[c] - value[k]) / sum;
            return relative * relative;
        });
    }

    private static Agreement alpha(Ratings ratings, Metric metric, DistanceFactory distanceFactory) {
        long[] marginals = new long[ratings.categories().size()];
        int[] units = new int[1];
        ratings.forEachUnit(size -> size >= 2, (categories, counts, distinct, size) -> {
            for (int j = 0; j < distinct; j++) {
                marginals[categories[j]] += counts[j];
            }
            units[0]++;
        });
        long n = 0;
        int categoriesUsed = 0;
        for (long marginal : marginals) {
            n += marginal;
            categoriesUsed += marginal > 0 ? 1 : 0;
        }
        if (n == 0) {
            return Agreement.nothingToCompare(metric, ratings);
        }
        SquaredDistance distance = distanceFactory.forMarginals(marginals);
        double[] coincidentDistance = new double[1];
        ratings.forEachUnit(size -> size >= 2, (categories, counts, distinct, size) -> {
            double unitSum = 0;
            for (int i = 0; i < distinct; i++) {
                for (int j = i + 1; j < distinct; j++) {
                    unitSum += (double) counts[i] * counts[j] * distance.between(categories[i], categories[j]);
                }
            }
            // Each unordered pair of categories stands for the two ordered cells (c, k) and (k, c).
            coincidentDistance[0] += 2 * unitSum / (size - 1);
        });
        double expectedSum = 0;
        for (int c = 0; c < marginals.length; c++) {
            for (int k = c + 1; k < marginals.length; k++) {
                if (marginals[c] > 0 && marginals[k] > 0) {
                    expectedSum += (double) marginals[c] * marginals[k] * distance.between(c, k);
                }
            }
        }
        double observed = coincidentDistance[0] / n;
        double expected = 2 * expectedSum / ((double) n * (n - 1));
        int values = (int) n;
        int raters = ratings.ratersIn(size -> size >= 2);
        if (expected == 0) {
            String reason = categoriesUsed == 1 ? Agreement.ONE_CATEGORY
                    : "all values are at distance 0 from each other: chance-corrected agreement is undefined";
            return Agreement.undefined(metric, reason, units[0], values, raters, observed, expected);
        }
        return Agreement.defined(metric, 1 - observed / expected, units[0], values, raters, observed, expected);
    }

    /**
     * Krippendorff (2011), ordinal metric: {@code δ²(c, k) = (Σ_{g=c..k} n_g - (n_c + n_k) / 2)²}, the
     * distance grows with how many pairable values lie between two ranks, not with how many ranks do.
     */
    private static SquaredDistance ordinalDistance(int[] rank, long[] marginals, int ranks) {
        long[] atRank = new long[ranks];
        for (int c = 0; c < rank.length; c++) {
            atRank[rank[c]] = marginals[c];
        }
        long[] below = new long[ranks + 1];
        for (int r = 0; r < ranks; r++) {
            below[r + 1] = below[r] + atRank[r];
        }
        return (c, k) -> {
            int low = Math.min(rank[c], rank[k]);
            int high = Math.max(rank[c], rank[k]);
            double between = below[high + 1] - below[low] - (atRank[low] + atRank[high]) / 2.0;
            return between * between;
        };
    }

    private static Map<String, Double> parsed(Ratings ratings) {
        Map<String, Double> valueOf = new HashMap<>();
        for (String category : ratings.categories()) {
            try {
                valueOf.put(category, Double.parseDouble(category));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("category '" + category
                        + "' is not a number; supply the value of each category", e);
            }
        }
        return valueOf;
    }

    private static double[] values(Ratings ratings, Map<String, Double> valueOf) {
        double[] value = new double[ratings.categories().size()];
        for (int c = 0; c < value.length; c++) {
            Double known = valueOf.get(ratings.categories().get(c));
            if (known == null || !Double.isFinite(known)) {
                throw new IllegalArgumentException("category '" + ratings.categories().get(c)
                        + "' has no finite value in " + valueOf);
            }
            value[c] = known;
        }
        return value;
    }

    @FunctionalInterface
    private interface SquaredDistance {
        double between(int category, int otherCategory);
    }

    /** Built once the marginals are known, which only the ordinal distance depends on. */
    @FunctionalInterface
    private interface DistanceFactory {
        SquaredDistance forMarginals(long[] marginals);
    }
}
