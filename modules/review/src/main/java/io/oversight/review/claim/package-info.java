/**
 * Claims of review work by people: the queues a reviewer is qualified for, claim-next on one queue or
 * across their workflows in rotation (gold items served in, pauses and fatigue caps enforced through
 * quality's {@code WorkloadLimits}), and the tasks they hold. Leases change only through tasks'
 * {@code TaskLeases}, in the claim's transaction with its ledger records.
 */
package io.oversight.review.claim;
