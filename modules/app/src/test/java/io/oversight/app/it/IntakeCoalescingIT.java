package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single predictions sent at the same time are written in groups (request coalescing): every caller
 * still gets the answer it would have had alone, a client key still makes one item and one ledger
 * record, and each record names the caller that sent its prediction, though a group mixes callers.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeCoalescingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private record Sent(String name, ApiClient caller, String body) {
    }

    @Test
    void concurrentSinglePredictionsAreEachAnsweredRightAndStoredExactlyOnce() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        f.admin.createUser("int2-" + f.suffix, TasksFixture.PASSWORD, "integration");
        ApiClient other = ApiClient.as(deployment, "int2-" + f.suffix, TasksFixture.PASSWORD);
        String path = "api/v1/workflows/" + f.key + "/predictions";
        String usedBody = f.prediction("used", 0.5);
        String usedId = object(expect(202, f.submit(usedBody))).getString("id");
        String otherFirstId = object(expect(202, other.postJson(path, f.prediction("other-first", 0.5)))).getString("id");
        Map<ApiClient, String> pseudonymOf = Map.of(
                f.integration, routedRecord(f, usedId).getString("actorPseudonym"),
                other, routedRecord(f, otherFirstId).getString("actorPseudonym"));

        List<Sent> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(new Sent("new-" + i, i % 2 == 0 ? f.integration : other, f.prediction("new-" + i, 0.5)));
        }
        for (int i = 0; i < 5; i++) {
            String body = f.prediction("twice-" + i, 0.5);
            burst.add(new Sent("twice-" + i + "/a", f.integration, body));
            burst.add(new Sent("twice-" + i + "/b", other, body));
        }
        burst.add(new Sent("used/same", other, usedBody));
        burst.add(new Sent("used/different", f.integration, f.prediction("used", 0.55)));
        burst.add(new Sent("race/a", f.integration, f.prediction("race", 0.5)));
        burst.add(new Sent("race/b", other, f.prediction("race", 0.45)));
        burst.add(new Sent("bad-label", other, f.prediction("bad-label", 0.5, "no-such-label", "{\"amount\":1}")));

        Map<String, HttpResponse<String>> answers = sendAtOnce(burst, s -> s.caller().postJson(path, s.body()));

        Map<String, String> itemByKey = new HashMap<>();
        Set<String> receiptTimes = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            itemByKey.put("new-" + i, created(answers.get("new-" + i)));
            receiptTimes.add(object(answers.get("new-" + i)).getString("receivedAt"));
        }
        // one intake pass gives its whole group one receipt time: fewer times than items means some
        // predictions sent together were written together
        assertTrue(receiptTimes.size() < 40, "no two of 40 concurrent predictions shared a transaction: " + receiptTimes);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> a = answers.get("twice-" + i + "/a");
            HttpResponse<String> b = answers.get("twice-" + i + "/b");
            HttpResponse<String> first = a.statusCode() == 202 ? a : b;
            HttpResponse<String> replay = first == a ? b : a;
            String id = created(first);
            JsonObject replayed = object(expect(200, replay));
            assertTrue(replayed.getBoolean("replayed"), replay.body());
            assertEquals(id, replayed.getString("id"), "the second of a client key replays the first");
            itemByKey.put("twice-" + i, id);
        }
        JsonObject usedAgain = object(expect(200, answers.get("used/same")));
        assertEquals(usedId, usedAgain.getString("id"));
        assertTrue(usedAgain.getBoolean("replayed"));
        assertTrue(object(expect(409, answers.get("used/different"))).getString("detail").contains("used"));
        HttpResponse<String> raceA = answers.get("race/a");
        HttpResponse<String> raceB = answers.get("race/b");
        assertEquals(Set.of(202, 409), Set.of(raceA.statusCode(), raceB.statusCode()),
                "one of two predictions with one client key is stored, the other refused: " + raceA.body() + raceB.body());
        HttpResponse<String> raceWinner = raceA.statusCode() == 202 ? raceA : raceB;
        itemByKey.put("race", created(raceWinner));
        assertEquals(400, answers.get("bad-label").statusCode(), answers.get("bad-label").body());

        int items = 2 + itemByKey.size();
        assertEquals(items, f.queue(2).getInt("open"), "one item, with one task, per client key");
        f.sealed("action=tasks.prediction.routed&workflow=" + f.key, items);
        pause(1500);
        List<JsonObject> routed = f.sealed("action=tasks.prediction.routed&workflow=" + f.key, items);
        assertEquals(items, routed.size(), "one ledger record per item");
        Map<String, JsonObject> recordOf = routed.stream().collect(Collectors.toMap(e -> e.getString("subjectId"), e -> e));
        assertEquals(items, recordOf.size());
        for (int i = 0; i < 40; i++) {
            ApiClient sender = i % 2 == 0 ? f.integration : other;
            assertEquals(pseudonymOf.get(sender), recordOf.get(itemByKey.get("new-" + i)).getString("actorPseudonym"),
                    "the record of new-" + i + " names the caller that sent it");
        }
        ApiClient raceSender = raceWinner == raceA ? f.integration : other;
        assertEquals(pseudonymOf.get(raceSender), recordOf.get(itemByKey.get("race")).getString("actorPseudonym"));
    }

    private static String created(HttpResponse<String> response) {
        JsonObject item = object(expect(202, response));
        assertFalse(item.getBoolean("replayed"), response.body());
        assertEquals(response.headers().firstValue("Location").orElseThrow(), item.getString("statusUrl"));
        return item.getString("id");
    }

    private static JsonObject routedRecord(TasksFixture f, String itemId) {
        return f.sealed("subjectKind=item&subject=" + itemId, 1).get(0);
    }

    /** Sends every request from a thread of its own, all released together; answers by name. */
    private static Map<String, HttpResponse<String>> sendAtOnce(List<Sent> requests,
            Function<Sent, HttpResponse<String>> send) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            Map<String, Future<HttpResponse<String>>> pending = new HashMap<>();
            for (Sent s : requests) {
                pending.put(s.name(), threads.submit(() -> {
                    start.await();
                    return send.apply(s);
                }));
            }
            start.countDown();
            Map<String, HttpResponse<String>> answers = new HashMap<>();
            for (Map.Entry<String, Future<HttpResponse<String>>> p : pending.entrySet()) {
                answers.put(p.getKey(), p.getValue().get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
