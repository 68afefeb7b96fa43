package io.oversight.tasks;

/** What an inline caller is told when no person decided within its timeout. */
public enum TimeoutOutcome {
    /** Do not act on the model's output: the safe default for consequential decisions. */
    FAIL_CLOSED,
    /** Act on the model's output. */
    FAIL_OPEN
}
