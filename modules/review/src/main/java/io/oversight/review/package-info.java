/**
 * The review module's API: human review of the items tasks queues. {@link
 * io.oversight.review.ReviewQueues} is a reviewer's work (claim, decide, skip, release, escalate,
 * reveal), {@link io.oversight.review.Adjudications} the adjudicator's, {@link
 * io.oversight.review.GoldStandard} gold items and reviewer accuracy, {@link
 * io.oversight.review.ReviewHistory} and {@link io.oversight.review.AgreementReports} what reviews say
 * in aggregate. Other modules use only this package; sub-packages are internal (ADR 0022).
 */
package io.oversight.review;
