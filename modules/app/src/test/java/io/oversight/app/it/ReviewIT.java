package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.completion;
import static io.oversight.app.it.TasksFixture.decision;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The review engine through the public API on both databases (SPEC R2, R4, R5, R6, R8): blind
 * reviews, separation of duties (also under concurrent claims), fixed and dynamic multi-review with
 * adjudication, the ledger entry of every decision, refused decisions that change nothing, gold items
 * and the pause they trigger, and fatigue caps.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String MODEL_LABEL = "card-not-present";
    /** The fixture's taxonomy plus a label no request, payload or identifier contains by chance. */
    private static final String TAXONOMY_WITH_DISTINCT_LABEL = """
            {"labels":[{"code":"fraud","displayName":"Fraud"},
                       {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present"},
                       {"code":"zebra-friendly-fraud","parentCode":"fraud","displayName":"Friendly fraud"},
                       {"code":"ok","displayName":"OK"}]}""";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    // ------------------------------------------------------------------ a. blindness

    @Test
    void aSecondReviewerSeesNothingOfTheFirstReview() {
        TasksFixture f = new TasksFixture(deployment).taxonomy(TAXONOMY_WITH_DISTINCT_LABEL).workflow(2, "[]", 0);
        ApiClient alpha = f.reviewer("alpha", 2);
        ApiClient beta = f.reviewer("beta", 2);
        String itemId = object(expect(202, f.submit(f.prediction("blind-1", 0.5)))).getString("id");

        JsonObject first = single(f.claim(alpha, 2, 1));
        assertEquals(itemId, first.getString("itemId"));
        expect(200, completion(alpha, taskOf(first), decision("CORRECT", "ALPHA-RATIONALE-MARK", "zebra-friendly-fraud")));
        assertEquals("IN_REVIEW", f.item(itemId).getString("status"), "one review of two decides nothing");

        HttpResponse<String> claimed = expect(200, beta.postJson("api/v1/queues/" + f.key + "/2/claim-next?count=1", "{}"));
        JsonObject second = single(TasksFixture.claimed(claimed));
        assertEquals(itemId, second.getString("itemId"), "the second slot of the same item");
        HttpResponse<String> mine = expect(200, beta.get("api/v1/tasks/mine"));
        assertTrue(mine.body().contains(taskOf(second)), mine.body());
        for (HttpResponse<String> seen : List.of(claimed, mine)) {
            String body = seen.body();
            assertFalse(body.contains("zebra-friendly-fraud"), "the first reviewer's label leaks: " + body);
            assertFalse(body.contains("ALPHA-RATIONALE-MARK"), "the first reviewer's rationale leaks: " + body);
            assertFalse(body.contains(f.login("alpha")), "the first reviewer's login leaks: " + body);
            assertFalse(body.contains("\"CORRECT\""), "the first reviewer's verdict leaks: " + body);
            assertFalse(body.contains("\"decision"), "the item's decision state is shown: " + body);
            assertFalse(body.contains(taskOf(first)), "the first reviewer's task is shown: " + body);
        }
        assertEquals(List.of(MODEL_LABEL), strings(second, "predictedLabels"), "the reviewer sees the model's prediction");
    }

    // ------------------------------------------------------------------ b. separation of duties

    @Test
    void aReviewerNeverGetsTwoSlotsOfOneItem() {
        TasksFixture f = new TasksFixture(deployment).workflow(3, "[]", 0);
        ApiClient reviewer = f.reviewer("greedy", 2);
        String itemId = object(expect(202, f.submit(f.prediction("sod-1", 0.5)))).getString("id");
        assertEquals(3, f.queue(2).getInt("open"), "three review slots");

        List<JsonObject> claimed = f.claim(reviewer, 2, 20);
        assertEquals(1, claimed.size(), "one slot of the item, not three: " + claimed);
        assertEquals(itemId, claimed.get(0).getString("itemId"));
        assertEquals(List.of(), f.claim(reviewer, 2, 20), "nor a second one later");
        expect(200, completion(reviewer, taskOf(claimed.get(0)), decision("APPROVE", null)));
        assertEquals(List.of(), f.claim(reviewer, 2, 20), "nor once their review is in");
        assertEquals(2, f.queue(2).getInt("open"));
    }

    @Test
    void anAdjudicatorWhoReviewedTheItemCannotAdjudicateIt() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        ApiClient reviewingAdjudicator = f.reviewerAndAdjudicator("both", 2);
        ApiClient other = f.reviewer("other", 2);
        ApiClient adjudicator = f.adjudicator("judge");
        String itemId = object(expect(202, f.submit(f.prediction("sod-2", 0.5)))).getString("id");

        expect(200, completion(reviewingAdjudicator, taskOf(single(f.claim(reviewingAdjudicator, 2, 1))),
                decision("APPROVE", null)));
        expect(200, completion(other, taskOf(single(f.claim(other, 2, 1))), decision("CORRECT", "not fraud", "ok")));
        assertEquals("NEEDS_ADJUDICATION", f.item(itemId).getString("status"));

        HttpResponse<String> refused = reviewingAdjudicator.postJson("api/v1/adjudications/claims?workflow=" + f.key, "");
        assertEquals(204, refused.statusCode(), "a reviewer of the item may not adjudicate it: " + refused.body());
        HttpResponse<String> taken = adjudicator.postJson("api/v1/adjudications/claims?workflow=" + f.key, "");
        assertEquals(200, taken.statusCode(), taken.body());
        assertEquals(itemId, object(taken).getString("itemId"));
        assertEquals(List.of(), array(reviewingAdjudicator.get("api/v1/adjudications/mine")));
    }

    @Test
    void concurrentReviewersNeverShareATaskNorReviewOneItemTwice() throws Exception {
        int reviewers = 10;
        int items = 30;
        int slots = 3;
        TasksFixture f = new TasksFixture(deployment).workflow(slots, "[]", 0);
        List<String> predictions = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            predictions.add(f.prediction("conc-" + i, 0.3 + (i % 25) / 100.0));
        }
        Set<String> itemIds = Set.copyOf(f.submitBatch(predictions));
        assertEquals(items * slots, f.queue(2).getInt("open"));
        List<ApiClient> clients = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            ApiClient reviewer = f.reviewer("conc" + r, 2);
            expect(200, reviewer.get("api/v1/queues/mine")); // signs in before the concurrent phase
            clients.add(reviewer);
        }

        Map<String, String> holderOfTask = new ConcurrentHashMap<>();
        Set<String> itemReviewerPairs = ConcurrentHashMap.newKeySet();
        List<String> doubleTasks = new CopyOnWriteArrayList<>();
        List<String> doublePairs = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(reviewers);
        List<Future<?>> runs = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            ApiClient reviewer = clients.get(r);
            String name = "conc" + r;
            runs.add(pool.submit(() -> {
                int emptyInARow = 0;
                for (int attempt = 0; attempt < 200; attempt++) {
                    HttpResponse<String> response = reviewer.postJson("api/v1/queues/" + f.key + "/2/claim-next?count=3", "{}");
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                        continue;
                    }
                    List<JsonObject> tasks = TasksFixture.claimed(response);
                    if (tasks.isEmpty()) {
                        // a slot another claimer's transaction still locks is skipped, not waited for: look again
                        if (++emptyInARow == 3) {
                            return;
                        }
                        pause(200);
                        continue;
                    }
                    emptyInARow = 0;
                    for (JsonObject task : tasks) {
                        if (holderOfTask.putIfAbsent(taskOf(task), name) != null) {
                            doubleTasks.add(taskOf(task));
                        }
                        if (!itemReviewerPairs.add(task.getString("itemId") + "/" + name)) {
                            doublePairs.add(task.getString("itemId") + "/" + name);
                        }
                    }
                }
                failures.add(name + " never saw an empty queue");
            }));
        }
        for (Future<?> run : runs) {
            run.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(List.of(), doubleTasks, "no task was handed to two reviewers");
        assertEquals(List.of(), doublePairs, "no reviewer got two slots of one item");
        assertEquals(List.of(), failures, "no claim failed");
        assertEquals(items * slots, holderOfTask.size(), "every slot was claimed");
        Map<String, Long> reviewersPerItem = itemReviewerPairs.stream()
                .collect(Collectors.groupingBy(p -> p.substring(0, p.indexOf('/')), Collectors.counting()));
        assertEquals(itemIds, reviewersPerItem.keySet());
        assertTrue(reviewersPerItem.values().stream().allMatch(n -> n == slots), reviewersPerItem.toString());
        assertEquals(0, f.queue(2).getInt("open"));
        assertEquals(items * slots, f.queue(2).getInt("claimed"));
    }

    // ------------------------------------------------------------------ c. fixed mode and adjudication

    @Test
    void aFixedTwoReviewDisagreementIsAdjudicatedAndTheOverruledReviewerIsTold() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        ApiClient approver = f.reviewer("approver", 2);
        ApiClient corrector = f.reviewer("corrector", 2);
        ApiClient adjudicator = f.adjudicator("judge");
        String itemId = object(expect(202, f.submit(f.prediction("adj-1", 0.5)))).getString("id");

        expect(200, completion(approver, taskOf(single(f.claim(approver, 2, 1))),
                decision("APPROVE", "APPROVER-WHY the merchant is unknown")));
        expect(200, completion(corrector, taskOf(single(f.claim(corrector, 2, 1))),
                decision("CORRECT", "CORRECTOR-WHY customer confirmed the purchase", "ok")));
        JsonObject disputed = f.item(itemId);
        assertEquals("NEEDS_ADJUDICATION", disputed.getString("status"));
        assertFalse(disputed.getBoolean("actedUpon"));
        assertEquals(1, f.sealed("action=tasks.item.needs-adjudication&subject=" + itemId, 1).size());

        HttpResponse<String> claimed = adjudicator.postJson("api/v1/adjudications/claims?workflow=" + f.key, "");
        assertEquals(200, claimed.statusCode(), claimed.body());
        JsonObject adjudication = object(claimed);
        assertEquals(itemId, adjudication.getString("itemId"));
        assertEquals("CLAIMED", adjudication.getString("status"));
        List<JsonObject> reviews = adjudication.getJsonArray("reviews").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(2, reviews.size(), claimed.body());
        assertEquals("Reviewer 1", reviews.get(0).getString("reviewer"));
        assertEquals("Reviewer 2", reviews.get(1).getString("reviewer"));
        assertEquals("APPROVE", reviews.get(0).getString("verdict"));
        assertEquals("APPROVER-WHY the merchant is unknown", reviews.get(0).getString("rationale"));
        assertEquals("CORRECT", reviews.get(1).getString("verdict"));
        assertEquals(List.of("ok"), strings(reviews.get(1), "labels"));
        assertEquals("CORRECTOR-WHY customer confirmed the purchase", reviews.get(1).getString("rationale"));
        assertFalse(claimed.body().contains(f.login("approver")), claimed.body());
        assertFalse(claimed.body().contains(f.login("corrector")), claimed.body());
        assertEquals(1, array(adjudicator.get("api/v1/adjudications/mine")).size());
        assertEquals(204, f.adjudicator("second-judge").postJson("api/v1/adjudications/claims?workflow=" + f.key, "")
                .statusCode(), "a claimed adjudication is nobody else's");

        String adjudicationId = adjudication.getString("id");
        HttpResponse<String> noReason = adjudicator.postJson("api/v1/adjudications/" + adjudicationId + "/decision",
                decision("CORRECT", null, "ok"));
        assertProblem(noReason, 400, "rationale");
        JsonObject decided = object(expect(200, adjudicator.postJson("api/v1/adjudications/" + adjudicationId + "/decision",
                decision("CORRECT", "JUDGE-WHY the receipt matches the order", "ok")
                        .replace("}", ",\"notifyReviewers\":true}"))));
        assertEquals("COMPLETED", decided.getString("status"));
        assertEquals(List.of("ok"), strings(decided, "decisionLabels"));

        JsonObject item = f.item(itemId);
        assertEquals("DECIDED", item.getString("status"));
        assertTrue(item.getBoolean("actedUpon"));
        assertEquals(List.of("ok"), strings(item, "effectiveLabels"));
        assertEquals("ADJUDICATION", item.getJsonObject("decision").getString("source"));
        assertFalse(item.getJsonObject("decision").getBoolean("modelAgreed"));

        List<JsonObject> notices = array(expect(200, approver.get("api/v1/review/notices"))).stream()
                .map(JsonValue::asJsonObject).filter(n -> n.getString("itemId").equals(itemId)).toList();
        assertEquals(1, notices.size(), "the overruled reviewer is told");
        assertTrue(notices.get(0).getString("message").contains("JUDGE-WHY the receipt matches the order"),
                notices.get(0).toString());
        assertTrue(array(expect(200, corrector.get("api/v1/review/notices"))).stream().map(JsonValue::asJsonObject)
                .noneMatch(n -> n.getString("itemId").equals(itemId)), "the reviewer who was right is not");
        // reading does not file a notice away: it stays unread until its reviewer says they have seen it
        String noticeId = notices.get(0).getString("id");
        JsonObject readAgain = array(expect(200, approver.get("api/v1/review/notices"))).stream().map(JsonValue::asJsonObject)
                .filter(n -> n.getString("id").equals(noticeId)).findFirst().orElseThrow();
        assertFalse(present(readAgain, "readAt"), "still unread after two reads: " + readAgain);
        for (HttpResponse<String> refused : List.of(corrector.postJson("api/v1/review/notices/" + noticeId + "/read", ""),
                approver.postJson("api/v1/review/notices/no-such-notice/read", ""))) {
            assertEquals(404, refused.statusCode(), "another reviewer's notice, or none: " + refused.body());
            assertEquals(PROBLEM_JSON, contentType(refused), refused.body());
        }
        assertEquals(204, approver.postJson("api/v1/review/notices/" + noticeId + "/read", "").statusCode());
        JsonObject seen = array(expect(200, approver.get("api/v1/review/notices"))).stream().map(JsonValue::asJsonObject)
                .filter(n -> n.getString("id").equals(noticeId)).findFirst().orElseThrow();
        assertTrue(present(seen, "readAt"), "marked read, and still listed: " + seen);
        assertEquals(204, approver.postJson("api/v1/review/notices/" + noticeId + "/read", "").statusCode(), "again: no-op");
        assertEquals(seen.getString("readAt"), array(expect(200, approver.get("api/v1/review/notices"))).stream()
                .map(JsonValue::asJsonObject).filter(n -> n.getString("id").equals(noticeId)).findFirst().orElseThrow()
                .getString("readAt"), "the first read time is kept");

        JsonObject queue = array(expect(200, adjudicator.get("api/v1/adjudications/queues"))).stream()
                .map(JsonValue::asJsonObject).filter(q -> q.getString("workflow").equals(f.key)).findFirst().orElseThrow();
        assertTrue(queue.getInt("decidedLast30Days") >= 1, queue.toString());
        assertEquals(0, queue.getInt("open"), queue.toString());
        assertEquals(0, queue.getInt("claimed"), queue.toString());
        assertTrue(present(queue, "medianLeadTimeSeconds")
                && queue.getJsonNumber("medianLeadTimeSeconds").longValue() >= 0, queue.toString());
        HttpResponse<String> again = adjudicator.postJson("api/v1/adjudications/" + adjudicationId + "/decision",
                decision("REJECT", "twice"));
        assertEquals(409, again.statusCode(), "a decided adjudication is not decided again: " + again.body());

        HttpResponse<String> agreement = f.governance.get("api/v1/agreement?workflow=" + f.key);
        assertEquals(200, agreement.statusCode(), agreement.body());
        assertFalse(agreement.body().contains("NaN"), agreement.body());
        JsonObject report = object(agreement);
        assertTrue(report.getInt("reviews") >= 2, report.toString());
        JsonObject percent = report.getJsonArray("metrics").getJsonObject(0);
        assertEquals("Percent agreement", percent.getString("name"));
        assertTrue(present(percent, "value") || present(percent, "undefinedReason"), percent.toString());
        assertEquals(report.getJsonObject("humanVsModel").getInt("total"), report.getInt("reviews"),
                "every review is compared with the model");
        HttpResponse<String> badTier = f.governance.get("api/v1/agreement?workflow=" + f.key + "&tier=7");
        assertEquals(400, badTier.statusCode(), badTier.body());
        assertTrue(badTier.body().contains("tier"), badTier.body());
        // filters that cannot match: refused as problem+json instead of empty or perfect metrics
        String query = "api/v1/agreement?workflow=" + f.key;
        for (String[] refused : new String[][] {{query + "&tier=x", "400"}, {"api/v1/agreement?workflow=no-such", "404"},
                {query + "&label=nope", "400"}, {query + "&guideline=not-a-uuid", "400"},
                {query + "&guideline=9d0e3c1a-0000-4000-8000-000000000000", "404"}}) {
            HttpResponse<String> answer = f.governance.get(refused[0]);
            assertEquals(Integer.parseInt(refused[1]), answer.statusCode(), refused[0] + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    refused[0] + ": " + answer.headers().map());
        }
        assertEquals(403, f.integration.get("api/v1/agreement?workflow=" + f.key).statusCode());
    }

    // ------------------------------------------------------------------ d. dynamic mode

    @Test
    void dynamicModeStopsOnAgreementAndAddsAReviewerOnDisagreement() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        JsonObject settings = f.reviewSettings("{\"reviewMode\":\"DYNAMIC\",\"onDisagreement\":\"ADD_REVIEWER\",\"maxReviewers\":3}");
        assertEquals("DYNAMIC", settings.getString("reviewMode"));
        ApiClient a = f.reviewer("dyn-a", 2);
        ApiClient b = f.reviewer("dyn-b", 2);
        ApiClient c = f.reviewer("dyn-c", 2);

        JsonObject agreed = object(expect(202, f.submit(f.prediction("dyn-1", 0.5))));
        assertEquals(2, agreed.getJsonObject("routing").getInt("reviewsRequired"), "dynamic mode starts with two");
        String agreedId = agreed.getString("id");
        expect(200, completion(a, taskOf(single(f.claim(a, 2, 1))), decision("APPROVE", null)));
        expect(200, completion(b, taskOf(single(f.claim(b, 2, 1))), decision("APPROVE", null)));
        JsonObject consensus = f.item(agreedId);
        assertEquals("DECIDED", consensus.getString("status"));
        assertEquals("CONSENSUS", consensus.getJsonObject("decision").getString("source"));
        assertTrue(consensus.getJsonObject("decision").getBoolean("modelAgreed"));
        assertEquals(List.of(), f.claim(c, 2, 5), "agreement after two ends the item: no third task");

        String splitId = object(expect(202, f.submit(f.prediction("dyn-2", 0.5)))).getString("id");
        expect(200, completion(a, taskOf(single(f.claim(a, 2, 1))), decision("APPROVE", null)));
        expect(200, completion(b, taskOf(single(f.claim(b, 2, 1))), decision("CORRECT", "B-MARK not fraud", "ok")));
        JsonObject split = f.item(splitId);
        assertEquals("IN_REVIEW", split.getString("status"), split.toString());
        assertEquals(3, split.getJsonObject("routing").getInt("reviewsRequired"));
        assertEquals(List.of(), f.claim(a, 2, 5), "the added slot is not for an earlier reviewer");
        assertEquals(List.of(), f.claim(b, 2, 5), "the added slot is not for an earlier reviewer");
        HttpResponse<String> third = expect(200, c.postJson("api/v1/queues/" + f.key + "/2/claim-next?count=5", "{}"));
        JsonObject thirdTask = single(TasksFixture.claimed(third));
        assertEquals(splitId, thirdTask.getString("itemId"));
        assertEquals(3, thirdTask.getJsonObject("task").getInt("slot"));
        assertFalse(third.body().contains("\"ok\""), "the third review is blind too: " + third.body());
        assertFalse(third.body().contains("B-MARK"), "the third review is blind too: " + third.body());
        assertEquals(1, f.sealed("action=tasks.item.reviewer-added&subject=" + splitId, 1).size());

        expect(200, completion(c, taskOf(thirdTask), decision("CORRECT", "agree with the customer", "ok")));
        JsonObject majority = f.item(splitId);
        assertEquals("DECIDED", majority.getString("status"));
        assertEquals("MAJORITY", majority.getJsonObject("decision").getString("source"));
        assertEquals(List.of("ok"), strings(majority.getJsonObject("decision"), "labels"));
        assertEquals(204, f.adjudicator("dyn-judge").postJson("api/v1/adjudications/claims?workflow=" + f.key, "")
                .statusCode(), "a majority needs no adjudication");

        TasksFixture g = new TasksFixture(deployment).workflow(1, "[]", 0);
        g.reviewSettings("{\"reviewMode\":\"DYNAMIC\",\"onDisagreement\":\"ADJUDICATE\",\"maxReviewers\":3}");
        ApiClient ga = g.reviewer("gdyn-a", 2);
        ApiClient gb = g.reviewer("gdyn-b", 2);
        ApiClient gc = g.reviewer("gdyn-c", 2);
        String disputedId = object(expect(202, g.submit(g.prediction("gdyn-1", 0.5)))).getString("id");
        expect(200, completion(ga, taskOf(single(g.claim(ga, 2, 1))), decision("APPROVE", null)));
        expect(200, completion(gb, taskOf(single(g.claim(gb, 2, 1))), decision("REJECT", "not a real case")));
        assertEquals("NEEDS_ADJUDICATION", g.item(disputedId).getString("status"));
        assertEquals(List.of(), g.claim(gc, 2, 5), "no reviewer is added when disagreements go to adjudication");
        HttpResponse<String> adjudication = g.adjudicator("gdyn-judge").postJson("api/v1/adjudications/claims?workflow=" + g.key, "");
        assertEquals(200, adjudication.statusCode(), adjudication.body());
        assertEquals(disputedId, object(adjudication).getString("itemId"));
    }

    // ------------------------------------------------------------------ e. the ledger of decisions

    @Test
    void everyDecisionIsOneLedgerEntryNamingGuidelineAndModel() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        JsonObject guideline = f.activeGuideline("# Disputes\nApprove when the model is right.");
        String guidelineId = guideline.getString("id");
        ApiClient a = f.reviewer("led-a", 2);
        ApiClient b = f.reviewer("led-b", 2);
        ApiClient judge = f.adjudicator("led-judge");
        String agreedId = object(expect(202, f.submit(f.prediction("led-1", 0.5)))).getString("id");
        String splitId = object(expect(202, f.submit(f.prediction("led-2", 0.5)))).getString("id");

        Map<String, String> verdictOfTask = new HashMap<>();
        Map<String, String> itemOfTask = new HashMap<>();
        for (ApiClient reviewer : List.of(a, b)) {
            List<JsonObject> tasks = f.claim(reviewer, 2, 2);
            assertEquals(2, tasks.size());
            for (JsonObject task : tasks) {
                boolean split = task.getString("itemId").equals(splitId);
                String verdict = !split ? "APPROVE" : reviewer == a ? "CORRECT" : "REJECT";
                String body = verdict.equals("CORRECT") ? decision(verdict, "wrong label", "ok")
                        : decision(verdict, verdict.equals("REJECT") ? "not a dispute" : null);
                expect(200, completion(reviewer, taskOf(task), body));
                verdictOfTask.put(taskOf(task), verdict);
                itemOfTask.put(taskOf(task), task.getString("itemId"));
            }
        }
        assertEquals("DECIDED", f.item(agreedId).getString("status"));
        assertEquals("NEEDS_ADJUDICATION", f.item(splitId).getString("status"));
        JsonObject adjudication = object(expect(200, judge.postJson("api/v1/adjudications/claims?workflow=" + f.key, "")));
        expect(200, judge.postJson("api/v1/adjudications/" + adjudication.getString("id") + "/decision",
                decision("REJECT", "a duplicate of another case")));
        assertEquals("ADJUDICATION", f.item(splitId).getJsonObject("decision").getString("source"));

        for (String taskId : verdictOfTask.keySet()) {
            f.sealed("action=tasks.task.completed&subjectKind=task&subject=" + taskId, 1);
        }
        f.sealed("action=tasks.adjudication.decided&subject=" + adjudication.getString("id"), 1);
        pause(1500);
        for (Map.Entry<String, String> task : verdictOfTask.entrySet()) {
            List<JsonObject> entries = f.sealed("action=tasks.task.completed&subjectKind=task&subject=" + task.getKey(), 1);
            assertEquals(1, entries.size(), "one entry for task " + task.getKey() + ": " + entries);
            JsonObject entry = entries.get(0);
            assertEquals(f.snapshotId, entry.getString("modelSnapshotId"), entry.toString());
            assertEquals(guidelineId, entry.getString("guidelineVersionId"), entry.toString());
            assertEquals(guideline.getString("contentDigest"), entry.getString("guidelineDigest"), entry.toString());
            assertEquals(task.getValue(), entry.getJsonObject("attributes").getString("verdict"), entry.toString());
            assertEquals(itemOfTask.get(task.getKey()), entry.getJsonObject("attributes").getString("item"));
        }
        assertEquals(4, f.sealed("action=tasks.task.completed&workflow=" + f.key, 4).size(),
                "four reviews, four entries: the adjudication is not a task completion");
        List<JsonObject> adjudicated = f.sealed("action=tasks.adjudication.decided&subject=" + adjudication.getString("id"), 1);
        assertEquals(1, adjudicated.size());
        assertEquals(f.snapshotId, adjudicated.get(0).getString("modelSnapshotId"));
        assertEquals(guidelineId, adjudicated.get(0).getString("guidelineVersionId"));
        for (String itemId : List.of(agreedId, splitId)) {
            assertEquals(1, f.sealed("action=tasks.item.decided&subject=" + itemId, 1).size(), "one decision of " + itemId);
        }
    }

    // ------------------------------------------------------------------ f. refused decisions

    @Test
    void everyBadCompletionIsRefusedWithProblemJsonAndChangesNothing() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient holder = f.reviewer("holder", 2);
        ApiClient intruder = f.reviewer("intruder", 2);
        String itemId = object(expect(202, f.submit(f.prediction("bad-1", 0.5)))).getString("id");
        String taskId = taskOf(single(f.claim(holder, 2, 1)));
        f.sealed("subjectKind=task&subject=" + taskId, 1);

        HttpResponse<String> notYours = completion(intruder, taskId, decision("APPROVE", null));
        assertEquals(409, notYours.statusCode(), notYours.body());
        assertEquals(PROBLEM_JSON, contentType(notYours));
        assertTrue(object(notYours).getString("detail").contains(taskId), notYours.body());

        record Bad(String body, String field, String why) {
        }
        List<Bad> bad = List.of(
                new Bad(decision("CORRECT", "looks wrong", "no-such-label"), "labels[0]", "unknown label"),
                new Bad(decision("CORRECT", null, "ok"), "rationale", "a correction without rationale (ON_CHANGE)"),
                new Bad(decision("REJECT", "  "), "rationale", "a rejection with a blank rationale (ON_CHANGE)"),
                new Bad(decision("CORRECT", "x".repeat(4001), "ok"), "rationale", "a rationale of 4001 characters"),
                new Bad(decision(null, "fine", "ok"), "verdict", "no verdict"),
                new Bad(decision("MAYBE", "fine"), "verdict", "an unknown verdict"),
                new Bad(decision("CORRECT", "same", MODEL_LABEL), "labels", "a correction to the model's own label"),
                new Bad(decision("CORRECT", "nothing"), "labels", "a correction without labels"),
                new Bad(decision("APPROVE", "fine", "ok"), "labels", "labels with an approval"));
        for (Bad b : bad) {
            HttpResponse<String> r = completion(holder, taskId, b.body());
            assertProblem(r, 400, b.field());
            assertFalse(object(r).getString("detail").isBlank(), b.why());
        }
        assertTrue(object(completion(holder, taskId, decision("CORRECT", "looks wrong", "no-such-label")))
                .getJsonArray("errors").getJsonObject(0).getString("message").contains("not a selectable label"));
        HttpResponse<String> malformed = completion(holder, taskId, "{\"verdict\":\"APPROVE\",");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals(PROBLEM_JSON, contentType(malformed));

        JsonObject held = array(expect(200, holder.get("api/v1/tasks/mine"))).stream().map(JsonValue::asJsonObject)
                .filter(c -> taskOf(c).equals(taskId)).findFirst().orElseThrow(() -> new AssertionError("no longer held"));
        assertEquals("CLAIMED", held.getJsonObject("task").getString("status"));
        assertEquals(f.login("holder"), held.getJsonObject("task").getString("leaseHolder"));
        assertEquals("IN_REVIEW", f.item(itemId).getString("status"));
        pause(1500);
        assertEquals(List.of("tasks.task.claimed"), TasksIT.actions(f.sealed("subjectKind=task&subject=" + taskId, 1)),
                "the refused completions recorded nothing");

        expect(200, completion(holder, taskId, decision("CORRECT", "the customer confirmed it", "ok")));
        assertEquals("DECIDED", f.item(itemId).getString("status"));
        assertEquals(1, f.sealed("action=tasks.task.completed&subject=" + taskId, 1).size());
        HttpResponse<String> twice = completion(holder, taskId, decision("APPROVE", null));
        assertEquals(409, twice.statusCode(), "a completed task is not completed again: " + twice.body());
        assertEquals(PROBLEM_JSON, contentType(twice));
    }

    @Test
    void aCompletionAfterTheLeaseRanOutIsRefused() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        expect(200, f.governance.putJson("api/v1/workflows/" + f.key + "/intake-settings", "{\"leaseSeconds\":1}"));
        ApiClient slow = f.reviewer("slow", 2);
        String itemId = object(expect(202, f.submit(f.prediction("lease-1", 0.5)))).getString("id");
        String taskId = taskOf(single(f.claim(slow, 2, 1)));
        pause(1600);
        HttpResponse<String> late = completion(slow, taskId, decision("APPROVE", null));
        assertEquals(409, late.statusCode(), late.body());
        assertEquals(PROBLEM_JSON, contentType(late));
        assertFalse(object(late).getString("detail").isBlank());
        assertEquals("IN_REVIEW", f.item(itemId).getString("status"));
        f.sealed("action=tasks.task.lease-expired&subject=" + taskId, 1);
        pause(1000);
        assertEquals(0, f.sealed("action=tasks.task.completed&subject=" + taskId, 0).size(), "nothing was recorded");
    }

    @Test
    void aRationaleWithMarkupReachesTheAdjudicatorVerbatim() {
        String script = "<script>alert(1)</script>";
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        ApiClient a = f.reviewer("markup-a", 2);
        ApiClient b = f.reviewer("markup-b", 2);
        expect(202, f.submit(f.prediction("markup-1", 0.5)));
        expect(200, completion(a, taskOf(single(f.claim(a, 2, 1))), decision("CORRECT", script, "ok")));
        expect(200, completion(b, taskOf(single(f.claim(b, 2, 1))), decision("APPROVE", null)));

        HttpResponse<String> claimed = f.adjudicator("markup-judge").postJson("api/v1/adjudications/claims?workflow=" + f.key, "");
        assertEquals(200, claimed.statusCode(), claimed.body());
        assertTrue(contentType(claimed).startsWith("application/json"), contentType(claimed));
        List<JsonObject> reviews = object(claimed).getJsonArray("reviews").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(script, reviews.get(0).getString("rationale"), "stored and returned as written, as a JSON string");
        assertFalse(present(reviews.get(1), "rationale"), reviews.get(1).toString());
    }

    // ------------------------------------------------------------------ g. gold

    @Test
    void aReviewerWhoMissesGoldItemsIsPausedUntilAnAdminResumesThem() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient seed = f.reviewer("seed", 2);
        List<String> goldIds = f.submitBatch(List.of(f.prediction("gold-0", 0.5), f.prediction("gold-1", 0.5),
                f.prediction("gold-2", 0.5)));
        List<JsonObject> seeded = f.claim(seed, 2, 3);
        assertEquals(3, seeded.size());
        for (JsonObject task : seeded) {
            expect(200, completion(seed, taskOf(task), decision("APPROVE", null)));
        }
        for (String itemId : goldIds) {
            assertEquals("DECIDED", f.item(itemId).getString("status"));
            HttpResponse<String> marked = expect(201, f.governance.postJson("api/v1/gold",
                    "{\"itemId\":\"" + itemId + "\",\"verdict\":\"APPROVE\"}"));
            assertEquals(List.of(MODEL_LABEL), strings(object(marked), "labels"));
        }
        assertEquals(3, array(expect(200, f.governance.get("api/v1/gold?workflow=" + f.key))).size());
        assertEquals(403, f.auditor.postJson("api/v1/gold", "{\"itemId\":\"" + goldIds.get(0) + "\",\"verdict\":\"APPROVE\"}")
                .statusCode(), "only governance marks gold");
        f.reviewSettings("{\"goldRate\":0.5,\"goldMinAnswers\":2,\"goldWindow\":5,\"goldPauseBelow\":0.9}");
        List<String> ordinary = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            ordinary.add(f.prediction("plain-" + i, 0.5));
        }
        f.submitBatch(ordinary);

        ApiClient careless = f.reviewer("careless", 2);
        int goldAnswered = 0;
        int claims = 0;
        while (goldAnswered < 2 && claims < 60) {
            claims++;
            HttpResponse<String> response = expect(200, careless.postJson("api/v1/queues/" + f.key + "/2/claim-next?count=1", "{}"));
            JsonObject task = single(TasksFixture.claimed(response));
            if (goldIds.contains(task.getString("itemId"))) {
                assertFalse(response.body().contains("\"decision"), "a gold item's answer is not shown: " + response.body());
                expect(200, completion(careless, taskOf(task), decision("CORRECT", "wrong on purpose", "ok")));
                goldAnswered++;
            } else {
                expect(200, completion(careless, taskOf(task), decision("APPROVE", null)));
            }
        }
        assertEquals(2, goldAnswered, "two gold items were served within " + claims + " claims");

        HttpResponse<String> paused = careless.postJson("api/v1/queues/" + f.key + "/2/claim-next?count=1", "{}");
        assertEquals(403, paused.statusCode(), paused.body());
        assertEquals(PROBLEM_JSON, contentType(paused));
        assertTrue(object(paused).getString("detail").contains("paused"), paused.body());
        assertEquals(204, careless.postJson("api/v1/review/next", "").statusCode(), "nor from the rotation");
        JsonObject workload = object(expect(200, careless.get("api/v1/review/workload/" + f.key)));
        assertTrue(present(workload, "pausedBecause"), workload.toString());

        JsonObject pause = array(expect(200, f.governance.get("api/v1/gold/pauses"))).stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("workflow").equals(f.key)).findFirst().orElseThrow(() -> new AssertionError("no pause"));
        assertEquals(f.login("careless"), pause.getString("reviewer"));
        assertTrue(pause.getJsonNumber("accuracy").doubleValue() < 0.9, pause.toString());
        JsonObject accuracy = array(expect(200, f.governance.get("api/v1/gold/accuracy?workflow=" + f.key))).stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getString("reviewer").equals(f.login("careless"))).findFirst()
                .orElseThrow(() -> new AssertionError("no accuracy of the reviewer"));
        assertEquals(2, accuracy.getInt("answers"), accuracy.toString());
        assertEquals(0, accuracy.getInt("correct"), accuracy.toString());
        assertTrue(accuracy.getJsonNumber("accuracy").doubleValue() < 0.9, accuracy.toString());
        assertTrue(accuracy.getBoolean("paused"), accuracy.toString());
        for (String itemId : goldIds) {
            JsonObject decision = f.item(itemId).getJsonObject("decision");
            assertEquals(List.of(MODEL_LABEL), strings(decision, "labels"), "a gold answer does not decide the item again");
        }

        String resumption = "api/v1/gold/pauses/" + pause.getString("id") + "/resumption";
        assertEquals(403, f.governance.postJson(resumption, "{\"reason\":\"coached\"}").statusCode(), "admin only");
        assertProblem(f.admin.postJson(resumption, "{}"), 400, "reason");
        JsonObject resumed = object(expect(200, f.admin.postJson(resumption, "{\"reason\":\"coached on the guideline\"}")));
        assertTrue(present(resumed, "resumedAt"), resumed.toString());
        assertTrue(array(expect(200, f.governance.get("api/v1/gold/pauses"))).stream().map(JsonValue::asJsonObject)
                .noneMatch(p -> p.getString("id").equals(pause.getString("id"))), "no longer an active pause");
        HttpResponse<String> again = careless.postJson("api/v1/queues/" + f.key + "/2/claim-next?count=1", "{}");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(1, TasksFixture.claimed(again).size());
        assertEquals(1, f.sealed("action=tasks.reviewer.paused&workflow=" + f.key, 1).size());
        assertEquals(1, f.sealed("action=tasks.reviewer.resumed&workflow=" + f.key, 1).size());
    }

    // ------------------------------------------------------------------ h. fatigue

    @Test
    void aReviewerOverTheHourlyCapIsToldWhenToComeBack() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        f.reviewSettings("{\"maxItemsPerHour\":2,\"goldRate\":0}");
        ApiClient tired = f.reviewer("tired", 2);
        f.submitBatch(List.of(f.prediction("tired-0", 0.5), f.prediction("tired-1", 0.5), f.prediction("tired-2", 0.5)));
        for (int i = 0; i < 2; i++) {
            expect(200, completion(tired, taskOf(single(f.claim(tired, 2, 1))), decision("APPROVE", null)));
        }
        HttpResponse<String> refused = tired.postJson("api/v1/queues/" + f.key + "/2/claim-next?count=1", "{}");
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals(PROBLEM_JSON, contentType(refused));
        assertFalse(object(refused).getString("detail").isBlank());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow(
                () -> new AssertionError("no Retry-After header")));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(0, f.queue(2).getInt("claimed"), "the refused claim took nothing");
        assertEquals(1, f.queue(2).getInt("open"));
        assertEquals(204, tired.postJson("api/v1/review/next", "").statusCode(), "the rotation skips a capped workflow");

        JsonObject workload = object(expect(200, tired.get("api/v1/review/workload/" + f.key)));
        assertTrue(present(workload, "capReached"), workload.toString());
        assertEquals(2, workload.getInt("completedLastHour"), workload.toString());
        assertEquals(2, workload.getInt("maxPerHour"), workload.toString());
        assertTrue(workload.getJsonNumber("retryAfterSeconds").longValue() > 0, workload.toString());

        ApiClient fresh = f.reviewer("fresh", 2);
        HttpResponse<String> next = fresh.postJson("api/v1/review/next", "");
        assertEquals(200, next.statusCode(), "another reviewer is not capped: " + next.body());
        JsonObject freshWorkload = object(expect(200, fresh.get("api/v1/review/workload/" + f.key)));
        assertFalse(present(freshWorkload, "capReached"), freshWorkload.toString());
    }

    // ------------------------------------------------------------------ helpers

    private static JsonObject single(List<JsonObject> claimed) {
        assertEquals(1, claimed.size(), "one task: " + claimed);
        return claimed.get(0);
    }

    private static String taskOf(JsonObject claim) {
        return claim.getJsonObject("task").getString("id");
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** JSON-B leaves absent values out: present means there and not null. */
    private static boolean present(JsonObject object, String field) {
        return object.containsKey(field) && !object.isNull(field);
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM_JSON, contentType(response), response.body());
        JsonObject problem = object(response);
        assertNotNull(problem.getJsonArray("errors"), response.body());
        Set<String> fields = new HashSet<>();
        problem.getJsonArray("errors").forEach(e -> {
            fields.add(e.asJsonObject().getString("field"));
            assertFalse(e.asJsonObject().getString("message").isBlank(), response.body());
        });
        assertTrue(fields.contains(field), "the problem names " + field + ": " + response.body());
    }

    // ------------------------------------------------------------------ pairwise preference (R3)

    @Test
    void pairwisePreferencesShowRandomSidesAndAgreeOnTheCandidateNotTheSide() {
        TasksFixture f = new TasksFixture(deployment).kind("PAIRWISE_PREFERENCE").workflow(2, "[]", 0.0);
        ApiClient first = f.reviewer("pa", 2);
        ApiClient second = f.reviewer("pb", 2);
        String pair = """
                {"clientKey":"%s","modelSnapshotId":"%s","payload":{"prompt":"Summarise the dispute"},
                 "candidates":[{"id":"model-v1","output":"GOOD SUMMARY"},{"id":"model-v2","output":"weak summary"}],
                 "labels":["model-v2"],"confidence":0.5}""";
        String itemId = ApiClient.object(TasksFixture.expect(202, f.submit(pair.formatted("pair-1", f.snapshotId))))
                .getString("id");

        String three = """
                {"clientKey":"pair-bad","modelSnapshotId":"%s","payload":{},"confidence":0.5,
                 "candidates":[{"id":"x","output":"1"},{"id":"y","output":"2"},{"id":"z","output":"3"}]}"""
                .formatted(f.snapshotId);
        HttpResponse<String> refused = f.submit(three);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("candidates"), refused.body());

        for (ApiClient reviewer : List.of(first, second)) {
            HttpResponse<String> claim = reviewer.postJson("api/v1/queues/" + f.key + "/2/claim-next", "{}");
            JsonObject task = TasksFixture.claimed(claim).get(0);
            assertEquals(itemId, task.getString("itemId"));
            assertFalse(claim.body().contains("model-v1") || claim.body().contains("model-v2"),
                    "the reviewer sees sides, not the candidates' ids: " + claim.body());
            JsonObject shown = task.getJsonObject("pairwise");
            String goodSide = shown.getString("a").equals("GOOD SUMMARY") ? "A" : "B";
            assertEquals(goodSide.equals("A") ? "B" : "A", shown.getString("modelPrefers"));
            String taskId = task.getJsonObject("task").getString("id");
            HttpResponse<String> unknown = reviewer.postJson("api/v1/tasks/" + taskId + "/preference",
                    "{\"preference\":\"C\",\"rationale\":\"x\"}");
            assertEquals(400, unknown.statusCode(), unknown.body());
            TasksFixture.expect(200, reviewer.postJson("api/v1/tasks/" + taskId + "/preference",
                    "{\"preference\":\"" + goodSide + "\",\"rationale\":\"covers every point of the dispute\"}"));
        }
        JsonObject decided = ApiClient.object(f.integration.get("api/v1/workflows/" + f.key + "/predictions/" + itemId));
        assertEquals("DECIDED", decided.getString("status"), decided.toString());
        assertEquals("CONSENSUS", decided.getJsonObject("decision").getString("source"));
        assertEquals("model-v1", decided.getJsonObject("decision").getJsonArray("labels").getString(0),
                "both preferred the same candidate, whichever side each saw it on");
        List<JsonObject> completions = f.sealed("action=tasks.task.completed&workflow=" + f.key, 2);
        assertEquals(2, completions.size());
        assertTrue(completions.stream().allMatch(e -> e.toString().contains("sidesSwapped")), completions.toString());
    }
}
