package io.oversight.tasks;

/** Where a received prediction stands. */
public enum ItemStatus {
    /** Confident enough to act on without review (it may still be sampled for an audit review). */
    AUTO_ACCEPTED,
    /** Rejected by the policy's low-confidence band, without review. */
    AUTO_REJECTED,
    /** Waiting for its reviews. */
    IN_REVIEW,
    /** Its independent reviews disagree; an adjudicator settles it. */
    NEEDS_ADJUDICATION,
    /** People decided it. */
    DECIDED
}
