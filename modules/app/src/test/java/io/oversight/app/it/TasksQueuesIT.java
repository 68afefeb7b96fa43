package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.claimed;
import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Queues under load and the integration modes: 50 reviewers claim 2,000 tasks concurrently and each
 * task is handed out exactly once; expired leases return tasks; an inline caller gets the people's
 * decision or the fail-closed outcome; webhooks are signed and retried; an SLA breach is one alert.
 */
@ExtendWith(ArquillianExtension.class)
class TasksQueuesIT {

    static final int REVIEWERS = 50;
    static final int TASKS = 2000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void fiftyReviewersClaimTwoThousandTasksEachExactlyOnce() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        for (int batch = 0; batch < TASKS / 1000; batch++) {
            StringBuilder body = new StringBuilder("{\"predictions\":[");
            for (int i = 0; i < 1000; i++) {
                body.append(i == 0 ? "" : ",").append(f.prediction("load-" + batch + "-" + i, 0.3 + (i % 25) / 100.0));
            }
            HttpResponse<String> stored = expect(200, f.integration.postJson("api/v1/workflows/" + f.key
                    + "/predictions:batch", body.append("]}").toString()));
            assertEquals(1000, object(stored).getInt("received"));
        }
        assertEquals(TASKS, f.queue(2).getInt("open"));

        List<ApiClient> reviewers = new ArrayList<>();
        for (int r = 0; r < REVIEWERS; r++) {
            ApiClient reviewer = f.reviewer("load" + r, 2);
            // signs in once, so the concurrent phase measures claims, not 50 first sign-ins at once
            expect(200, reviewer.get("api/v1/queues/mine"));
            reviewers.add(reviewer);
        }
        Map<String, String> holderOf = new ConcurrentHashMap<>();
        List<String> doubles = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
        List<Future<?>> runs = new ArrayList<>();
        for (int r = 0; r < REVIEWERS; r++) {
            ApiClient reviewer = reviewers.get(r);
            String name = "load" + r;
            runs.add(pool.submit(() -> {
                while (true) {
                    HttpResponse<String> response = reviewer.postJson("api/v1/queues/" + f.key + "/2/claim-next?count=1", "{}");
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                        continue;
                    }
                    List<JsonObject> tasks = claimed(response);
                    if (tasks.isEmpty()) {
                        return;
                    }
                    for (JsonObject task : tasks) {
                        String previous = holderOf.putIfAbsent(task.getJsonObject("task").getString("id"), name);
                        if (previous != null) {
                            doubles.add(task.getJsonObject("task").getString("id"));
                        }
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(List.of(), doubles, "no task was handed to two reviewers");
        assertEquals(TASKS, holderOf.size(), "every task was claimed");
        assertEquals(0, failures.get(), "no claim failed");
        JsonObject queue = f.queue(2);
        assertEquals(0, queue.getInt("open"));
        assertEquals(TASKS, queue.getInt("claimed"));
    }

    /**
     * Long enough that the second reviewer's claim, made right after the first one's, still finds the
     * tasks held on a loaded CI machine (a 1-second lease expired in between there); short enough to
     * keep the test quick.
     */
    private static final int LEASE_SECONDS = 10;

    @Test
    void anExpiredLeaseReturnsItsTaskToTheQueue() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        expect(200, f.governance.putJson("api/v1/workflows/" + f.key + "/intake-settings",
                "{\"leaseSeconds\":" + LEASE_SECONDS + "}"));
        ApiClient slow = f.reviewer("slow", 2);
        ApiClient next = f.reviewer("next", 2);
        for (int i = 0; i < 3; i++) {
            expect(202, f.submit(f.prediction("lease-" + i, 0.5)));
        }
        Set<String> held = Set.copyOf(f.claim(slow, 2, 3).stream().map(t -> t.getJsonObject("task").getString("id")).toList());
        assertEquals(3, held.size());
        assertEquals(List.of(), f.claim(next, 2, 3), "held tasks are not handed out");
        JsonObject queue = f.queue(2);
        for (int i = 0; i < 10 * (LEASE_SECONDS + 60) && queue.getInt("open") < 3; i++) {
            pause(100);
            queue = f.queue(2);
        }
        assertEquals(3, queue.getInt("open"), "the reaper returned the tasks: " + queue);
        Set<String> taken = Set.copyOf(f.claim(next, 2, 3).stream().map(t -> t.getJsonObject("task").getString("id")).toList());
        assertEquals(held, taken);
        HttpResponse<String> late = slow.postJson("api/v1/tasks/" + held.iterator().next() + "/completion",
                TasksFixture.decision("CORRECT", "too late", "ok"));
        assertEquals(409, late.statusCode(), "the first holder lost the task with its lease: " + late.body());
        assertEquals("application/problem+json", late.headers().firstValue("Content-Type").orElse(""));
        assertEquals(3, f.sealed("action=tasks.task.lease-expired&workflow=" + f.key, 3).size());
        // leases left to expire would change rows while the next test class counts them
        for (String id : taken) {
            expect(200, next.postJson("api/v1/tasks/" + id + "/release", "{\"reason\":\"test over\"}"));
        }
    }

    @Test
    void anInlineCallerGetsTheDecisionInTimeOrTheFailClosedOutcome() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient reviewer = f.reviewer("inline", 2);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest waiting = HttpRequest.newBuilder(predictionsUri(f)).timeout(Duration.ofSeconds(60))
                .header("Authorization", f.integration.authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(f.prediction("in-1", 0.5)
                        .replace("\"confidence\"", "\"mode\":\"INLINE\",\"timeoutMillis\":30000,\"confidence\""))).build();
        var answer = http.sendAsync(waiting, HttpResponse.BodyHandlers.ofString());
        List<JsonObject> tasks = List.of();
        for (int i = 0; i < 100 && tasks.isEmpty(); i++) {
            pause(100);
            tasks = f.claim(reviewer, 2, 1);
        }
        assertEquals(1, tasks.size());
        assertFalse(answer.isDone(), "the inline caller waits for the person");
        complete(reviewer, tasks.get(0).getJsonObject("task").getString("id"), "ok");
        HttpResponse<String> decided = answer.get(30, TimeUnit.SECONDS);
        assertEquals(200, decided.statusCode(), decided.body());
        JsonObject body = object(decided);
        assertEquals("DECIDED", body.getString("status"));
        assertTrue(body.getBoolean("actedUpon"));
        assertEquals("ok", body.getJsonArray("effectiveLabels").getString(0));
        assertFalse(body.getJsonObject("decision").getBoolean("modelAgreed"));

        HttpResponse<String> timedOut = expect(200, f.submit(f.prediction("in-2", 0.5)
                .replace("\"confidence\"", "\"mode\":\"INLINE\",\"timeoutMillis\":1000,\"confidence\"")));
        JsonObject late = object(timedOut);
        assertEquals("IN_REVIEW", late.getString("status"));
        assertEquals("FAIL_CLOSED", late.getString("inlineTimeoutOutcome"));
        assertFalse(late.getBoolean("actedUpon"));
        assertEquals(List.of(), late.getJsonArray("effectiveLabels"));
        List<JsonObject> entries = f.sealed("action=tasks.inline.timed-out&subject=" + late.getString("id"), 1);
        assertEquals("FAIL_CLOSED", entries.get(0).getJsonObject("attributes").getString("outcome"));
    }

    @Test
    void webhooksAreSignedAndAFailingReceiverIsRetried() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient reviewer = f.reviewer("hook", 2);
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("signature", String.valueOf(exchange.getRequestHeaders().getFirst("Oversight-Signature")),
                    "body", body));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            JsonObject settings = object(expect(200, f.governance.putJson("api/v1/workflows/" + f.key + "/intake-settings",
                    "{\"webhookUrl\":\"" + url + "\"}")));
            String secret = settings.getString("newWebhookSecret");
            assertTrue(secret.startsWith("whsec_"));
            assertFalse(object(f.governance.get("api/v1/workflows/" + f.key + "/intake-settings"))
                    .containsKey("newWebhookSecret"), "the secret is shown once");

            String itemId = object(expect(202, f.submit(f.prediction("hook-1", 0.5)))).getString("id");
            complete(reviewer, f.claim(reviewer, 2, 1).get(0).getJsonObject("task").getString("id"), "card-not-present");
            expect(202, f.submit(f.prediction("hook-2", 0.5)));
            for (int i = 0; i < 600 && received.size() < 2; i++) {
                pause(100);
            }
            assertEquals(2, received.size(), "the failed delivery was retried");
            Map<String, String> delivered = received.get(1);
            assertEquals(received.get(0).get("body"), delivered.get("body"));
            assertTrue(delivered.get("body").contains(itemId));
            assertFalse(delivered.get("body").contains("jo@example.com"), "no payload goes out");
            String header = delivered.get("signature");
            String timestamp = header.substring(2, header.indexOf(','));
            String signature = header.substring(header.indexOf("v1=") + 3);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            assertEquals(HexFormat.of().formatHex(mac.doFinal((timestamp + "." + delivered.get("body"))
                    .getBytes(StandardCharsets.UTF_8))), signature, "the receiver can verify the signature");

            List<JsonObject> deliveries = ApiClient.array(f.integration.get("api/v1/workflows/" + f.key + "/predictions/"
                    + itemId + "/webhook-deliveries")).stream().map(JsonValue::asJsonObject).toList();
            assertEquals(1, deliveries.size());
            assertEquals("DELIVERED", deliveries.get(0).getString("status"));
            assertEquals(500, deliveries.get(0).getJsonArray("attemptLog").getJsonObject(0).getInt("statusCode"));
            assertEquals(204, deliveries.get(0).getJsonArray("attemptLog").getJsonObject(1).getInt("statusCode"));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aQueueOverItsDepthTargetRaisesOneAlertPerEpisode() {
        TasksFixture f = new TasksFixture(deployment)
                .workflow(1, "[{\"tier\":2,\"minutesToReview\":600,\"maxQueueDepth\":2}]", 0);
        for (int i = 0; i < 3; i++) {
            expect(202, f.submit(f.prediction("sla-" + i, 0.5)));
        }
        List<JsonObject> alerts = List.of();
        for (int i = 0; i < 600 && alerts.isEmpty(); i++) {
            pause(100);
            alerts = alertsOf(f);
        }
        assertEquals(1, alerts.size(), "the breach raised an alert");
        assertEquals("QUEUE_DEPTH", alerts.get(0).getString("measure"));
        assertEquals(3, alerts.get(0).getInt("observed"));
        assertFalse(alerts.get(0).containsKey("closedAt"), "the episode is open");
        assertTrue(f.queue(2).getBoolean("depthBreached"));
        expect(202, f.submit(f.prediction("sla-3", 0.5)));
        pause(5000);
        assertEquals(1, alertsOf(f).size(), "a continuing breach is the same episode");
        assertEquals(1, f.sealed("action=tasks.sla.breached&workflow=" + f.key, 1).size());
    }

    private static List<JsonObject> alertsOf(TasksFixture f) {
        return ApiClient.array(f.governance.get("api/v1/queues/alerts")).stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("workflow").equals(f.key)).toList();
    }

    private static java.net.URI predictionsUri(TasksFixture f) {
        return java.net.URI.create(f.deployment + "api/v1/workflows/" + f.key + "/predictions");
    }
}
