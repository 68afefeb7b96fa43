package io.oversight.tasks.delivery;

import io.oversight.kernel.JsonFactories;
import io.oversight.tasks.settings.SettingsService;
import io.oversight.ledger.Database;
import io.oversight.governance.AlertChanged;
import io.oversight.governance.MonitorAlert;
import io.oversight.tasks.settings.IntakeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.UUID;

/**
 * Sends monitor alerts through the decision webhooks' outbox: a delivery row written in the
 * transaction that opened or closed the alert, then signed, sent and retried by the same
 * {@link WebhookDispatcher} to the workflow's webhook URL (a delivery with no item). A workflow without a
 * webhook gets none.
 */
@ApplicationScoped
public class AlertWebhooks {

    @Inject
    SettingsService settingsService;

    @Inject
    Database database;

    @Inject
    Clock clock;

    @Inject
    WebhookStore webhookStore;

    void onAlertChanged(@Observes AlertChanged changed) {
        MonitorAlert alert = changed.alert();
        IntakeSettings settings = settingsService.of(alert.workflowKey());
        if (settings.webhookUrl().isEmpty()) {
            return;
        }
        JsonObjectBuilder body = JsonFactories.PROVIDER.createObjectBuilder()
                .add("type", "OPENED".equals(changed.change()) ? "monitor.alert.opened" : "monitor.alert.closed")
                .add("alertId", alert.id())
                .add("workflow", alert.workflowKey())
                .add("monitor", alert.monitor())
                .add("monitorTitle", changed.monitorTitle())
                .add("severity", alert.severity())
                .add("summary", alert.summary())
                .add("openedAt", alert.openedAt().toString());
        alert.openedValue().ifPresent(v -> body.add("value", v));
        alert.openedN().ifPresent(n -> body.add("n", n));
        alert.closedAt().ifPresent(t -> body.add("closedAt", t.toString()));
        database.run("queueing an alert webhook", c -> {
            webhookStore.insert(c, UUID.randomUUID().toString(), null, alert.workflowKey(),
                    settings.webhookUrl().get().toString(), body.build().toString(), clock.instant());
            return null;
        });
    }
}
