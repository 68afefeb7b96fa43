/**
 * Active-learning order: uncertainty scores (least confidence, margin, entropy, vote entropy), SimHash
 * of payloads, and the diverse selection a batch claim may use.
 */
package io.oversight.tasks.learning;
