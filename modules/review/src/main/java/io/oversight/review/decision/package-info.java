/**
 * Decisions by reviewers on the tasks they hold: answers ({@code Completions}) checked against the
 * taxonomy and the rationale rule ({@code ResultRules}), skips, releases and escalations
 * ({@code Handovers}), multi-review consensus ({@code ReviewConsensus}, pure), what a completed task
 * does to its item ({@code Decisions}), the per-workflow review settings, and the review module's
 * ledger records. Task rows change only through tasks' {@code TaskLeases} and {@code ItemOutcomes},
 * inside this package's transactions. {@code ReviewWork} answers the module's {@code ReviewQueues} API
 * from this room and the claim, quality and reveal rooms.
 */
package io.oversight.review.decision;
