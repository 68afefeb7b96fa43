package io.oversight.governance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the review loop tells governance's monitors. {@code tasks} calls it inside
 * the transaction that makes the change, so an observation exists exactly when its change committed;
 * the implementation only appends rows to an outbox, which the monitor tick folds into windows.
 * Governance cannot depend on tasks (tasks depends on governance), so these records, not tasks' own
 * types, are the contract. Payloads reach governance only through {@link #inputs}, which keeps the
 * fields declared for drift monitoring: declared personal data never reaches a monitor.
 * Every method requires an active transaction.
 */
public interface LoopObservations {

    /** A prediction was taken in: its snapshot, top label, confidence and routing outcome. */
    record Prediction(String workflowKey, String snapshotId, Instant at, double confidence, String label,
            String routeOutcome) {
    }

    /**
     * The payload of a prediction that was taken in. Governance keeps only the fields a workflow
     * declared for input-drift monitoring, which can never be declared personal-data fields, and
     * drops the rest at once; a workflow without declared fields costs no parsing.
     */
    record Input(String workflowKey, Instant at, String payloadJson) {
    }

    /**
     * People settled an item (human-final label).
     *
     * @param confidence  the model's confidence in its own top label
     * @param modelAgreed whether the human-final answer equals the model's
     * @param verdict     APPROVE, CORRECT or REJECT
     * @param source      how it was settled (REVIEW, CONSENSUS, MAJORITY, ADJUDICATION, FEEDBACK_REVIEW)
     */
    record Decision(String workflowKey, String snapshotId, Instant at, double confidence, boolean modelAgreed,
            String verdict, String source) {
    }

    /** A HOTL audit of an auto-accepted item: did the auditor agree with the model? */
    record Audit(String workflowKey, String snapshotId, Instant at, double confidence, boolean modelAgreed) {
    }

    /** What a reviewer did with a held task: COMPLETED, ESCALATED or SKIPPED. */
    record ReviewAction(String workflowKey, String snapshotId, Instant at, String action) {
    }

    /** A reviewer answered a gold item; {@code reviewer} is their pseudonym. */
    record GoldAnswer(String workflowKey, Instant at, String reviewer, boolean correct) {
    }

    /**
     * The independent answers of an item reviewed by several people, once its reviews are weighed
     * (decided or sent to adjudication): how many reviewers gave each answer, keyed by an answer text
     * that is equal exactly when the answers agree. Feeds the reviewer-agreement monitor.
     */
    record ReviewerAnswers(String workflowKey, String snapshotId, Instant at, Map<String, Long> answers) {
        public ReviewerAnswers {
            answers = Map.copyOf(answers);
        }
    }

    /**
     * One queue as the SLA monitor measured it (no second scan of the queues).
     *
     * @param oldestAgeRatio age of the oldest open task divided by the time-to-review target (0 without one)
     */
    record QueueState(String workflowKey, int tier, Instant at, long open, double oldestAgeRatio) {
    }

    /** An SLA breach episode of a queue opened or closed (mirrored into the alert list). */
    record SlaEpisode(String alertId, String workflowKey, int tier, String measure, long observed, long target,
            Instant at, boolean opened) {
    }

    void predictions(List<Prediction> predictions);

    void inputs(List<Input> inputs);

    void decision(Decision decision);

    void audit(Audit audit);

    void reviewAction(ReviewAction action);

    void goldAnswer(GoldAnswer answer);

    void reviewerAnswers(ReviewerAnswers answers);

    void queues(List<QueueState> queues);

    void slaEpisode(SlaEpisode episode);
}
