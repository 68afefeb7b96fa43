package io.oversight.review.agreement;

import io.oversight.review.agreement.Agreement.Metric;

/**
 * Cohen's kappa (Cohen 1960, "A coefficient of agreement for nominal scales"): two raters, nominal
 * categories, chance agreement from each rater's own category frequencies.
 */
public final class CohensKappa {

    private CohensKappa() {
    }

    /**
     * Over the units both raters rated; units rated by only one of them are left out.
     *
     * @throws IllegalArgumentException unless the data has exactly two raters
     */
    public static Agreement of(Ratings ratings) {
        if (ratings.raters() != 2) {
            throw new IllegalArgumentException("Cohen's kappa compares exactly two raters, the data has "
                    + ratings.raters() + "; use Fleiss' kappa or Krippendorff's alpha for more");
        }
        ConfusionMatrix matrix = ConfusionMatrix.between(ratings, ratings.raterIds().get(0), ratings.raterIds().get(1));
        return matrix.total() == 0 ? Agreement.nothingToCompare(Metric.COHENS_KAPPA, ratings) : of(matrix);
    }

    /** Kappa of a confusion matrix, e.g. between a reviewer and the model. */
    public static Agreement of(ConfusionMatrix matrix) {
        int n = matrix.total();
        if (n == 0) {
            return Agreement.undefined(Metric.COHENS_KAPPA, "the confusion matrix is empty: agreement is undefined",
                    0, 0, 0, 0, 0);
        }
        long agreeing = 0;
        double chance = 0;
        int categoriesUsed = 0;
        for (int c = 0; c < matrix.categories().size(); c++) {
            agreeing += matrix.count(c, c);
            chance += ((double) matrix.rowTotal(c) / n) * ((double) matrix.columnTotal(c) / n);
            categoriesUsed += matrix.rowTotal(c) + matrix.columnTotal(c) > 0 ? 1 : 0;
        }
        double observed = (double) agreeing / n;
        if (categoriesUsed == 1) {
            return Agreement.undefined(Metric.COHENS_KAPPA, Agreement.ONE_CATEGORY, n, 2 * n, 2, observed, chance);
        }
        return Agreement.defined(Metric.COHENS_KAPPA, (observed - chance) / (1 - chance), n, 2 * n, 2, observed, chance);
    }
}
