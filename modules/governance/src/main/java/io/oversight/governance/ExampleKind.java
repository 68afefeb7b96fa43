package io.oversight.governance;

/** What a guideline example illustrates. */
public enum ExampleKind {
    /** A typical item that gets this label. */
    EXAMPLE,
    /** A hard or borderline item, and why it gets this label. */
    EDGE_CASE,
    /** An item that looks like this label but does not get it. */
    COUNTER_EXAMPLE
}
