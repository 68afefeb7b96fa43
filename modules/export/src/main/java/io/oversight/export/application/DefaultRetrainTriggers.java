package io.oversight.export.application;

import io.oversight.export.InvalidExportRequestException;
import io.oversight.export.RetrainTrigger;
import io.oversight.export.RetrainTriggerRequest;
import io.oversight.export.RetrainTriggers;
import io.oversight.export.UnknownWorkflowException;
import io.oversight.governance.Workflows;
import io.oversight.kernel.FieldError;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.Database;
import io.oversight.ledger.LedgerRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Retrain rules in the database; changes are ledger entries in their own transaction (ADR 0056). */
@ApplicationScoped
public class DefaultRetrainTriggers implements RetrainTriggers {

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    AuditRecorder recorder;

    @Inject
    RetrainRound round;

    @Inject
    DatasetRunner runner;

    @Inject
    Clock clock;

    @Inject
    TriggerStore triggerStore;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Override
    @Transactional
    public RetrainTrigger create(String workflow, RetrainTriggerRequest rule, Actor by) {
        requireWorkflow(workflow);
        List<FieldError> problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new InvalidExportRequestException(problems);
        }
        Instant now = clock.instant();
        RetrainTrigger trigger = new RetrainTrigger(UUID.randomUUID().toString(), workflow, rule, true, by.pseudonym(), now,
                Optional.empty(), Optional.empty(), 0);
        database.run("adding a retrain trigger", c -> {
            triggerStore.insert(c, trigger);
            return null;
        });
        LedgerRecord.Builder record = LedgerRecord.builder(TRIGGER_CHANGED, by).workflow(workflow)
                .subject("retrain-trigger", trigger.id()).occurredAt(now)
                .attribute("change", "CREATED").attribute("kind", rule.kind().name());
        rule.corrections().ifPresent(n -> record.attribute("corrections", Long.toString(n)));
        rule.rate().ifPresent(r -> record.attribute("rate", Double.toString(r)));
        rule.windowHours().ifPresent(h -> record.attribute("windowHours", Integer.toString(h)));
        rule.everyHours().ifPresent(h -> record.attribute("everyHours", Integer.toString(h)));
        recorder.record(record.build());
        return trigger;
    }

    @Override
    public List<RetrainTrigger> of(String workflow) {
        requireWorkflow(workflow);
        return database.run("listing retrain triggers", c -> triggerStore.list(c, Optional.of(workflow)));
    }

    @Override
    public List<RetrainTrigger> all() {
        return database.run("listing retrain triggers", c -> triggerStore.list(c, Optional.empty()));
    }

    @Override
    @Transactional
    public void delete(String workflow, String id, Actor by) {
        requireWorkflow(workflow);
        boolean deleted = database.run("removing a retrain trigger", c -> triggerStore.delete(c, workflow, id));
        if (!deleted) {
            throw new UnknownWorkflowException("Workflow " + workflow + " has no retrain trigger '" + id + "'.");
        }
        recorder.record(LedgerRecord.builder(TRIGGER_CHANGED, by).workflow(workflow).subject("retrain-trigger", id)
                .occurredAt(clock.instant()).attribute("change", "DELETED").build());
    }

    /** The round commits first: its exports' rows exist before a job looks for them. */
    @Override
    public int evaluate() {
        List<String> exports = round.run(clock.instant());
        for (String id : exports) {
            executor.submit(() -> runner.run(id));
        }
        return exports.size();
    }

    private void requireWorkflow(String workflow) {
        if (workflow == null || workflows.find(workflow).isEmpty()) {
            throw new UnknownWorkflowException("No workflow has the key '" + workflow + "'.");
        }
    }
}
