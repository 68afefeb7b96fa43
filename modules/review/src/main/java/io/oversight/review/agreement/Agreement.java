package io.oversight.review.agreement;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One agreement metric computed on one set of ratings.
 *
 * @param value           the coefficient, always finite; empty when it is undefined for this data
 * @param undefinedReason why {@code value} is empty, for display; null when it is present
 * @param units           units the metric used
 * @param values          values (labels) the metric used
 * @param raters          distinct raters among those values
 * @param observed        for percent agreement and the kappas, the observed agreement; for alpha, the
 *                        observed disagreement {@code D_o}; 0 when no values were usable
 * @param expected        the same quantity expected by chance from the pooled category frequencies
 *                        ({@code p_e}, {@code P̄e} or {@code D_e}); 0 when no values were usable
 */
public record Agreement(Metric metric, OptionalDouble value, String undefinedReason, int units, int values,
        int raters, double observed, double expected) {

    static final String ONE_CATEGORY = "only one category was used: chance-corrected agreement is undefined";

    public enum Metric {
        PERCENT_AGREEMENT, COHENS_KAPPA, FLEISS_KAPPA, ALPHA_NOMINAL, ALPHA_ORDINAL, ALPHA_INTERVAL, ALPHA_RATIO
    }

    public Agreement {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        if (value.isPresent() == (undefinedReason != null)) {
            throw new IllegalArgumentException("exactly one of value and undefinedReason must be given");
        }
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())
                || !Double.isFinite(observed) || !Double.isFinite(expected)) {
            throw new IllegalArgumentException(metric + " is not finite: value " + value + ", observed " + observed
                    + ", expected " + expected);
        }
    }

    static Agreement defined(Metric metric, double value, int units, int values, int raters, double observed,
            double expected) {
        return new Agreement(metric, OptionalDouble.of(value), null, units, values, raters, observed, expected);
    }

    static Agreement undefined(Metric metric, String reason, int units, int values, int raters, double observed,
            double expected) {
        return new Agreement(metric, OptionalDouble.empty(), reason, units, values, raters, observed, expected);
    }

    /** The result when no unit has two values to compare, with the most specific reason the data allows. */
    static Agreement nothingToCompare(Metric metric, Ratings ratings) {
        String reason;
        if (ratings.values() == 0) {
            reason = ratings.units() == 0 ? "there are no ratings: agreement is undefined"
                    : "all values are missing: agreement is undefined";
        } else if (ratings.raters() < 2) {
            reason = "only one rater: agreement needs units rated by at least two raters";
        } else {
            reason = "no unit was rated by two or more raters: agreement is undefined";
        }
        return undefined(metric, reason, 0, 0, 0, 0, 0);
    }
}
