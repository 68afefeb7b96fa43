package io.oversight.tasks.settings;

import io.oversight.tasks.recording.TasksLedger;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.ledger.Callers;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.GovernanceChanged;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Per-workflow intake settings: read by intake and queues, changed by governance leads (recorded). */
@ApplicationScoped
public class SettingsService {

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    Callers callers;

    @Inject
    TasksLedger ledger;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    /** Tells this server's caches of a workflow's configuration (intake's) once the change commits. */
    @Inject
    Event<GovernanceChanged> changes;

    @Inject
    SettingsDefaults defaults;

    @Inject
    SettingsStore settingsStore;

    /** The workflow's settings; a workflow's first use stores its defaults, with a fresh random audit seed. */
    public IntakeSettings of(String workflowKey) {
        return database.run("reading intake settings", c -> settingsStore.find(c, workflowKey)).orElseGet(() -> {
            try {
                return defaults.store(workflowKey);
            } catch (Database.ConcurrentChangeException another) {
                return database.run("reading intake settings", c -> settingsStore.find(c, workflowKey)).orElseThrow();
            }
        });
    }

    public IntakeSettings change(IntakeSettings settings) {
        if (workflows.find(settings.workflowKey()).isEmpty()) {
            throw new NotFoundException("No workflow " + settings.workflowKey() + ".");
        }
        settings.validate();
        var actor = callers.actorIn(List.of(Roles.GOVERNANCE, Roles.ADMIN));
        return inTransaction.call(() -> record(settings, actor));
    }

    private IntakeSettings record(IntakeSettings settings, io.oversight.ledger.Actor actor) {
        database.run("saving intake settings", c -> {
            settingsStore.save(c, settings, clock.instant());
            return null;
        });
        ledger.write(ledger.record(TasksLedger.SETTINGS_CHANGED, actor, settings.workflowKey())
                .subject("workflow", settings.workflowKey())
                .occurredAt(clock.instant())
                .attribute("orderingMethod", settings.orderingMethod().name())
                .attribute("diversityLambda", Double.toString(settings.diversityLambda()))
                .attribute("leaseSeconds", Integer.toString(settings.leaseSeconds()))
                .attribute("inlineTimeoutMillis", Integer.toString(settings.inlineTimeoutMillis()))
                .attribute("inlineTimeoutOutcome", settings.inlineTimeoutOutcome().name())
                .attribute("webhook", settings.webhookUrl().isPresent() ? "configured" : "none")
                .attribute("auditSeedDigest", io.oversight.ledger.LedgerRecord.digestOf(settings.auditSeed()).hex())
                .attribute("auditTier", Integer.toString(settings.auditTier()))
                .attribute("feedbackTier", Integer.toString(settings.feedbackTier()))
                .attribute("feedbackPriority", Integer.toString(settings.feedbackPriority()))
                .attribute("conflictFieldPaths", String.join(",", settings.conflictFieldPaths())));
        changes.fire(new GovernanceChanged(settings.workflowKey()));
        return settings;
    }
}
