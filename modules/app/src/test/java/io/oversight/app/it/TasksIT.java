package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Intake, routing and queues through the public API on both databases: a prediction reaches a
 * reviewer's queue and its routing decision the ledger; client keys are idempotent; every bad input
 * is refused with problem+json and stores nothing; blind multi-review never gives one reviewer two
 * slots of an item; feedback and roles.
 */
@ExtendWith(ArquillianExtension.class)
class TasksIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aPredictionReachesTheQueueAndTwoBlindReviewsDecideIt() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        ApiClient first = f.reviewer("r1", 2);
        ApiClient second = f.reviewer("r2", 2);

        HttpResponse<String> accepted = expect(202, f.submit(f.prediction("c-1", 0.5)));
        JsonObject item = object(accepted);
        String itemId = item.getString("id");
        assertEquals("IN_REVIEW", item.getString("status"));
        assertEquals(2, item.getJsonObject("routing").getInt("tier"), "0.5 is in tier 2's band");
        assertEquals(accepted.headers().firstValue("Location").orElseThrow(), item.getString("statusUrl"));
        assertTrue(item.getJsonObject("payload").getJsonObject("customer").getString("email").startsWith("pii:"),
                "the declared personal field is a vault token: " + item);
        assertFalse(accepted.body().contains("jo@example.com"));

        List<JsonObject> mine = f.claim(first, 2, 1);
        assertEquals(1, mine.size());
        assertEquals(itemId, mine.get(0).getString("itemId"));
        assertEquals(List.of(), f.claim(first, 2, 1), "the item's second review slot is never the same reviewer's");
        List<JsonObject> theirs = f.claim(second, 2, 5);
        assertEquals(1, theirs.size());
        assertNotEquals(mine.get(0).getJsonObject("task").getString("id"), theirs.get(0).getJsonObject("task").getString("id"));

        complete(first, mine.get(0).getJsonObject("task").getString("id"), "card-not-present");
        assertEquals("IN_REVIEW", object(f.integration.get(statusPath(f, itemId))).getString("status"),
                "one review of two does not decide");
        complete(second, theirs.get(0).getJsonObject("task").getString("id"), "card-not-present");
        JsonObject decided = object(f.integration.get(statusPath(f, itemId)));
        assertEquals("DECIDED", decided.getString("status"));
        assertTrue(decided.getBoolean("actedUpon"));
        assertEquals("card-not-present", decided.getJsonArray("effectiveLabels").getString(0));
        assertTrue(decided.getJsonObject("decision").getBoolean("modelAgreed"));

        List<JsonObject> entries = f.sealed("subjectKind=item&subject=" + itemId, 2);
        assertEquals(List.of("tasks.prediction.routed", "tasks.item.decided"), actions(entries));
        JsonObject routed = entries.get(0);
        assertEquals(f.snapshotId, routed.getString("modelSnapshotId"));
        assertEquals("HUMAN_REVIEW", routed.getJsonObject("attributes").getString("outcome"));
        assertEquals("1", routed.getJsonObject("attributes").getString("policyVersion"));
        assertEquals("confidence band of tier 2", routed.getJsonObject("attributes").getString("reason"));
        assertEquals("integration", routed.getString("actorRole"));
        assertEquals(2, f.sealed("action=tasks.task.completed&workflow=" + f.key, 2).size());
    }

    @Test
    void theSameClientKeyTwiceGivesOneItemAndOneLedgerEntry() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        String body = f.prediction("dup-1", 0.5);
        JsonObject first = object(expect(202, f.submit(body)));
        JsonObject again = object(expect(200, f.submit(body)));
        assertEquals(first.getString("id"), again.getString("id"));
        assertTrue(again.getBoolean("replayed"));

        HttpResponse<String> reused = expect(409, f.submit(f.prediction("dup-1", 0.55)));
        assertEquals(PROBLEM_JSON, reused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(object(reused).getString("detail").contains("dup-1"));

        assertEquals(1, f.queue(2).getInt("open"), "one task");
        f.sealed("subjectKind=item&subject=" + first.getString("id"), 1);
        pause(1500);
        assertEquals(1, f.sealed("action=tasks.prediction.routed&workflow=" + f.key, 1).size(), "one ledger entry");
    }

    @Test
    void everyBadPredictionIsRefusedWithProblemJsonAndStoresNothing() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        String otherWorkflow = new TasksFixture(deployment).workflow(1, "[]", 0).snapshotId;
        String good = f.prediction("bad-1", 0.5);
        record Bad(String body, int status, String field) {
        }
        List<Bad> bad = List.of(
                new Bad(good.replace(f.snapshotId, "no-such-snapshot"), 400, "modelSnapshotId"),
                new Bad(good.replace(f.snapshotId, otherWorkflow), 400, "modelSnapshotId"),
                new Bad(good.replace("\"confidence\":0.5", "\"scores\":{\"card-not-present\":0.5,\"ok\":0.2}"), 400, "scores"),
                new Bad(good.replace("0.5}", "\"NaN\"}"), 400, "confidence"),
                new Bad(good.replace("0.5}", "-0.1}"), 400, "confidence"),
                new Bad(good.replace("0.5}", "1.5}"), 400, "confidence"),
                new Bad(good.replace("[\"card-not-present\"]", "[\"no-such-label\"]"), 400, "labels[0]"),
                new Bad(good.replace("\"never bought this\"", "\"" + "x".repeat(70_000) + "\""), 413, null),
                new Bad(good.substring(0, good.length() - 4), 400, "body"),
                new Bad(good.replace("\"confidence\"", "\"confidance\""), 400, "confidance"),
                new Bad(good.replace("\"clientKey\":\"bad-1\",", ""), 400, "clientKey"));
        for (Bad b : bad) {
            HttpResponse<String> r = f.submit(b.body());
            assertEquals(b.status(), r.statusCode(), r.body());
            assertEquals(PROBLEM_JSON, r.headers().firstValue("Content-Type").orElse(""), r.body());
            if (b.field() != null) {
                assertEquals(b.field(), object(r).getJsonArray("errors").getJsonObject(0).getString("field"), r.body());
            }
        }
        HttpResponse<String> unknownWorkflow = f.integration.postJson("api/v1/workflows/no-such-workflow/predictions", good);
        assertEquals(404, unknownWorkflow.statusCode());
        assertEquals(PROBLEM_JSON, unknownWorkflow.headers().firstValue("Content-Type").orElse(""));

        assertNull(f.queue(2), "no task was queued");
        pause(1500);
        assertEquals(0, f.sealed("action=tasks.prediction.routed&workflow=" + f.key, 0).size(), "nothing was recorded");
        JsonObject stored = object(expect(202, f.submit(good)));
        assertFalse(stored.getBoolean("replayed"), "the refused requests left no item behind under their client key");
    }

    @Test
    void routingAppliesRulesBandsAndAutomaticOutcomes() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        JsonObject big = object(expect(202, f.submit(f.prediction("r-1", 0.95, "card-not-present",
                "{\"amount\":25000}"))));
        assertEquals(3, big.getJsonObject("routing").getInt("tier"));
        assertTrue(big.getJsonObject("routing").getString("reason").contains("amount > 10000"), big.toString());
        JsonObject sure = object(expect(201, f.submit(f.prediction("r-2", 0.95))));
        assertEquals("AUTO_ACCEPTED", sure.getString("status"));
        assertTrue(sure.getBoolean("actedUpon"));
        JsonObject unsure = object(expect(202, f.submit(f.prediction("r-3", 0.1))));
        assertEquals("ESCALATE", unsure.getJsonObject("routing").getString("outcome"));
        assertEquals(3, unsure.getJsonObject("routing").getInt("tier"));
        JsonObject tier1 = object(expect(202, f.submit(f.prediction("r-4", 0.7))));
        assertEquals(1, tier1.getJsonObject("routing").getInt("tier"));
        assertEquals(2, f.queue(3).getInt("open"));
        assertEquals(1, f.queue(1).getInt("open"));
        List<JsonObject> routed = f.sealed("action=tasks.prediction.routed&workflow=" + f.key, 4);
        assertEquals(Set.of("HUMAN_REVIEW", "AUTO_ACCEPT", "ESCALATE"), routed.stream()
                .map(e -> e.getJsonObject("attributes").getString("outcome")).collect(Collectors.toSet()));
    }

    @Test
    void feedbackOnADecisionOpensAPriorityReviewAndNeedsADecision() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient reviewer = f.reviewer("fb", 2);
        expect(202, f.submit(f.prediction("f-0", 0.5)));
        String accepted = object(expect(201, f.submit(f.prediction("f-1", 0.95)))).getString("id");
        String pending = object(expect(202, f.submit(f.prediction("f-2", 0.5)))).getString("id");
        String base = "api/v1/workflows/" + f.key + "/predictions/";

        assertEquals(409, f.integration.postJson(base + pending + "/feedback", "{\"kind\":\"THUMBS_DOWN\"}").statusCode());
        HttpResponse<String> noText = f.integration.postJson(base + accepted + "/feedback", "{\"kind\":\"REPORT_ISSUE\"}");
        assertEquals(400, noText.statusCode());
        assertEquals("comment", object(noText).getJsonArray("errors").getJsonObject(0).getString("field"));
        JsonObject feedback = object(expect(201, f.integration.postJson(base + accepted + "/feedback",
                "{\"kind\":\"REPORT_ISSUE\",\"comment\":\"this was my own purchase\"}")));
        assertEquals(2, feedback.getInt("tier"));

        List<JsonObject> first = f.claim(reviewer, 2, 1);
        assertEquals(accepted, first.get(0).getString("itemId"), "feedback outranks the older ordinary task");
        assertEquals("FEEDBACK", first.get(0).getJsonObject("task").getString("purpose"));
        complete(reviewer, first.get(0).getJsonObject("task").getString("id"), "ok");
        JsonObject corrected = object(f.integration.get(base + accepted));
        assertEquals("DECIDED", corrected.getString("status"));
        assertEquals("ok", corrected.getJsonObject("decision").getJsonArray("labels").getString(0));
        assertEquals("FEEDBACK_REVIEW", corrected.getJsonObject("decision").getString("source"));
        assertEquals(1, f.sealed("action=tasks.feedback.received&workflow=" + f.key, 1).size());
    }

    @Test
    void onlyTheRightRolesAndQualificationsReachIntakeAndQueues() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient qualified = f.reviewer("q", 1);
        String body = f.prediction("x-1", 0.5);
        assertEquals(401, ApiClient.anonymous(deployment).postJson("api/v1/workflows/" + f.key + "/predictions", body)
                .statusCode());
        assertEquals(403, qualified.postJson("api/v1/workflows/" + f.key + "/predictions", body).statusCode());
        expect(202, f.submit(body));
        HttpResponse<String> tooHigh = qualified.postJson("api/v1/queues/" + f.key + "/2/claim-next", "{}");
        assertEquals(403, tooHigh.statusCode(), "qualified for tier 1 only");
        assertTrue(object(tooHigh).getString("detail").contains("tier 1"));
        assertEquals(403, f.integration.postJson("api/v1/queues/" + f.key + "/2/claim-next", "{}").statusCode());
        assertNotNull(f.queue(2));
        assertEquals(0, f.queue(2).getInt("claimed"), "the refused claims took nothing");
    }

    private static String statusPath(TasksFixture f, String itemId) {
        return "api/v1/workflows/" + f.key + "/predictions/" + itemId;
    }

    static List<String> actions(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getString("actionType")).toList();
    }
}
