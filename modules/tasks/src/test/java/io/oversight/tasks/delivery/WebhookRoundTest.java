package io.oversight.tasks.delivery;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.oversight.tasks.delivery.WebhookStore.Delivery;
import io.oversight.tasks.delivery.WebhookStore.DeliveryStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A round of the webhook dispatcher against a real HTTP receiver: its deliveries are in flight
 * together, each signed; a 2xx delivers, anything else is retried on the standard schedule until the
 * attempts run out; a workflow without a webhook any more gets no call.
 */
class WebhookRoundTest {

    private static final String SECRET = "whsec_" + Base64.getUrlEncoder().withoutPadding()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private CountDownLatch inFlight;
    private volatile boolean allWereInFlightTogether;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            signatures.add(exchange.getRequestHeaders().getFirst(WebhookRound.SIGNATURE_HEADER));
            inFlight.countDown();
            try {
                // no answer until every call of the round has arrived: one at a time would never get here
                allWereInFlightTogether = inFlight.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/ok") ? 204 : 503, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aRoundsDeliveriesAreSentTogetherAndEachGetsItsOwnOutcome() throws IOException {
        inFlight = new CountDownLatch(3);
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        List<Delivery> due = List.of(
                delivery("ok-1", "loans", base + "/ok", 0),
                delivery("ok-2", "loans", base + "/ok", 0),
                delivery("refused", "loans", base + "/unavailable", 2),
                delivery("unreachable", "claims", "http://127.0.0.1:" + freePort() + "/hook", 0),
                delivery("removed", "posts", base + "/ok", 0));
        Map<String, Integer> secretAsked = new ConcurrentHashMap<>();

        List<WebhookRound.Outcome> outcomes = WebhookRound.send(http, due, workflow -> {
            secretAsked.merge(workflow, 1, Integer::sum);
            return workflow.equals("posts") ? Optional.empty() : Optional.of(SECRET);
        }, T0);

        assertTrue(allWereInFlightTogether, "the receiver had the round's three calls in flight at once");
        assertEquals(Map.of("loans", 1, "claims", 1, "posts", 1), secretAsked, "a workflow's secret is read once a round");
        assertEquals(List.of("ok-1", "ok-2", "refused", "unreachable", "removed"),
                outcomes.stream().map(o -> o.delivery().id()).toList(), "one outcome per delivery, in the round's order");

        WebhookRound.Outcome ok = outcomes.get(0);
        assertEquals(DeliveryStatus.DELIVERED, ok.next());
        assertEquals(Optional.of(204), ok.attempt().statusCode());
        assertEquals(1, ok.attempt().attempt());
        assertEquals(Optional.empty(), ok.nextAttemptAt());

        WebhookRound.Outcome refused = outcomes.get(2);
        assertEquals(3, refused.attempt().attempt(), "the delivery's third attempt");
        assertEquals(Optional.of(503), refused.attempt().statusCode());
        assertEquals(Optional.of("receiver answered HTTP 503"), refused.attempt().error());
        assertEquals(DeliveryStatus.PENDING, refused.next());
        assertEquals(Optional.of(T0.plusSeconds(90)), refused.nextAttemptAt(), "the standard schedule after three failures");

        WebhookRound.Outcome unreachable = outcomes.get(3);
        assertEquals(Optional.empty(), unreachable.attempt().statusCode());
        assertTrue(unreachable.attempt().error().orElseThrow().startsWith("ConnectException"),
                unreachable.attempt().error().orElseThrow());
        assertEquals(Optional.of(T0.plusSeconds(10)), unreachable.nextAttemptAt());

        WebhookRound.Outcome removed = outcomes.get(4);
        assertEquals(DeliveryStatus.FAILED, removed.next(), "an unsigned call is never made, nor retried");
        assertEquals(Optional.of("the workflow no longer has a webhook; not sent"), removed.attempt().error());
        assertEquals(3, signatures.size(), "the receiver got exactly the three signed calls");
        signatures.forEach(signature -> assertTrue(signature.startsWith("t=" + T0.getEpochSecond() + ",v1="), signature));
    }

    @Test
    void aFailureOnTheLastAttemptGivesTheDeliveryUp() {
        inFlight = new CountDownLatch(1);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/unavailable";
        int lastAttempt = RetrySchedule.standard().maxAttempts();

        WebhookRound.Outcome outcome = WebhookRound.send(http, List.of(delivery("d", "loans", url, lastAttempt - 1)),
                workflow -> Optional.of(SECRET), T0).get(0);

        assertEquals(lastAttempt, outcome.attempt().attempt());
        assertEquals(DeliveryStatus.FAILED, outcome.next());
        assertEquals(Optional.empty(), outcome.nextAttemptAt());
    }

    private static Delivery delivery(String id, String workflow, String url, int attemptsSoFar) {
        return new Delivery(id, "item-" + id, workflow, url, "{\"itemId\":\"item-" + id + "\"}", DeliveryStatus.PENDING,
                attemptsSoFar, Optional.of(T0), T0, Optional.empty());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
