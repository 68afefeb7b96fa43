package io.oversight.review;

import io.oversight.tasks.TaskResult;
import java.util.List;
import java.util.Optional;

/**
 * The adjudication queue: items whose independent reviews disagree. Only adjudicators act
 * here, never on an item they reviewed; each action is a ledger entry in its transaction.
 */
public interface Adjudications {

    /** Takes the oldest waiting adjudication of a workflow under a lease, if any the caller may take. */
    Optional<AdjudicationCase> claimNext(String workflowKey);

    /** The adjudications the caller holds now. */
    List<AdjudicationCase> mine();

    AdjudicationCase release(String adjudicationId);

    /**
     * Settles the item with the adjudicator's answer and rationale. With {@code notifyReviewers},
     * each reviewer whose answer was changed gets a notice saying to what and why.
     */
    AdjudicationCase decide(String adjudicationId, TaskResult result, boolean notifyReviewers);

    /** Waiting and held adjudications per workflow, with the lead times of the last 30 days. */
    List<AdjudicationQueue> queues();
}
