package io.oversight.review;

import io.oversight.tasks.TaskResult;
import java.util.List;

/**
 * Gold items: items with a known answer, mixed into queues at the workflow's rate where
 * they look like any other task, to measure each reviewer. A reviewer whose recent gold accuracy
 * falls under the threshold is paused (a ledger entry) until an administrator resumes them.
 */
public interface GoldStandard {

    /** Governance marks an item of a workflow as gold with its known answer. */
    GoldItem mark(String itemId, TaskResult answer);

    /** Stops serving a gold item; answers already given keep counting. */
    void retire(String itemId);

    List<GoldItem> active(String workflowKey);

    /** Per reviewer: answers, accuracy overall and on the pause window, daily trend, pause state. */
    List<ReviewerAccuracy> accuracy(String workflowKey);

    /** Reviewers paused now, in every workflow. */
    List<ReviewerPause> activePauses();

    /** An administrator lets a paused reviewer claim again; their gold window starts afresh. */
    ReviewerPause resume(String pauseId, String reason);
}
