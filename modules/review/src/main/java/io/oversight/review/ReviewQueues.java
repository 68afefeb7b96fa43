package io.oversight.review;

import io.oversight.tasks.Preference;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.QueueStatistics;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskResult;
import java.util.List;
import java.util.Optional;

/**
 * Tiered review queues for the signed-in reviewer. Every method acts as the current
 * caller: claims need a qualification for the queue's workflow and tier, and only the lease holder
 * may release, escalate or complete a task. Each change is a ledger entry in its transaction.
 */
public interface ReviewQueues {

    /** The queues the caller is qualified for, with their state. */
    List<QueueStatistics> myQueues();

    /**
     * Claims the best eligible tasks of a queue (priority, SLA deadline, active-learning score, age),
     * at most {@code count}, each under a lease. Never returns a task another reviewer holds, a
     * second task of an item the caller already reviews, or an item whose input names the caller.
     *
     * @return the claimed tasks, empty when nothing is eligible
     */
    List<ClaimedTask> claimNext(QueueKey queue, int count);

    /**
     * Completes a held pairwise-preference task with the answer as the caller saw it (A, B, tie, both
     * bad): resolved to the candidate shown on that side, an approval when it is the model's preference.
     */
    ReviewTask completePreference(String taskId, Preference preference, String rationale);

    /** Gives a held task back to its queue. */
    ReviewTask release(String taskId, String reason);

    /** Moves a held task to a higher tier's queue. */
    ReviewTask escalate(String taskId, int toTier, String reason);

    /** Completes a held task; when the item's last review comes in, the item is decided or sent to adjudication. */
    ReviewTask complete(String taskId, TaskResult result);

    /**
     * Claims the next task from any queue the caller is qualified for, rotating across workflows:
     * the workflow they worked least recently first, skipping workflows where they are paused or
     * at a fatigue cap, the highest tier they may work first within a workflow.
     */
    Optional<ClaimedTask> claimNextAnywhere();

    /**
     * Gives a held task back with a reason; unlike {@link #release}, the caller will not be offered
     * that item again.
     */
    ReviewTask skip(String taskId, String reason);

    /** The caller's work in a workflow against its fatigue caps, and whether they are paused there. */
    ReviewerWorkload workload(String workflowKey);

    /**
     * The latest notices adjudication sent the caller, newest first, read or not. Reading does not mark
     * them read: a notice stays in front of the reviewer until they say they have seen it.
     */
    List<ReviewerNotice> myNotices();

    /**
     * Marks one of the caller's notices read (again: a no-op).
     * @throws io.oversight.kernel.NotFoundException if the caller has no notice with this id
     */
    void markNoticeRead(String noticeId);

    /**
     * The personal data of the item of a task the caller holds, by payload path, for a reviewer
     * whose qualification allows it. Each call is a ledger entry naming the task and the justification.
     */
    java.util.Map<String, String> revealPersonalData(String taskId, String justification);

    /** Whether the caller's qualification for this workflow lets them reveal personal data (pages offer it only then). */
    boolean mayRevealPersonalData(String workflowKey);

    /** The tasks the caller holds now. */
    List<ClaimedTask> myClaims();

    Optional<ReviewItem> item(String itemId);

    /**
     * Whether the reviewer of {@code task} sees the model's prediction and confidence before answering: not on
     * the tiers where governance hides them (automation-bias control).
     */
    boolean predictionShown(io.oversight.tasks.ReviewTask task);
}
