package io.oversight.governance;

/** What a reviewer produces for an item of a workflow. */
public enum TaskKind {
    /** Pick label(s) from the workflow's taxonomy. */
    CLASSIFICATION,
    /** Write or correct a free-text output. */
    FREE_TEXT,
    /** Compare two outputs: A, B, tie or both bad. */
    PAIRWISE_PREFERENCE
}
