package io.oversight.review.decision;

import io.oversight.governance.GuidelineVersion;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The review module's ledger records, each written in the transaction of the change it records.
 * Their action types keep the {@code tasks.} prefix they had when review lived in the tasks module:
 * an action type is part of the ledger's contract with auditors (docs/auditor-guide.md lists them),
 * and entries already sealed under those names must stay comparable with new ones.
 */
@ApplicationScoped
public class ReviewLedger {

    public static final String TASK_CLAIMED = "tasks.task.claimed";
    public static final String TASK_RELEASED = "tasks.task.released";
    public static final String TASK_ESCALATED = "tasks.task.escalated";
    public static final String TASK_COMPLETED = "tasks.task.completed";
    public static final String TASK_SKIPPED = "tasks.task.skipped";
    public static final String ITEM_DISAGREEMENT = "tasks.item.needs-adjudication";
    public static final String AUDIT_COMPLETED = "tasks.audit.completed";
    public static final String REVIEWER_ADDED = "tasks.item.reviewer-added";
    public static final String QUALIFICATION_GRANTED = "tasks.qualification.granted";
    public static final String QUALIFICATION_REVOKED = "tasks.qualification.revoked";
    public static final String REVIEW_SETTINGS_CHANGED = "tasks.review-settings.changed";
    public static final String ADJUDICATION_CLAIMED = "tasks.adjudication.claimed";
    public static final String ADJUDICATION_RELEASED = "tasks.adjudication.released";
    public static final String ADJUDICATION_DECIDED = "tasks.adjudication.decided";
    public static final String GOLD_MARKED = "tasks.gold.marked";
    public static final String GOLD_RETIRED = "tasks.gold.retired";
    public static final String REVIEWER_PAUSED = "tasks.reviewer.paused";
    public static final String REVIEWER_RESUMED = "tasks.reviewer.resumed";

    @Inject
    AuditRecorder recorder;

    public LedgerRecord.Builder record(String actionType, Actor actor, String workflowKey) {
        return LedgerRecord.builder(actionType, actor).workflow(workflowKey);
    }

    public void write(LedgerRecord.Builder record) {
        recorder.record(record.build());
    }

    /** A record of a change to a review task: its item, purpose, tier and slot, and the guideline in force when named. */
    public LedgerRecord.Builder taskRecord(String action, Actor actor, ReviewTask task, ReviewItem item, Instant now,
            Optional<GuidelineVersion> guideline) {
        LedgerRecord.Builder record = record(action, actor, task.queue().workflowKey())
                .subject("task", task.id())
                .modelSnapshot(item.modelSnapshotId())
                .occurredAt(now)
                .attribute("item", task.itemId())
                .attribute("purpose", task.purpose().name())
                .attribute("tier", Integer.toString(task.queue().tier()))
                .attribute("slot", Integer.toString(task.slot()));
        guideline.ifPresent(g -> record.guideline(g.id(), g.contentDigest()));
        return record;
    }
}
