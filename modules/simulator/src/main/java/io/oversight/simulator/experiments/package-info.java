/**
 * The experiments the evaluation reports (docs/evaluation.md): oversight level, multiple reviews,
 * learning curves, retraining once, labels to a target accuracy, and the check of the autonomy advice
 * against a sweep.
 */
package io.oversight.simulator.experiments;
