package io.oversight.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Agreement among a workflow's reviewers and with the model, for an {@link AgreementQuery}.
 *
 * @param metrics       percent agreement, Cohen's kappa (when exactly two reviewers), Fleiss' kappa,
 *                      Krippendorff's alpha (nominal) over items with two or more reviews; alpha ordinal,
 *                      interval and (values all non-negative) ratio too when the taxonomy is a rating scale
 * @param daily         nominal alpha and percent agreement per day of the period, for the trend chart
 * @param betweenReviewers answers of each item's earlier review (rows) against its later ones (columns)
 * @param humanVsModel  each review's answer (rows) against the model's prediction (columns)
 * @param reviews       reviews read; at most {@link #MAX_REVIEWS}
 */
public record AgreementReport(AgreementQuery query, List<Metric> metrics, List<DailyAgreement> daily,
        Matrix betweenReviewers, Matrix humanVsModel, int reviews, int items, int reviewers, boolean truncated) {

    public static final int MAX_REVIEWS = 2_000_000;

    /**
     * One metric: a finite value, or why it is undefined for this data (never NaN).
     *
     * @param id    stable, for programs: percent_agreement, cohens_kappa, fleiss_kappa, alpha_nominal,
     *              alpha_ordinal, alpha_interval, alpha_ratio
     * @param name  for people; may be reworded
     * @param units items the metric used. Fleiss' kappa assumes every item has the same number of reviews,
     *              so it uses only the items with the most common number (at least two); alpha uses every
     *              item with two or more, which is why their counts can differ
     */
    public record Metric(String id, String name, Optional<Double> value, Optional<String> undefinedReason, int units,
            int values) {
    }

    public record DailyAgreement(LocalDate day, int reviews, Optional<Double> percentAgreement, Optional<Double> alpha) {
    }

    /** A confusion matrix: {@code counts[row][column]} over {@code categories}. */
    public record Matrix(String rowLabel, String columnLabel, List<String> categories, List<List<Integer>> counts,
            int total) {
    }
}
