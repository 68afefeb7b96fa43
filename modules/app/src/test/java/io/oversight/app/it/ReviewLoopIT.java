package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.decision;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The review loop has no dead ends (ADR 0040), on both databases: an item whose eligible reviewers all
 * skipped goes to adjudication, recorded in the ledger; a reviewer's queue counts only what they could
 * be given; a task nobody may claim is listed for governance until it moves on.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewLoopIT {

    /** Routed to tier 1 by the fixture's policy (tier 1 from 0.6, auto-accept from 0.9). */
    private static final double TIER_ONE = 0.7;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void anItemEveryEligibleReviewerSkippedGoesToAdjudication() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient alice = f.reviewer("alice", 2);
        ApiClient bob = f.reviewer("bob", 1);
        String itemId = object(expect(202, f.submit(f.prediction("dead-end-1", TIER_ONE)))).getString("id");
        assertEquals(1, openFor(alice, f, 1));
        assertEquals(1, openFor(bob, f, 1));

        JsonObject alicesSkip = skip(alice, single(f.claim(alice, 1, 1)));
        assertEquals("OPEN", alicesSkip.getString("status"), "bob may still take it: " + alicesSkip);
        assertEquals(0, openFor(alice, f, 1), "alice is never given the item again, so her queue does not count it");
        assertEquals(1, openFor(bob, f, 1));
        assertEquals(1, f.queue(1).getInt("open"), "the dashboard still counts the open task");
        assertEquals(List.of(), stuck(f), "bob may still claim it");
        assertEquals("IN_REVIEW", f.item(itemId).getString("status"));

        JsonObject bobsClaim = single(f.claim(bob, 1, 1));
        JsonObject bobsSkip = skip(bob, bobsClaim);
        assertEquals("ESCALATED", bobsSkip.getString("status"), "nobody is left to take it: " + bobsSkip);
        assertEquals("NEEDS_ADJUDICATION", f.item(itemId).getString("status"),
                "alice, the only one qualified above tier 1, had the item too: no tier can review it");
        assertEquals(0, openFor(alice, f, 1));
        assertEquals(0, openFor(alice, f, 2));
        assertEquals(0, openFor(bob, f, 1));
        JsonObject tierOne = f.queue(1);
        assertTrue(tierOne == null || tierOne.getInt("open") == 0, "no task of the item waits: " + tierOne);
        assertEquals(List.of(), stuck(f), "nothing of the workflow waits for a reviewer who does not exist");

        String taskId = bobsClaim.getJsonObject("task").getString("id");
        List<JsonObject> moves = f.sealed("action=tasks.task.escalated&subjectKind=task&subject=" + taskId, 1);
        assertEquals(1, moves.size(), moves.toString());
        JsonObject move = moves.get(0).getJsonObject("attributes");
        assertEquals("no-eligible-reviewer", move.getString("reason"), move.toString());
        assertEquals("adjudication", move.getString("toTier"), move.toString());
        assertEquals(itemId, move.getString("item"), move.toString());
        assertEquals("all 2 eligible reviewers have passed on it or are excluded", move.getString("why"), move.toString());
        assertEquals(2, f.sealed("action=tasks.task.skipped&workflow=" + f.key, 2).size());
        List<JsonObject> opened = f.sealed("action=tasks.item.needs-adjudication&subject=" + itemId, 1);
        assertEquals(1, opened.size(), opened.toString());
        assertEquals(move.getString("adjudication"), opened.get(0).getJsonObject("attributes").getString("adjudication"));

        ApiClient judge = f.adjudicator("judge");
        JsonObject adjudication = object(expect(200, judge.postJson("api/v1/adjudications/claims?workflow=" + f.key, "")));
        assertEquals(itemId, adjudication.getString("itemId"));
        assertEquals(0, adjudication.getJsonArray("reviews").size(), "nobody reviewed it; the adjudicator decides alone");
        expect(200, judge.postJson("api/v1/adjudications/" + adjudication.getString("id") + "/decision",
                decision("CORRECT", "nobody could review it; the statement shows an ordinary purchase", "ok")));
        assertEquals("DECIDED", f.item(itemId).getString("status"));
    }

    @Test
    void theOtherOpenSlotsOfAnItemSentToAdjudicationEnd() {
        TasksFixture f = new TasksFixture(deployment).workflow(3, "[]", 0);
        ApiClient gina = f.reviewer("gina", 1);
        String itemId = object(expect(202, f.submit(f.prediction("slots-1", TIER_ONE)))).getString("id");
        assertEquals(3, f.queue(1).getInt("open"), "three review slots");

        skip(gina, single(f.claim(gina, 1, 1)));
        assertEquals("NEEDS_ADJUDICATION", f.item(itemId).getString("status"), "gina was the only reviewer");
        JsonObject tierOne = f.queue(1);
        assertTrue(tierOne == null || tierOne.getInt("open") == 0, "no slot waits for a review nobody needs: " + tierOne);
        assertEquals(3, f.sealed("action=tasks.task.escalated&workflow=" + f.key, 3).size(),
                "one entry per ended slot");
        assertEquals(1, f.sealed("action=tasks.item.needs-adjudication&subject=" + itemId, 1).size());
    }

    @Test
    void aTaskWhoseReviewersLostTheirQualificationIsListedAsStuckUntilOneIsGranted() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient dave = f.reviewer("dave", 1);
        String itemId = object(expect(202, f.submit(f.prediction("stuck-1", TIER_ONE)))).getString("id");
        assertEquals(List.of(), stuck(f), "dave may take it");
        String taken = single(f.claim(dave, 1, 1)).getJsonObject("task").getString("id"); // this server now keeps dave's standing
        expect(200, dave.postJson("api/v1/tasks/" + taken + "/release", "{\"reason\":\"not now\"}"));

        expect(204, f.admin.delete("api/v1/qualifications/" + f.login("dave") + "/" + f.key));
        HttpResponse<String> refused = dave.postJson("api/v1/queues/" + f.key + "/1/claim-next", "{}");
        assertEquals(403, refused.statusCode(), "the revocation counts from the next claim: " + refused.body());
        List<JsonObject> stuck = stuck(f);
        assertEquals(1, stuck.size(), stuck.toString());
        assertEquals(itemId, stuck.get(0).getString("itemId"));
        assertEquals(1, stuck.get(0).getInt("tier"));
        assertEquals(0, stuck.get(0).getInt("eligible"));
        assertEquals("no reviewer is qualified for tier 1", stuck.get(0).getString("reason"));
        assertEquals("IN_REVIEW", f.item(itemId).getString("status"), "it waits for the sweep's timeout (24 h)");
        assertEquals(403, f.integration.get("api/v1/queues/stuck?workflow=" + f.key).statusCode(),
                "the integration account reads no queue state");
        HttpResponse<String> badLimit = f.governance.get("api/v1/queues/stuck?limit=0");
        assertEquals(400, badLimit.statusCode(), badLimit.body());
        assertTrue(badLimit.body().contains("limit"), badLimit.body());

        f.qualify(f.login("dave"), 1);
        assertEquals(List.of(), stuck(f), "a granted qualification makes it claimable again");
        assertEquals(itemId, single(f.claim(dave, 1, 1)).getString("itemId"));
    }

    @Test
    void aReviewersQueueCountsOnlyItemsTheyCouldBeGiven() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        ApiClient erin = f.reviewer("erin", 1);
        ApiClient frank = f.reviewer("frank", 1);
        f.submit(f.prediction("count-1", TIER_ONE));
        f.submit(f.prediction("count-2", TIER_ONE));
        assertEquals(4, f.queue(1).getInt("open"), "two items, two review slots each");
        assertEquals(2, openFor(erin, f, 1), "one slot per item is erin's to take");

        JsonObject claimed = single(f.claim(erin, 1, 1));
        expect(200, TasksFixture.completion(erin, claimed.getJsonObject("task").getString("id"),
                decision("APPROVE", null)));
        assertEquals(1, openFor(erin, f, 1), "erin reviewed one item; the other is all she could be given");
        assertEquals(2, openFor(frank, f, 1));
        assertEquals(3, f.queue(1).getInt("open"));
    }

    private static JsonObject skip(ApiClient reviewer, JsonObject claim) {
        return object(expect(200, reviewer.postJson("api/v1/tasks/" + claim.getJsonObject("task").getString("id") + "/skip",
                "{\"reason\":\"I know the customer\"}")));
    }

    private static int openFor(ApiClient reviewer, TasksFixture f, int tier) {
        return array(expect(200, reviewer.get("api/v1/queues/mine"))).stream().map(JsonValue::asJsonObject)
                .filter(q -> q.getString("workflow").equals(f.key) && q.getInt("tier") == tier)
                .findFirst().orElseThrow(() -> new AssertionError("no tier " + tier + " queue of " + f.key)).getInt("open");
    }

    private static List<JsonObject> stuck(TasksFixture f) {
        return array(expect(200, f.governance.get("api/v1/queues/stuck?limit=1000&workflow=" + f.key))).stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject single(List<JsonObject> claimed) {
        assertEquals(1, claimed.size(), "one task: " + claimed);
        return claimed.get(0);
    }
}
