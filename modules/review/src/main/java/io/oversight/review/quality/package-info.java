/**
 * The quality of reviewers' work: gold items served into queues and scored, reviewer accuracy with
 * its trend, automatic pauses under an accuracy threshold and their resumption, fatigue caps
 * ({@code Workload}, pure; {@code WorkloadLimits}, which refuses work to a paused or tired reviewer),
 * the notices adjudication sends reviewers, and qualifications (which workflows and tiers a person may
 * review, and whether they may reveal personal data).
 */
package io.oversight.review.quality;
