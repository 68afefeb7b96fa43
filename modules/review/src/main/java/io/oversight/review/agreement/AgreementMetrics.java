package io.oversight.review.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every metric that applies to one label's ratings, in a fixed order: percent agreement, Cohen's kappa
 * (only when the data has exactly two raters), Fleiss' kappa, nominal alpha, then the alpha of the
 * label's own level when it is ordinal or interval.
 */
public final class AgreementMetrics {

    private AgreementMetrics() {
    }

    public static List<Agreement> nominal(Ratings ratings) {
        List<Agreement> metrics = new ArrayList<>();
        metrics.add(PercentAgreement.of(ratings));
        if (ratings.raters() == 2) {
            metrics.add(CohensKappa.of(ratings));
        }
        metrics.add(FleissKappa.of(ratings));
        metrics.add(KrippendorffAlpha.nominal(ratings));
        return metrics;
    }

    /** @see KrippendorffAlpha#ordinal(Ratings, List) */
    public static List<Agreement> ordinal(Ratings ratings, List<String> order) {
        List<Agreement> metrics = nominal(ratings);
        metrics.add(KrippendorffAlpha.ordinal(ratings, order));
        return metrics;
    }

    /** @see KrippendorffAlpha#interval(Ratings, Map) */
    public static List<Agreement> interval(Ratings ratings, Map<String, Double> valueOf) {
        List<Agreement> metrics = nominal(ratings);
        metrics.add(KrippendorffAlpha.interval(ratings, valueOf));
        return metrics;
    }
}
