package io.oversight.review.decision;

import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.ledger.Callers;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.GovernanceChanged;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Per-workflow review settings (multi-review, rationale, gold, fatigue): read on every claim and decision, changed by governance (recorded). */
@ApplicationScoped
public class ReviewSettingsService {

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    Callers callers;

    @Inject
    ReviewLedger ledger;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    /** Tells this server's caches of a workflow's configuration (intake's) once the change commits. */
    @Inject
    Event<GovernanceChanged> changes;

    @Inject
    ReviewSettingsStore reviewSettingsStore;

    /** The stored settings, or the defaults while none were saved. */
    public ReviewSettings of(String workflowKey) {
        return database.run("reading review settings", c -> reviewSettingsStore.settings(c, workflowKey))
                .orElseGet(() -> ReviewSettings.defaults(workflowKey));
    }

    public ReviewSettings change(ReviewSettings settings) {
        if (workflows.find(settings.workflowKey()).isEmpty()) {
            throw new NotFoundException("No workflow " + settings.workflowKey() + ".");
        }
        settings.validate();
        Actor actor = callers.actorIn(List.of(Roles.GOVERNANCE, Roles.ADMIN));
        return inTransaction.call(() -> {
            database.run("saving review settings", c -> {
                reviewSettingsStore.saveSettings(c, settings, clock.instant());
                return null;
            });
            ledger.write(ledger.record(ReviewLedger.REVIEW_SETTINGS_CHANGED, actor, settings.workflowKey())
                    .subject("workflow", settings.workflowKey())
                    .occurredAt(clock.instant())
                    .attribute("reviewMode", settings.reviewMode().name())
                    .attribute("maxReviewers", Integer.toString(settings.maxReviewers()))
                    .attribute("onDisagreement", settings.onDisagreement().name())
                    .attribute("rationaleRequired", settings.rationaleRequired().name())
                    .attribute("showReviewerIdentities", Boolean.toString(settings.showReviewerIdentities()))
                    .attribute("goldRate", Double.toString(settings.goldRate()))
                    .attribute("goldMinAnswers", Integer.toString(settings.goldMinAnswers()))
                    .attribute("goldWindow", Integer.toString(settings.goldWindow()))
                    .attribute("goldPauseBelow", Double.toString(settings.goldPauseBelow()))
                    .attribute("maxItemsPerSession", Integer.toString(settings.maxItemsPerSession()))
                    .attribute("maxItemsPerHour", Integer.toString(settings.maxItemsPerHour()))
                    .attribute("sessionGapMinutes", Integer.toString(settings.sessionGapMinutes()))
                    .attribute("breakReminderMinutes", Integer.toString(settings.breakReminderMinutes())));
            changes.fire(new GovernanceChanged(settings.workflowKey()));
            return settings;
        });
    }
}
