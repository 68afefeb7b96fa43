package io.oversight.governance;

import java.util.List;
import java.util.Optional;

/** Read access to guideline versions: every label records the version it was made under. */
public interface Guidelines {

    /** The one active guideline version of a workflow, if it has one. */
    Optional<GuidelineVersion> activeFor(String workflowKey);

    Optional<GuidelineVersion> find(String id);

    /** A version's instructions as HTML fit to show reviewers: rendered, then sanitized (no script survives). */
    String renderedInstructions(GuidelineVersion version);

    /** All versions of a workflow, newest first. */
    List<GuidelineVersion> versionsOf(String workflowKey);
}
