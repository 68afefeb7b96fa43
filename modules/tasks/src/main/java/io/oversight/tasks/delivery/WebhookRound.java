package io.oversight.tasks.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One round of the dispatcher: the due deliveries it locked, each signed with its workflow's current
 * secret and sent at the same time, and what each attempt leaves behind. Sending them together means
 * a round lasts as long as its slowest receiver (at most {@link #REQUEST_TIMEOUT}), not the sum of
 * all of them, and the round's attempts are recorded and committed once. No database here.
 */
final class WebhookRound {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final String SIGNATURE_HEADER = "Oversight-Signature";

    /** An attempt and where it leaves its delivery. */
    record Outcome(WebhookStore.Delivery delivery, WebhookStore.Attempt attempt, WebhookStore.DeliveryStatus next,
            Optional<Instant> nextAttemptAt) {
    }

    private WebhookRound() {
    }

    /**
     * Sends every delivery of {@code due} at once and waits for all of them. {@code secretOf} gives a
     * workflow's current webhook secret (asked once per workflow of the round); a delivery whose
     * workflow has none any more is not sent: an unsigned call could not be trusted by its receiver.
     */
    static List<Outcome> send(HttpClient http, List<WebhookStore.Delivery> due,
            Function<String, Optional<String>> secretOf, Instant now) {
        Map<String, Optional<String>> secrets = new HashMap<>();
        List<CompletableFuture<Outcome>> sends = new ArrayList<>(due.size());
        for (WebhookStore.Delivery delivery : due) {
            Optional<String> secret = secrets.computeIfAbsent(delivery.workflowKey(), secretOf);
            sends.add(secret.isEmpty()
                    ? CompletableFuture.completedFuture(outcome(delivery, now, Optional.empty(),
                            Optional.of("the workflow no longer has a webhook; not sent"), 0, false))
                    : sendOne(http, delivery, secret.get(), now));
        }
        return sends.stream().map(CompletableFuture::join).toList();
    }

    private static CompletableFuture<Outcome> sendOne(HttpClient http, WebhookStore.Delivery delivery, String secret,
            Instant now) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Oversight-Delivery", delivery.id())
                    .header("Oversight-Attempt", Integer.toString(delivery.attempts() + 1))
                    .header(SIGNATURE_HEADER, WebhookSignature.sign(WebhookSignature.decodeSecret(secret),
                            now.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            return CompletableFuture.completedFuture(outcome(delivery, now, Optional.empty(),
                    Optional.of(describe(badUrl)), 0, true));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                return outcome(delivery, now, Optional.empty(), Optional.of(describe(cause)), millis, true);
            }
            int status = response.statusCode();
            return outcome(delivery, now, Optional.of(status),
                    status / 100 == 2 ? Optional.empty() : Optional.of("receiver answered HTTP " + status), millis, true);
        });
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** A failed attempt is retried on the standard schedule while {@code retryable} and attempts remain. */
    private static Outcome outcome(WebhookStore.Delivery delivery, Instant now, Optional<Integer> status,
            Optional<String> error, long millis, boolean retryable) {
        int attemptNumber = delivery.attempts() + 1;
        WebhookStore.Attempt attempt = new WebhookStore.Attempt(attemptNumber, now, status, error, millis);
        if (error.isEmpty()) {
            return new Outcome(delivery, attempt, WebhookStore.DeliveryStatus.DELIVERED, Optional.empty());
        }
        Optional<Instant> nextAt = retryable
                ? RetrySchedule.standard().delayAfter(attemptNumber).map(now::plus) : Optional.empty();
        return new Outcome(delivery, attempt,
                nextAt.isPresent() ? WebhookStore.DeliveryStatus.PENDING : WebhookStore.DeliveryStatus.FAILED, nextAt);
    }
}
