package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Demo mode as {@code ./mvnw -Prun} starts it, on a server of its own (oversight-it-demo, empty
 * database, queue cap {@code it.demo.queueCap}): the built-in demo model fills the reviewers' queues
 * through the public API soon after deployment, up to its cap and no further, fills them again as
 * reviewers work them, and each of its predictions is routed and recorded like a customer model's.
 */
@ExtendWith(ArquillianExtension.class)
// only the demo server runs the demo model; -Dit.test=DemoModeIT also selects this class for the others
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "liberty-demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoModeIT {

    private static final String DEMO_PASSWORD = "oversight-demo";
    private static final List<String> DEMO_WORKFLOWS = List.of("loan-dispute-triage", "content-moderation");
    private static final int CAP = Integer.getInteger("it.demo.queueCap", 12);
    /** The longest gap between two predictions at the default interval. */
    private static final Duration LONGEST_GAP = Duration.ofMillis(2000);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    @Order(1) // times the first tasks from the deployment, so it runs first
    void theDemoModelFillsTheReviewersQueuesUpToTheCapAndKeepsThemThere() {
        Instant deployed = Instant.now();
        ApiClient rita = ApiClient.as(deployment, "rita", DEMO_PASSWORD);
        ApiClient greta = ApiClient.as(deployment, "greta", DEMO_PASSWORD);
        long ritasOpenTasks = 0;
        while (ritasOpenTasks == 0 && Instant.now().isBefore(deployed.plusSeconds(60))) {
            pause(500);
            ritasOpenTasks = array(expect(200, rita.get("api/v1/queues/mine"))).stream().map(JsonValue::asJsonObject)
                    .mapToLong(queue -> queue.getJsonNumber("open").longValue()).sum();
        }
        assertTrue(ritasOpenTasks > 0, "within a minute of deployment the demo reviewer has tasks in her queues");

        Map<String, Integer> reviewsPerItem = new HashMap<>();
        for (String key : DEMO_WORKFLOWS) {
            reviewsPerItem.put(key, object(expect(200, greta.get("api/v1/workflows/" + key))).getInt("reviewersPerItem"));
        }
        Instant capDeadline = Instant.now().plus(Duration.ofMinutes(4));
        Map<String, Long> unfinished = unfinishedTasks(greta);
        while (!atCap(unfinished, reviewsPerItem) && Instant.now().isBefore(capDeadline)) {
            assertUnderCap(unfinished);
            pause(1000);
            unfinished = unfinishedTasks(greta);
        }
        assertTrue(atCap(unfinished, reviewsPerItem), "each workflow fills up to the cap of " + CAP
                + " (or to the last prediction whose reviews fit under it): " + unfinished);
        for (int gap = 0; gap < 4; gap++) {
            pause(LONGEST_GAP.toMillis());
            assertEquals(unfinished, unfinishedTasks(greta), "the queues stay at the cap");
        }
    }

    @Test
    @Order(2)
    void everyPredictionIsRoutedAndRecordedAsTheIntegrationAccountsWithTheActiveSnapshot() {
        ApiClient auditor = ApiClient.as(deployment, "aud", DEMO_PASSWORD);
        ApiClient greta = ApiClient.as(deployment, "greta", DEMO_PASSWORD);
        for (String key : DEMO_WORKFLOWS) {
            String activeSnapshot = array(expect(200, greta.get("api/v1/models?workflow=" + key))).stream()
                    .map(JsonValue::asJsonObject).filter(model -> "ACTIVE".equals(model.getString("status")))
                    .findFirst().orElseThrow().getString("id");
            List<JsonObject> routed = List.of();
            Instant deadline = Instant.now().plusSeconds(60);
            while (routed.isEmpty() && Instant.now().isBefore(deadline)) {
                pause(500);
                routed = object(expect(200, auditor.get("api/v1/ledger/entries?limit=1000&action=tasks.prediction.routed"
                        + "&workflow=" + key))).getJsonArray("entries").stream().map(JsonValue::asJsonObject).toList();
            }
            assertFalse(routed.isEmpty(), "the demo model's predictions to " + key + " are in the ledger");
            for (JsonObject entry : routed) {
                assertEquals("integration", entry.getString("actorRole"), entry.toString());
                assertEquals(activeSnapshot, entry.getString("modelSnapshotId"), entry.toString());
            }
            assertTrue(routed.stream().anyMatch(entry -> "HUMAN_REVIEW".equals(
                    entry.getJsonObject("attributes").getString("outcome"))), "most go to people: " + routed);
        }
    }

    @Test
    @Order(3)
    void aQueueAReviewerWorksBelowTheCapIsFilledAgain() {
        ApiClient rita = ApiClient.as(deployment, "rita", DEMO_PASSWORD);
        ApiClient greta = ApiClient.as(deployment, "greta", DEMO_PASSWORD);
        String posts = "content-moderation";
        assertTrue(eventually(() -> unfinishedTasks(greta).getOrDefault(posts, 0L) == CAP), "full before rita works it");
        int tier = array(expect(200, rita.get("api/v1/queues/mine"))).stream().map(JsonValue::asJsonObject)
                .filter(queue -> posts.equals(queue.getString("workflow")) && queue.getJsonNumber("open").longValue() > 0)
                .findFirst().orElseThrow().getInt("tier");
        JsonObject claimed = TasksFixture.claimed(rita.postJson("api/v1/queues/" + posts + "/" + tier + "/claim-next?count=1", "{}"))
                .get(0);
        JsonObject completed = object(expect(200, TasksFixture.completion(rita, claimed.getJsonObject("task").getString("id"),
                TasksFixture.decision("APPROVE", "read the post"))));
        assertEquals("COMPLETED", completed.getString("status"), "one task fewer: " + completed);
        assertTrue(eventually(() -> unfinishedTasks(greta).getOrDefault(posts, 0L) == CAP),
                "the demo model posts again until the queue is back at the cap");
    }

    /** Whether the condition holds within a minute, trying every half second. */
    private static boolean eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause(500);
        }
        return true;
    }

    /** Tasks of each workflow waiting in its queues or held by reviewers, every tier together. */
    private static Map<String, Long> unfinishedTasks(ApiClient governance) {
        Map<String, Long> tasks = new HashMap<>();
        for (JsonValue value : array(expect(200, governance.get("api/v1/queues")))) {
            JsonObject queue = value.asJsonObject();
            tasks.merge(queue.getString("workflow"),
                    queue.getJsonNumber("open").longValue() + queue.getJsonNumber("claimed").longValue(), Long::sum);
        }
        return tasks;
    }

    /** Full: the next prediction's reviews (one task each) would no longer fit under the cap. */
    private static boolean atCap(Map<String, Long> unfinished, Map<String, Integer> reviewsPerItem) {
        assertUnderCap(unfinished);
        return DEMO_WORKFLOWS.stream()
                .allMatch(key -> unfinished.getOrDefault(key, 0L) + reviewsPerItem.get(key) > CAP);
    }

    private static void assertUnderCap(Map<String, Long> unfinished) {
        DEMO_WORKFLOWS.forEach(key -> assertTrue(unfinished.getOrDefault(key, 0L) <= CAP,
                key + " has more unfinished tasks than the cap of " + CAP + ": " + unfinished));
    }
}
