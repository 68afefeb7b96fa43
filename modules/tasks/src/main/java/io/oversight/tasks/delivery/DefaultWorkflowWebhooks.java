package io.oversight.tasks.delivery;

import io.oversight.ledger.Database;
import io.oversight.tasks.WorkflowWebhooks;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Other modules' notifications as outbox rows with no item, delivered like alerts ({@link AlertWebhooks}). */
@ApplicationScoped
public class DefaultWorkflowWebhooks implements WorkflowWebhooks {

    @Inject
    SettingsService settingsService;

    @Inject
    Database database;

    @Inject
    Clock clock;

    @Inject
    WebhookStore webhookStore;

    @Override
    public Optional<String> queue(String workflowKey, String jsonBody) {
        IntakeSettings settings = settingsService.of(workflowKey);
        if (settings.webhookUrl().isEmpty()) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        database.run("queueing a workflow webhook", c -> {
            webhookStore.insert(c, id, null, workflowKey, settings.webhookUrl().get().toString(), jsonBody, clock.instant());
            return null;
        });
        return Optional.of(id);
    }
}
