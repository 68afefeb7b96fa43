/**
 * Where a prediction goes: the routing plan (auto-accept, human review in a tier, audit sample, shadow)
 * from the active policy's bands, rules and label thresholds, and the deterministic audit sampler.
 */
package io.oversight.tasks.routing;
