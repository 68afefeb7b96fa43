package io.oversight.tasks.recording;

import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The tasks module's ledger records. Action types are listed in docs/auditor-guide.md; each is
 * written in the transaction of the change it records.
 */
@ApplicationScoped
public class TasksLedger {

    public static final String PREDICTION_ROUTED = "tasks.prediction.routed";
    public static final String LEASE_EXPIRED = "tasks.task.lease-expired";
    public static final String ITEM_DECIDED = "tasks.item.decided";
    public static final String INLINE_TIMED_OUT = "tasks.inline.timed-out";
    public static final String FEEDBACK_RECEIVED = "tasks.feedback.received";
    public static final String SLA_BREACHED = "tasks.sla.breached";
    public static final String SLA_RECOVERED = "tasks.sla.recovered";
    public static final String SETTINGS_CHANGED = "tasks.settings.changed";

    @Inject
    AuditRecorder recorder;

    public LedgerRecord.Builder record(String actionType, Actor actor, String workflowKey) {
        return LedgerRecord.builder(actionType, actor).workflow(workflowKey);
    }

    public void write(LedgerRecord.Builder record) {
        recorder.record(record.build());
    }

    /** Writes records in their order in one round trip: the records of a batch of predictions. */
    public void writeAll(List<LedgerRecord.Builder> records) {
        recorder.recordAll(records.stream().map(LedgerRecord.Builder::build).toList());
    }
}
