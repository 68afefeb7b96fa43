/**
 * Governance module API: workflows, taxonomies, guideline versions, model snapshots and
 * routing-policy versions, and later the monitors, alerts and retraining triggers (SPEC T1, G1-G8).
 * Other modules use only this package; sub-packages are internal.
 */
package io.oversight.governance;
