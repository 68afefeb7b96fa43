package io.oversight.tasks.delivery;

import io.oversight.tasks.settings.SettingsService;
import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends decision webhooks from the outbox the deciding transaction wrote: HMAC-signed
 * with the workflow's secret, retried on the standard back-off until the receiver answers 2xx or
 * the attempts run out. Each delivery is sent in its own transaction holding its row lock, so two
 * servers never send one at the same time; a slow or failing receiver delays only its own retries,
 * never intake.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final String SIGNATURE_HEADER = "Oversight-Signature";

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

    /** Sends one due delivery, if any. @return whether there was one */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean sendNextDue() {
        Instant now = clock.instant();
        List<WebhookStore.Delivery> due = database.run("taking a due webhook", c -> webhookStore.lockDue(c, now, 1));
        if (due.isEmpty()) {
            return false;
        }
        WebhookStore.Delivery delivery = due.get(0);
        int attemptNumber = delivery.attempts() + 1;
        Optional<String> secret = settings.of(delivery.workflowKey()).webhookSecret();
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        Optional<Integer> status = Optional.empty();
        Optional<String> error = Optional.empty();
        long started = System.nanoTime();
        if (secret.isEmpty()) {
            // the workflow's webhook was removed after this delivery was queued: an unsigned call
            // could not be trusted by the receiver, so it is not made
            return record(delivery, new WebhookStore.Attempt(attemptNumber, now, Optional.empty(),
                    Optional.of("the workflow no longer has a webhook; not sent"), 0), WebhookStore.DeliveryStatus.FAILED,
                    Optional.empty());
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Oversight-Delivery", delivery.id())
                    .header("Oversight-Attempt", Integer.toString(attemptNumber))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            request.header(SIGNATURE_HEADER,
                    WebhookSignature.sign(WebhookSignature.decodeSecret(secret.get()), now.getEpochSecond(), body));
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            status = Optional.of(response.statusCode());
            if (response.statusCode() / 100 != 2) {
                error = Optional.of("receiver answered HTTP " + response.statusCode());
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = Optional.of("interrupted");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        WebhookStore.Attempt attempt = new WebhookStore.Attempt(attemptNumber, now, status, error, millis);
        WebhookStore.DeliveryStatus next;
        Optional<Instant> nextAt;
        if (error.isEmpty()) {
            next = WebhookStore.DeliveryStatus.DELIVERED;
            nextAt = Optional.empty();
        } else {
            nextAt = RetrySchedule.standard().delayAfter(attemptNumber).map(now::plus);
            next = nextAt.isPresent() ? WebhookStore.DeliveryStatus.PENDING : WebhookStore.DeliveryStatus.FAILED;
        }
        return record(delivery, attempt, next, nextAt);
    }

    private boolean record(WebhookStore.Delivery delivery, WebhookStore.Attempt attempt, WebhookStore.DeliveryStatus next,
            Optional<Instant> nextAt) {
        database.run("recording a webhook attempt", c -> {
            webhookStore.recordAttempt(c, delivery, attempt, next, nextAt);
            return null;
        });
        return true;
    }

    public List<WebhookStore.Delivery> deliveriesOf(String itemId) {
        return database.run("reading webhook deliveries", c -> webhookStore.ofItem(c, itemId));
    }

    public List<WebhookStore.Attempt> attemptsOf(String deliveryId) {
        return database.run("reading webhook attempts", c -> webhookStore.attempts(c, deliveryId));
    }
}
