/**
 * The simulated customer model: a bag-of-words spam classifier with calibrated class scores,
 * retrained on the labels the platform releases.
 */
package io.oversight.simulator.model;
