package io.oversight.governance;

/** How a caller integrates with review. */
public enum IntegrationMode {
    /** The caller waits for the decision. */
    INLINE,
    /** The caller polls or receives a webhook. */
    ASYNC,
    /** People decide, the model's output is not acted on; agreement is measured. */
    SHADOW
}
