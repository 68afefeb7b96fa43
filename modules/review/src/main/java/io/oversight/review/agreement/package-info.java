/**
 * Inter-annotator agreement: percent agreement, Cohen's and Fleiss' kappa, Krippendorff's alpha
 * (nominal, ordinal, interval, ratio) on interned int arrays ({@code Ratings}), each undefined with a
 * reason rather than NaN, and the service that computes them per tier over a workflow's reviews.
 */
package io.oversight.review.agreement;
