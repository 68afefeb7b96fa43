package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.completion;
import static io.oversight.app.it.TasksFixture.decision;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reviewer view and automation-bias control through the public API on both databases (SPEC R1,
 * R9): governance sets a workflow's shown fields and blind tiers (a ledger entry), bad requests are
 * refused naming the field and change nothing, a blind tier's claims carry no prediction, blind answers
 * are recorded with {@code predictionShown=false}, and the prediction-exposure comparison gives the
 * numbers of a known small set of reviews.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewerViewIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String VIEW = """
            {"fields":[{"path":"/text","label":"Customer's statement","format":"PARAGRAPHS"},
                       {"path":"/amount","label":"Amount","format":"NUMBER"},
                       {"path":"/customer/email","label":"E-mail"}],
             "predictionHiddenTiers":[1]}""";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private static String path(TasksFixture f) {
        return "api/v1/workflows/" + f.key + "/reviewer-view";
    }

    @Test
    void governanceSetsTheViewAndBadRequestsChangeNothing() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        JsonObject unset = object(expect(200, f.governance.get(path(f))));
        assertEquals(0, unset.getJsonArray("fields").size());
        assertEquals(0, unset.getJsonArray("predictionHiddenTiers").size());
        assertFalse(unset.containsKey("changedAt"), unset.toString());

        JsonObject saved = object(expect(200, f.governance.putJson(path(f), VIEW)));
        assertEquals(List.of("/text", "/amount", "/customer/email"), saved.getJsonArray("fields").stream()
                .map(v -> v.asJsonObject().getString("path")).toList());
        assertEquals("TEXT", saved.getJsonArray("fields").getJsonObject(2).getString("format"), "TEXT when left out");
        assertEquals(1, saved.getJsonArray("predictionHiddenTiers").getInt(0));
        assertEquals(saved, object(expect(200, f.auditor.get(path(f)))), "auditors read it");
        List<JsonObject> entries = f.sealed("action=governance.reviewer-view.changed&workflow=" + f.key, 1);
        assertEquals(1, entries.size(), entries.toString());
        assertEquals("3", entries.get(0).getJsonObject("attributes").getString("fields"));
        assertEquals("1", entries.get(0).getJsonObject("attributes").getString("predictionHiddenTiers"));

        StringBuilder tooMany = new StringBuilder("{\"fields\":[");
        for (int i = 0; i <= 30; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"path\":\"/f").append(i).append("\"}");
        }
        tooMany.append("]}");
        Map<String, String> refusals = new HashMap<>();
        refusals.put("{\"fields\":[{\"path\":\"/text\",\"format\":\"MARKDOWN\"}]}", "fields[0].format");
        refusals.put("{\"fields\":[{\"path\":\"\",\"label\":\"Empty\"}]}", "fields[0].path");
        refusals.put("{\"fields\":[{\"path\":\"/text\"},{\"path\":\"/amount\"},{\"path\":\"/text\"}]}", "fields[2].path");
        refusals.put(tooMany.toString(), "fields");
        refusals.put("{\"fields\":[],\"predictionHiddenTiers\":[4]}", "predictionHiddenTiers[0]");
        refusals.put("{\"fields\":[{\"path\":\"text\"}]}", "fields[0].path");
        for (Map.Entry<String, String> bad : refusals.entrySet()) {
            HttpResponse<String> refused = expect(400, f.governance.putJson(path(f), bad.getKey()));
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON), refused.toString());
            Set<String> fields = object(refused).getJsonArray("errors").stream()
                    .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
            assertTrue(fields.contains(bad.getValue()), bad.getValue() + " named in " + refused.body());
        }
        ApiClient reviewer = f.reviewer("nosy", 2);
        expect(403, reviewer.putJson(path(f), "{\"fields\":[]}"));
        expect(403, f.auditor.putJson(path(f), "{\"fields\":[]}"));
        expect(404, f.governance.get("api/v1/workflows/no-such-workflow/reviewer-view"));
        expect(404, f.governance.putJson("api/v1/workflows/no-such-workflow/reviewer-view", VIEW));

        assertEquals(saved, object(expect(200, f.governance.get(path(f)))), "every refusal left the view as it was");
        TasksFixture.pause(1500);
        assertEquals(1, f.sealed("action=governance.reviewer-view.changed&workflow=" + f.key, 1).size(),
                "a refusal writes no ledger entry");
    }

    @Test
    void blindReviewsAreRecordedAndComparedWithSeeingOnes() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        expect(200, f.governance.putJson(path(f), "{\"fields\":[],\"predictionHiddenTiers\":[1]}"));
        ApiClient alpha = f.reviewer("alpha", 2);
        ApiClient beta = f.reviewer("beta", 2);
        // 0.5 routes to tier 2 (prediction shown), 0.7 to tier 1 (hidden)
        String seenAgreed = object(expect(202, f.submit(f.prediction("seen-1", 0.5)))).getString("id");
        String seenSplit = object(expect(202, f.submit(f.prediction("seen-2", 0.5)))).getString("id");
        String blind = object(expect(202, f.submit(f.prediction("blind-1", 0.7)))).getString("id");

        List<JsonObject> alphaBlind = f.claim(alpha, 1, 5);
        assertEquals(1, alphaBlind.size(), alphaBlind.toString());
        JsonObject claim = alphaBlind.get(0);
        assertEquals(blind, claim.getString("itemId"));
        assertFalse(claim.getBoolean("predictionShown"));
        for (String hidden : List.of("predictedLabels", "confidence", "classScores", "routeReason", "uncertaintyNote")) {
            assertFalse(claim.containsKey(hidden), hidden + " is hidden from a blind tier: " + claim);
        }
        HttpResponse<String> mine = expect(200, alpha.get("api/v1/tasks/mine"));
        assertFalse(mine.body().contains("card-not-present"), "nor listed among the caller's tasks: " + mine.body());
        assertTrue(claim.containsKey("payload"), "the input is there");

        String blindTask = claim.getJsonObject("task").getString("id");
        HttpResponse<String> approving = expect(400, completion(alpha, blindTask, decision("APPROVE", "looks right")));
        assertEquals("verdict", object(approving).getJsonArray("errors").getJsonObject(0).getString("field"));
        expect(400, completion(alpha, blindTask, decision("REJECT", "looks wrong")));
        JsonObject stillHeld = array(expect(200, alpha.get("api/v1/tasks/mine"))).stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonObject("task").getString("id").equals(blindTask)).findFirst().orElseThrow();
        assertEquals("CLAIMED", stillHeld.getJsonObject("task").getString("status"), "refused answers change nothing");

        // the blind reviewer names the model's own label: recorded as an approval
        JsonObject answered = object(expect(200, completion(alpha, blindTask, decision("CORRECT", null, "card-not-present"))));
        assertEquals("COMPLETED", answered.getString("status"));
        JsonObject betaBlind = f.claim(beta, 1, 5).get(0);
        // another answer, with no rationale: a blind reviewer cannot know they changed the model's answer
        expect(200, completion(beta, betaBlind.getJsonObject("task").getString("id"), decision("CORRECT", null, "ok")));

        List<JsonObject> alphaSeen = f.claim(alpha, 2, 5);
        List<JsonObject> betaSeen = f.claim(beta, 2, 5);
        assertEquals(2, alphaSeen.size());
        assertEquals(2, betaSeen.size());
        assertTrue(alphaSeen.get(0).getBoolean("predictionShown"));
        assertEquals(0.5, alphaSeen.get(0).getJsonNumber("confidence").doubleValue(), 1e-9);
        Map<String, String> seenTasks = new HashMap<>();
        for (JsonObject c : alphaSeen) {
            TasksFixture.complete(alpha, c.getJsonObject("task").getString("id"), "card-not-present");
            seenTasks.put(c.getJsonObject("task").getString("id"), "APPROVE");
        }
        for (JsonObject c : betaSeen) {
            boolean split = c.getString("itemId").equals(seenSplit);
            TasksFixture.complete(beta, c.getJsonObject("task").getString("id"), split ? "ok" : "card-not-present");
            seenTasks.put(c.getJsonObject("task").getString("id"), split ? "CORRECT" : "APPROVE");
        }
        assertEquals("DECIDED", f.item(seenAgreed).getString("status"));

        JsonObject blindEntry = f.sealed("action=tasks.task.completed&subjectKind=task&subject=" + blindTask, 1).get(0);
        assertEquals("false", blindEntry.getJsonObject("attributes").getString("predictionShown"), blindEntry.toString());
        assertEquals("APPROVE", blindEntry.getJsonObject("attributes").getString("verdict"),
                "a blind answer equal to the model's is an approval: " + blindEntry);
        for (Map.Entry<String, String> seen : seenTasks.entrySet()) {
            JsonObject entry = f.sealed("action=tasks.task.completed&subjectKind=task&subject=" + seen.getKey(), 1).get(0);
            assertEquals("true", entry.getJsonObject("attributes").getString("predictionShown"), entry.toString());
            assertEquals(seen.getValue(), entry.getJsonObject("attributes").getString("verdict"), entry.toString());
        }

        JsonObject exposure = object(expect(200, f.governance.get("api/v1/agreement/prediction-exposure?workflow=" + f.key)));
        JsonObject shown = exposure.getJsonObject("shown");
        assertTrue(shown.getBoolean("predictionShown"));
        assertEquals(4, shown.getInt("reviews"), exposure.toString());
        assertEquals(3, shown.getInt("agreeWithModel"), exposure.toString());
        assertEquals(0.75, shown.getJsonNumber("modelAgreement").doubleValue(), 1e-9);
        assertEquals(4, shown.getInt("peerPairs"), exposure.toString());
        assertEquals(2, shown.getInt("agreeingPeerPairs"), exposure.toString());
        assertEquals(0.5, shown.getJsonNumber("peerAgreement").doubleValue(), 1e-9);
        JsonObject hidden = exposure.getJsonObject("hidden");
        assertFalse(hidden.getBoolean("predictionShown"));
        assertEquals(2, hidden.getInt("reviews"), exposure.toString());
        assertEquals(1, hidden.getInt("agreeWithModel"), exposure.toString());
        assertEquals(0.5, hidden.getJsonNumber("modelAgreement").doubleValue(), 1e-9);
        assertEquals(2, hidden.getInt("peerPairs"), exposure.toString());
        assertEquals(0, hidden.getInt("agreeingPeerPairs"), exposure.toString());
        assertEquals(0.25, exposure.getJsonNumber("modelAgreementDifference").doubleValue(), 1e-9);

        JsonObject tierOne = object(expect(200, f.auditor.get("api/v1/agreement/prediction-exposure?workflow=" + f.key
                + "&tier=1")));
        assertEquals(0, tierOne.getJsonObject("shown").getInt("reviews"), tierOne.toString());
        assertFalse(tierOne.getJsonObject("shown").containsKey("modelAgreement"), "no share of nothing: " + tierOne);
        assertEquals(2, tierOne.getJsonObject("hidden").getInt("reviews"), tierOne.toString());
        HttpResponse<String> badTier = expect(400, f.governance.get("api/v1/agreement/prediction-exposure?workflow="
                + f.key + "&tier=7"));
        assertTrue(badTier.body().contains("tier"), badTier.body());
        expect(400, f.governance.get("api/v1/agreement/prediction-exposure"));
        expect(404, f.governance.get("api/v1/agreement/prediction-exposure?workflow=no-such-workflow"));
        expect(403, alpha.get("api/v1/agreement/prediction-exposure?workflow=" + f.key));
    }
}
