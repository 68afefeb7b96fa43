package io.oversight.tasks;

import java.util.List;
import java.util.Optional;

/**
 * Open tasks nobody may claim (ADR 0040), judged against {@link ReviewerSupply}: what the review
 * module moves on and what the queue dashboard lists. Runs in the caller's transaction, if any.
 */
public interface UnclaimableTasks {

    /** The open task {@code taskId}, if nobody may claim it; empty when someone may, or it is not open. */
    Optional<StuckTask> ifStuck(String taskId);

    /** Open tasks nobody may claim, of one workflow or of all, oldest first, at most {@code limit}. */
    List<StuckTask> stuck(Optional<String> workflowKey, int limit);

    /**
     * As {@link #stuck} over every workflow, for a background sweep: its reads do not keep the queue
     * counts' background refresh going, as a person's reads do.
     */
    List<StuckTask> stuckForSweep(int limit);
}
