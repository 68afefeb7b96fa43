/**
 * Governance module API: workflows, taxonomies, guideline versions, model snapshots and
 * routing-policy versions, and later the monitors, alerts and retraining triggers.
 * Other modules use only this package; sub-packages are internal.
 */
package io.oversight.governance;
