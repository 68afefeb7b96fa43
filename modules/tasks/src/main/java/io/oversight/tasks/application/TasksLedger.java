package io.oversight.tasks.application;

import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The tasks module's ledger records. Action types are listed in docs/auditor-guide.md; each is
 * written in the transaction of the change it records.
 */
@ApplicationScoped
public class TasksLedger {

    static final String PREDICTION_ROUTED = "tasks.prediction.routed";
    static final String TASK_CLAIMED = "tasks.task.claimed";
    static final String TASK_RELEASED = "tasks.task.released";
    static final String LEASE_EXPIRED = "tasks.task.lease-expired";
    static final String TASK_ESCALATED = "tasks.task.escalated";
    static final String TASK_COMPLETED = "tasks.task.completed";
    static final String ITEM_DECIDED = "tasks.item.decided";
    static final String ITEM_DISAGREEMENT = "tasks.item.needs-adjudication";
    static final String AUDIT_COMPLETED = "tasks.audit.completed";
    static final String INLINE_TIMED_OUT = "tasks.inline.timed-out";
    static final String FEEDBACK_RECEIVED = "tasks.feedback.received";
    static final String SLA_BREACHED = "tasks.sla.breached";
    static final String SLA_RECOVERED = "tasks.sla.recovered";
    static final String QUALIFICATION_GRANTED = "tasks.qualification.granted";
    static final String QUALIFICATION_REVOKED = "tasks.qualification.revoked";
    static final String SETTINGS_CHANGED = "tasks.settings.changed";
    static final String REVIEW_SETTINGS_CHANGED = "tasks.review-settings.changed";
    static final String TASK_SKIPPED = "tasks.task.skipped";
    static final String REVIEWER_ADDED = "tasks.item.reviewer-added";
    static final String ADJUDICATION_CLAIMED = "tasks.adjudication.claimed";
    static final String ADJUDICATION_RELEASED = "tasks.adjudication.released";
    static final String ADJUDICATION_DECIDED = "tasks.adjudication.decided";
    static final String GOLD_MARKED = "tasks.gold.marked";
    static final String GOLD_RETIRED = "tasks.gold.retired";
    static final String REVIEWER_PAUSED = "tasks.reviewer.paused";
    static final String REVIEWER_RESUMED = "tasks.reviewer.resumed";

    @Inject
    AuditRecorder recorder;

    LedgerRecord.Builder record(String actionType, Actor actor, String workflowKey) {
        return LedgerRecord.builder(actionType, actor).workflow(workflowKey);
    }

    void write(LedgerRecord.Builder record) {
        recorder.record(record.build());
    }
}
