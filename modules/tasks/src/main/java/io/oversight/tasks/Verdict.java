package io.oversight.tasks;

/** What a reviewer (or adjudicator) concluded about the model's output for an item. */
public enum Verdict {
    /** The model's label(s) or output stand as they are. */
    APPROVE,
    /** The model was wrong; the reviewer gives the right label(s) or rewritten output. */
    CORRECT,
    /** The model's output must not be acted on, and the reviewer offers no replacement. */
    REJECT
}
