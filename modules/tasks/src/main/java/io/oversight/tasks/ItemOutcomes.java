package io.oversight.tasks;

import io.oversight.ledger.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What people concluded about an item, for the review module to record on it: the completed reviews
 * consensus weighs, an audit's agreement with the model, the need for adjudication, and the released
 * decision, which tasks delivers (webhook, inline caller) and records as {@code tasks.item.decided}.
 * Every method runs in the caller's JTA transaction.
 */
public interface ItemOutcomes {

    /** The item's completed reviews, in slot order. */
    List<CompletedReview> completedReviews(String itemId);

    /** An audit (HOTL sample) found the model right or wrong on this item. */
    void recordAudit(String itemId, boolean modelAgreed);

    /** The reviews disagree: the item waits for an adjudicator. */
    void awaitAdjudication(String itemId);

    /** Releases the item with the people's decision, delivers it and records it in the ledger. */
    void release(Release release);

    /** The data subject whose personal data the item holds, if any. */
    Optional<String> dataSubject(String itemId);

    /** Completed reviews of a workflow in a period, oldest first, at most {@code limit}. */
    List<ReviewRecord> reviewRecords(String workflowKey, Instant from, Instant to, int limit);

    /**
     * A released decision.
     *
     * @param reviews how many reviews it rests on
     */
    record Release(ReviewItem item, Actor by, Verdict verdict, List<String> labels, Optional<String> output, DecisionSource source,
            boolean modelAgreed, int reviews, Instant at) {
        public Release {
            labels = List.copyOf(labels);
        }
    }

    /** A completed review of an item, as the adjudicator and the consensus rules see it. */
    record CompletedReview(String taskId, int slot, int tier, Verdict verdict, List<String> labels,
            Optional<String> output, Optional<String> rationale, String reviewer, Instant completedAt) {

        public TaskResult result() {
            return new TaskResult(verdict, labels, output, rationale.orElse(""));
        }
    }

    /** A completed review with what the reviewer saw predicted, for agreement metrics and history. */
    record ReviewRecord(String itemId, String workflowKey, int tier, String reviewer, Verdict verdict,
            List<String> labels, Optional<String> output, List<String> predictedLabels, Optional<String> guidelineId,
            Instant completedAt) {
    }
}
