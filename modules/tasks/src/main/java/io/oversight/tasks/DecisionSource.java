package io.oversight.tasks;

/** How an item's decision was reached; stored on the item and recorded as the ledger's {@code source}. */
public enum DecisionSource {
    /** Auto-accepted: the routing policy let the model's output stand. */
    MODEL,
    /** One review was all the item needed. */
    REVIEW,
    /** Independent reviews agreed. */
    CONSENSUS,
    /** Reviews disagreed, and the workflow's majority rule settled it. */
    MAJORITY,
    /** An adjudicator decided a disagreement. */
    ADJUDICATION,
    /** A reviewer re-decided an item on the customer's feedback. */
    FEEDBACK_REVIEW
}
