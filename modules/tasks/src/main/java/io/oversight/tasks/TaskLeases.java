package io.oversight.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leases on review tasks, for the review module: who holds which task of which queue until when.
 * Every method runs in the caller's JTA transaction, so a reviewer's decision, the task change and
 * their ledger records commit together. A task moves only along the transitions of {@link TaskTransition}; a call that
 * would break it is refused with a conflict.
 */
public interface TaskLeases {

    /**
     * Claims up to {@code count} open tasks of {@code queue} for {@code reviewer}, one per item, never
     * an item they reviewed or are excluded from; in queue order, or diversified when
     * {@code diversityLambda} is above 0 (the workflow's active-learning setting).
     */
    List<ClaimedTask> claim(QueueKey queue, String reviewer, int count, Instant leaseEnd, double diversityLambda);

    /**
     * A new review task for {@code itemId} in {@code queue}, claimed by {@code reviewer} at once; a
     * {@code gold} task is deleted, not reopened, when given back (it was cut for this one claim).
     */
    ClaimedTask claimNew(String itemId, QueueKey queue, String reviewer, Instant leaseEnd, boolean gold);

    /**
     * The task {@code reviewer} holds and its item, both locked for this transaction and read in one
     * round trip.
     *
     * @throws io.oversight.kernel.NotFoundException if there is no such task
     * @throws io.oversight.kernel.ConflictException if the reviewer does not hold it or the lease ran out
     */
    HeldTask held(String taskId, String reviewer);

    /**
     * Gives a held task back to the queue. {@code forgetReviewer}: the reviewer may be given the item
     * again (a release); otherwise they never get it again (a skip).
     */
    ReviewTask reopen(String taskId, String reviewer, boolean forgetReviewer);

    /**
     * Completes a task {@link #held} in this transaction with its holder's result, under
     * {@code guidelineId} if one was in force; answers the task as the update left it, without reading
     * it again.
     *
     * @throws io.oversight.kernel.ConflictException if the holder no longer holds it
     */
    ReviewTask complete(HeldTask held, TaskResult result, List<String> labels, Optional<String> output,
            Optional<String> guidelineId, Instant at);

    /** Escalates a held task: it ends ESCALATED and a successor waits in tier {@code toTier}, due at {@code dueBy}. */
    ReviewTask escalate(String taskId, String reviewer, int toTier, String reason, Optional<Instant> dueBy, Instant at);

    /**
     * Ends an open task nobody may claim ({@link TaskTransition#NO_REVIEWER_LEFT}), noting {@code reason}
     * on it; no successor opens (the review module sends the item to adjudication).
     *
     * @throws io.oversight.kernel.ConflictException if the task is no longer open
     */
    ReviewTask passOn(String taskId, String reason, Instant at);

    /** One more independent review of {@code like}'s item, as slot {@code slot}; the item now needs that many. */
    ReviewTask addReview(ReviewTask like, int slot, String reason, Instant at);

    /** The tasks {@code reviewer} holds, with their items. */
    List<ClaimedTask> claimedBy(String reviewer);

    /** Every task of an item. */
    List<ReviewTask> tasksOf(String itemId);

    /** The item, locked for this transaction when {@code lock}. */
    Optional<ReviewItem> item(String itemId, boolean lock);

    /** Whether the task was cut to serve a gold item. */
    boolean isGold(String taskId);

    /** Of {@code itemIds}, those {@code reviewer} has never had nor is excluded from, in the given order. */
    List<String> unseenBy(List<String> itemIds, String reviewer);

    /** When {@code reviewer} last completed a task, per workflow. */
    Map<String, Instant> lastCompletions(String reviewer);

    /** When {@code reviewer} completed tasks of a workflow since {@code since}, newest first. */
    List<Instant> completionTimes(String reviewer, String workflowKey, Instant since);

    /**
     * The newest {@code limit} of {@link #completionTimes}: a read bounded by the limit, whatever the
     * reviewer did since {@code since}.
     */
    List<Instant> latestCompletionTimes(String reviewer, String workflowKey, Instant since, int limit);


    /** The workflow's lease length and active-learning diversity (its intake settings). */
    LeaseTerms termsOf(String workflowKey);

    /** @param diversityLambda 0 for queue order, up to 1 for the most diverse batch */
    record LeaseTerms(int leaseSeconds, double diversityLambda) {
    }
}
