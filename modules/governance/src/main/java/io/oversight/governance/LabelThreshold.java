package io.oversight.governance;

/** Per-label replacement of the policy's two bounds, for labels that need more (or less) caution. */
public record LabelThreshold(String labelCode, double autoAcceptAtOrAbove, double lowAtOrBelow) {
}
