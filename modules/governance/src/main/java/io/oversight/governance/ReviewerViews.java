package io.oversight.governance;

/** Read access to the reviewer views governance sets per workflow, for the review pages and claims. */
public interface ReviewerViews {

    /** The workflow's view, or {@link ReviewerView#unset} while governance never set one (or the workflow is unknown). */
    ReviewerView of(String workflowKey);
}
