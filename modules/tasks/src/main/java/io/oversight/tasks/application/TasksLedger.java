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
    static final String LEASE_EXPIRED = "tasks.task.lease-expired";
    static final String ITEM_DECIDED = "tasks.item.decided";
    static final String INLINE_TIMED_OUT = "tasks.inline.timed-out";
    static final String FEEDBACK_RECEIVED = "tasks.feedback.received";
    static final String SLA_BREACHED = "tasks.sla.breached";
    static final String SLA_RECOVERED = "tasks.sla.recovered";
    static final String SETTINGS_CHANGED = "tasks.settings.changed";

    @Inject
    AuditRecorder recorder;

    LedgerRecord.Builder record(String actionType, Actor actor, String workflowKey) {
        return LedgerRecord.builder(actionType, actor).workflow(workflowKey);
    }

    void write(LedgerRecord.Builder record) {
        recorder.record(record.build());
    }
}
