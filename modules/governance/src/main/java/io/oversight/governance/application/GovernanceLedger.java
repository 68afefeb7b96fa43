package io.oversight.governance.application;

import io.oversight.governance.GovernanceChanged;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Writes the governance module's ledger records, in the caller's transaction (the recorder requires
 * one), so a change and its record commit or roll back together.
 */
@ApplicationScoped
public class GovernanceLedger {

    @Inject
    AuditRecorder recorder;

    @Inject
    Clock clock;

    @Inject
    Event<GovernanceChanged> changes;

    /** A record of {@code actionType} by {@code actor} about {@code subjectKind}/{@code subjectId} in a workflow. */
    LedgerRecord.Builder record(String actionType, Actor actor, String workflowKey, String subjectKind, String subjectId) {
        return LedgerRecord.builder(actionType, actor).workflow(workflowKey).subject(subjectKind, subjectId)
                .occurredAt(clock.instant());
    }

    /** Records the change, and tells this server's caches of governance configuration once it commits. */
    void write(LedgerRecord.Builder record) {
        LedgerRecord built = record.build();
        recorder.record(built);
        changes.fire(new GovernanceChanged(built.workflow()));
    }

    Clock clock() {
        return clock;
    }
}
