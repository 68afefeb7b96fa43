/**
 * Decisions by reviewers: claims (with gold items served, pauses and fatigue caps enforced), verdicts
 * checked against the taxonomy and the rationale rule ({@code ResultRules}), multi-review consensus
 * ({@code ReviewConsensus}, pure), what a completed task does to its item ({@code Decisions}), the
 * per-workflow review settings, and the review module's ledger records. Task rows change only through
 * tasks' {@code TaskLeases} and {@code ItemOutcomes}, inside this package's transactions.
 */
package io.oversight.review.decision;
