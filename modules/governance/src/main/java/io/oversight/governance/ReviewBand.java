package io.oversight.governance;

/** Confidences from {@code atOrAbove} up to the next band (or the auto-accept bound) go to {@code tier}. */
public record ReviewBand(double atOrAbove, int tier) {
}
