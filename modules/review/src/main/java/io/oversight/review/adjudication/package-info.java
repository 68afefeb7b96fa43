/**
 * Adjudication of items whose reviews disagree: the adjudication queue with its own leases, offered
 * only to adjudicators who did not review the item, the adjudicator's binding decision (released
 * through tasks' {@code ItemOutcomes}) and the notices to reviewers whose answer it overturned.
 */
package io.oversight.review.adjudication;
