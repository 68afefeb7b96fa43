package io.oversight.governance;

/** Service-level targets of one review tier's queue. */
public record SlaTarget(int tier, int minutesToReview, int maxQueueDepth) {
}
