/**
 * Inter-rater agreement in plain Java (SPEC R7): percent agreement, Cohen's kappa, Fleiss' kappa,
 * Krippendorff's alpha (nominal, ordinal, interval, ratio) and confusion matrices.
 *
 * <p>One {@link io.oversight.review.agreement.Ratings} holds one slice of reliability data
 * (one label of one workflow, tier, guideline version and period); callers slice before building,
 * so the metrics need not know what a workflow or a period is.
 *
 * <p>Every metric returns an {@link io.oversight.review.agreement.Agreement} whose value is
 * either a finite number or absent with a reason (no pairable values, a single category), never
 * NaN; misuse (Cohen's kappa on three raters, an ordinal scale that lacks a category) is an
 * {@link java.lang.IllegalArgumentException}. Each metric reads the data in a constant number of
 * passes, so cost grows with the number of labels, not with the number of rater pairs.
 */
package io.oversight.review.domain.agreement;
