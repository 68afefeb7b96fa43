package io.oversight.tasks.delivery;

import io.oversight.tasks.settings.SettingsService;
import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends decision webhooks from the outbox the deciding transaction wrote: HMAC-signed
 * with the workflow's secret, retried on the standard back-off until the receiver answers 2xx or
 * the attempts run out. A round locks up to {@link #ROUND} due deliveries in its own transaction,
 * sends them all at once ({@link WebhookRound}) and records their attempts in that transaction, so two
 * servers never send one delivery at the same time; a slow or failing receiver delays its round by
 * at most the request timeout, never intake.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /**
     * Deliveries sent at once in one round. Large enough that a busy review loop's decisions go out
     * in a few transactions a second (one per delivery cost a commit and five statements each), small
     * enough not to open more connections to one receiver than a web server expects of one client.
     */
    public static final int ROUND = 32;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    Database database;

    @Inject
    SettingsService settings;

    @Inject
    Clock clock;

    @Inject
    WebhookStore webhookStore;

    /** Sends one round of due deliveries. @return how many were due (at most {@link #ROUND}) */
    @Transactional(TxType.REQUIRES_NEW)
    public int sendDue() {
        Instant now = clock.instant();
        List<WebhookStore.Delivery> due = database.run("taking due webhooks", c -> webhookStore.lockDue(c, now, ROUND));
        if (due.isEmpty()) {
            return 0;
        }
        List<WebhookRound.Outcome> outcomes = WebhookRound.send(http, due,
                workflowKey -> settings.of(workflowKey).webhookSecret(), now);
        database.run("recording webhook attempts", c -> {
            webhookStore.recordAttempts(c, outcomes);
            return null;
        });
        return due.size();
    }

    public List<WebhookStore.Delivery> deliveriesOf(String itemId) {
        return database.run("reading webhook deliveries", c -> webhookStore.ofItem(c, itemId));
    }

    public List<WebhookStore.Attempt> attemptsOf(String deliveryId) {
        return database.run("reading webhook attempts", c -> webhookStore.attempts(c, deliveryId));
    }
}
