package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Monitoring through the public API (SPEC G3, G4, G6, G7): decisions become monitor values with their
 * n, the promotion gate refuses, is overridden (recorded) and passes, SLA alerts appear in the alert
 * list and are acknowledged as ledger entries, and the advice answers a curve and writes only drafts.
 */
@ExtendWith(ArquillianExtension.class)
class MonitoringIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    /** A second snapshot, left in SHADOW: its predictions all go to people. */
    private static String shadowSnapshot(TasksFixture f) {
        String registration = """
                {"workflowKey":"%s","name":"candidate","version":"%s","artifactDigest":"sha256:%s",
                 "labelSpace":["card-not-present","ok"]}""".formatted(f.key, UUID.randomUUID(), "fedcba9876543210".repeat(4));
        return object(expect(201, f.governance.postJson("api/v1/models", registration))).getString("id");
    }

    /** Waits for the monitor rounds (every second on the test servers) to show {@code n} decisions. */
    private static JsonObject agreement(TasksFixture f, String subject, long n) {
        for (int attempt = 0; attempt < 60; attempt++) {
            JsonObject series = object(expect(200, f.governance.get("api/v1/monitors?workflow=" + f.key + "&subject=" + subject)));
            Optional<JsonObject> value = series.getJsonArray("values").stream().map(JsonValue::asJsonObject)
                    .filter(v -> v.getString("monitor").equals("AGREEMENT") && v.getJsonNumber("n").longValue() == n).findFirst();
            if (value.isPresent()) {
                return value.get();
            }
            pause(500);
        }
        throw new AssertionError("no AGREEMENT window with n = " + n + " for " + subject);
    }

    private static HttpResponse<String> promote(ApiClient as, String snapshot, String body) {
        return as.postJson("api/v1/models/" + snapshot + "/promotions", body);
    }

    @Test
    void decisionsBecomeMonitorValuesAndTheGateRefusesIsOverriddenAndPasses() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        String candidate = shadowSnapshot(f);
        ApiClient reviewer = f.reviewer("mr", 2);
        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key, "{\"minN\":5}"));
        List<String> predictions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            predictions.add("""
                    {"clientKey":"m-%d","modelSnapshotId":"%s","payload":{"amount":10},"labels":["card-not-present"],
                     "confidence":0.7}""".formatted(i, candidate));
        }
        f.submitBatch(predictions);
        List<JsonObject> tasks = f.claim(reviewer, 1, 12);
        assertEquals(12, tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            complete(reviewer, tasks.get(i).getJsonObject("task").getString("id"), i < 9 ? "card-not-present" : "ok");
        }
        // 9 of 12 human-final labels agree with the candidate: 75%, Wilson 95% 46.8%–91.1%
        JsonObject value = agreement(f, candidate, 12);
        assertEquals("OK", value.getString("status"));
        assertEquals(0.75, value.getJsonNumber("value").doubleValue(), 1e-9);
        assertEquals(0.4677, value.getJsonNumber("lower").doubleValue(), 1e-4);
        assertEquals(0.9111, value.getJsonNumber("upper").doubleValue(), 1e-4);

        // too few outcomes for the criteria: refused, naming minN with the numbers
        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key,
                "{\"minN\":5,\"gateMinN\":20,\"gateMinAgreement\":0.7}"));
        HttpResponse<String> tooFew = expect(409, promote(f.governance, candidate, "{\"target\":\"ACTIVE\",\"reason\":\"ready\"}"));
        assertTrue(tooFew.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        assertEquals("minN", object(tooFew).getString("criterion"));
        assertEquals(12, object(tooFew).getJsonNumber("n").longValue());
        assertEquals(20.0, object(tooFew).getJsonNumber("required").doubleValue());
        assertEquals("SHADOW", object(f.governance.get("api/v1/models/" + candidate)).getString("status"), "nothing changed");

        // enough outcomes, agreement below the criterion
        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key,
                "{\"minN\":5,\"gateMinN\":10,\"gateMinAgreement\":0.8}"));
        HttpResponse<String> tooLow = expect(409, promote(f.governance, candidate, "{\"target\":\"ACTIVE\",\"reason\":\"ready\"}"));
        assertEquals("minAgreement", object(tooLow).getString("criterion"));
        assertEquals(0.75, object(tooLow).getJsonNumber("measured").doubleValue(), 1e-9);
        assertTrue(object(tooLow).getString("detail").contains("75.0%"), tooLow.body());

        // only an admin overrides, and the override is its own ledger entry
        assertEquals(403, promote(f.governance, candidate, "{\"target\":\"ACTIVE\",\"reason\":\"x\",\"override\":true}")
                .statusCode());
        assertEquals("ACTIVE", object(expect(200, promote(f.admin, candidate,
                "{\"target\":\"ACTIVE\",\"reason\":\"incident 42: the old model is broken\",\"override\":true}")))
                .getString("status"));
        JsonObject overridden = f.sealed("action=governance.model.gate-overridden&modelSnapshot=" + candidate, 1).get(0);
        assertEquals("minAgreement", overridden.getJsonObject("attributes").getString("criterion"));
        assertEquals("admin", overridden.getString("actorRole"));

        // rollback stays one action; then the same snapshot passes once the criteria are met
        expect(200, f.governance.postJson("api/v1/models/" + candidate + "/rollback", "{\"reason\":\"back to measured\"}"));
        assertEquals("ACTIVE", object(f.governance.get("api/v1/models/" + f.snapshotId)).getString("status"));
        expect(200, promote(f.governance, candidate, "{\"target\":\"CANARY\",\"reason\":\"canary first\"}"));
        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key,
                "{\"minN\":5,\"gateMinN\":10,\"gateMinAgreement\":0.7}"));
        assertEquals("ACTIVE", object(expect(200, promote(f.governance, candidate,
                "{\"target\":\"ACTIVE\",\"reason\":\"meets the criteria\"}"))).getString("status"));
        List<JsonObject> promoted = f.sealed("action=governance.model.promoted&modelSnapshot=" + candidate, 3);
        assertEquals("0.7500", promoted.get(2).getJsonObject("attributes").getString("gate.agreement"));
    }

    /**
     * Non-inferiority on the same items: the active snapshot auto-accepts "card-not-present" for twelve
     * cases, the shadow candidate predicts the same twelve cases (same correlationId) and people settle
     * the candidate's. Pairs: both right 6, only the candidate 1, only the active 4, both wrong 1: the
     * candidate agrees on 7/12 = 58.3%, the active on 10/12 = 83.3%, D = −0.25, Wilson (0.319511,
     * 0.806740) and (0.551969, 0.953035), φ = (6·1 − 1·4)/√(7·5·10·2) = 0.075593,
     * L = −0.25 − √(0.263822² − 2φ·0.263822·0.119701 + 0.119701²) = −0.531347.
     */
    @Test
    void theGateComparesTheCandidateWithTheActiveSnapshotOnTheSameItems() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        String candidate = shadowSnapshot(f);
        ApiClient reviewer = f.reviewer("pn", 2);
        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key, "{\"minN\":5}"));
        List<String> active = new ArrayList<>();
        List<String> shadow = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            active.add("""
                    {"clientKey":"a-%d","correlationId":"case-%d","modelSnapshotId":"%s","payload":{"amount":10},
                     "labels":["card-not-present"],"confidence":0.95}""".formatted(i, i, f.snapshotId));
            shadow.add("""
                    {"clientKey":"c-%d","correlationId":"case-%d","modelSnapshotId":"%s","payload":{"amount":10},
                     "labels":["%s"],"confidence":0.7}""".formatted(i, i, candidate, i < 6 || i == 11 ? "card-not-present" : "ok"));
        }
        // an active prediction of a case the candidate never saw is no pair
        active.add("""
                {"clientKey":"a-x","correlationId":"case-x","modelSnapshotId":"%s","payload":{"amount":10},
                 "labels":["ok"],"confidence":0.95}""".formatted(f.snapshotId));
        f.submitBatch(active);
        f.submitBatch(shadow);
        List<JsonObject> tasks = f.claim(reviewer, 1, 12);
        assertEquals(12, tasks.size());
        // candidate "card-not-present": people agree six times (both right) and say "ok" once (both wrong);
        // candidate "ok": people agree once (only the candidate right) and say "card-not-present" four times
        int saidNotPresent = 0;
        int saidOk = 0;
        for (JsonObject task : tasks) {
            boolean predictedNotPresent = task.getJsonArray("predictedLabels").getString(0).equals("card-not-present");
            String label = predictedNotPresent ? (saidNotPresent++ < 6 ? "card-not-present" : "ok")
                    : (saidOk++ < 1 ? "ok" : "card-not-present");
            complete(reviewer, task.getJsonObject("task").getString("id"), label);
        }
        agreement(f, candidate, 12);

        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key,
                "{\"minN\":5,\"gateMinN\":10,\"gateMinAgreement\":0.5,\"gateMargin\":0.1}"));
        HttpResponse<String> inferior = expect(409, promote(f.governance, candidate, "{\"target\":\"ACTIVE\",\"reason\":\"ready\"}"));
        assertTrue(inferior.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        JsonObject problem = object(inferior);
        assertEquals("nonInferiority", problem.getString("criterion"));
        assertEquals(12, problem.getJsonNumber("n").longValue());
        assertEquals(-0.531347, problem.getJsonNumber("measured").doubleValue(), 1e-6);
        assertEquals(-0.1, problem.getJsonNumber("required").doubleValue(), 1e-12);
        String detail = problem.getString("detail");
        assertTrue(detail.contains("12 items") && detail.contains("58.3%") && detail.contains("83.3%")
                && detail.contains("only the candidate right: 1") && detail.contains("only the active right: 4"), detail);
        assertEquals("SHADOW", object(f.governance.get("api/v1/models/" + candidate)).getString("status"), "nothing changed");

        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key,
                "{\"minN\":5,\"gateMinN\":10,\"gateMinAgreement\":0.5,\"gateMargin\":0.6}"));
        assertEquals("ACTIVE", object(expect(200, promote(f.governance, candidate,
                "{\"target\":\"ACTIVE\",\"reason\":\"within the margin\"}"))).getString("status"));
        JsonObject promoted = f.sealed("action=governance.model.promoted&modelSnapshot=" + candidate, 1).get(0)
                .getJsonObject("attributes");
        assertEquals("12", promoted.getString("gate.pairedItems"));
        assertEquals("-0.5313", promoted.getString("gate.differenceLowerBound"));
    }

    @Test
    void itemsReviewedByTwoPeopleFeedTheReviewerAgreementMonitor() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key, "{\"minN\":5}"));
        ApiClient first = f.reviewer("ra", 2);
        ApiClient second = f.reviewer("rb", 2);
        List<String> predictions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            predictions.add(f.prediction("k-" + i, 0.7));
        }
        f.submitBatch(predictions);
        for (JsonObject task : f.claim(first, 1, 6)) {
            complete(first, task.getJsonObject("task").getString("id"), "card-not-present");
        }
        List<JsonObject> secondSlots = f.claim(second, 1, 6);
        assertEquals(6, secondSlots.size());
        for (int i = 0; i < secondSlots.size(); i++) {
            complete(second, secondSlots.get(i).getJsonObject("task").getString("id"), i < 3 ? "ok" : "card-not-present");
        }
        // three units {cnp, cnp}, three {cnp, ok}: n = 12 (n_cnp = 9, n_ok = 3), observed disagreement
        // 3 * (4 - 2) / 1 = 6, expected 144 - 81 - 9 = 54, alpha = 1 - 11 * 6 / 54
        JsonObject alpha = null;
        for (int attempt = 0; attempt < 60 && alpha == null; attempt++) {
            alpha = object(expect(200, f.governance.get("api/v1/monitors?workflow=" + f.key))).getJsonArray("values").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(v -> v.getString("monitor").equals("REVIEWER_AGREEMENT") && v.getJsonNumber("n").longValue() == 12)
                    .findFirst().orElse(null);
            if (alpha == null) {
                pause(500);
            }
        }
        assertTrue(alpha != null, "no REVIEWER_AGREEMENT window with n = 12");
        assertEquals("OK", alpha.getString("status"));
        assertEquals(1 - 11 * 6.0 / 54, alpha.getJsonNumber("value").doubleValue(), 1e-9);
    }

    @Test
    void aDeclaredPayloadFieldIsWatchedForDriftAndPersonalDataNeverIs() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        String settings = "api/v1/monitors/settings/" + f.key;
        // the fixture's workflow declares customer.email as personal data
        for (String refused : List.of("[{\"path\":\"customer.email\",\"kind\":\"CATEGORICAL\"}]",
                "[{\"path\":\"customer\",\"kind\":\"CATEGORICAL\"}]", "[{\"path\":\"amount\",\"kind\":\"BOGUS\"}]",
                "[{\"path\":\"amount;drop\",\"kind\":\"NUMERIC\"}]")) {
            HttpResponse<String> bad = expect(400, f.governance.putJson(settings, "{\"minN\":5,\"driftFields\":" + refused + "}"));
            assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
            assertTrue(bad.body().contains("driftFields"), bad.body());
        }
        JsonObject unchanged = object(expect(200, f.governance.get(settings)));
        assertEquals(30, unchanged.getInt("minN"), "nothing changed");
        assertEquals(0, unchanged.getJsonArray("driftFields").size());

        JsonObject saved = object(expect(200, f.governance.putJson(settings,
                "{\"minN\":5,\"referenceSize\":10,\"driftFields\":[{\"path\":\"amount\",\"kind\":\"NUMERIC\"}]}")));
        assertEquals("amount", saved.getJsonArray("driftFields").getJsonObject(0).getString("path"));
        List<JsonObject> entries = f.sealed("action=governance.monitors.settings-changed&workflow=" + f.key, 1);
        assertEquals(1, entries.size(), "the refused requests wrote nothing");
        assertEquals("amount:NUMERIC", entries.get(0).getJsonObject("attributes").getString("driftFields"));

        // an alert rule watches the field's own series; the field must be declared and suit the monitor
        String rule = "{\"workflow\":\"%s\",\"monitor\":\"%s\",%s\"grain\":\"HOUR\",\"direction\":\"ABOVE\","
                + "\"threshold\":0.3,\"minN\":10,\"openAfter\":1,\"closeAfter\":1}";
        JsonObject ksRule = object(expect(201, f.governance.postJson("api/v1/alerts/rules",
                rule.formatted(f.key, "INPUT_KS", "\"field\":\"amount\","))));
        assertEquals("amount", ksRule.getString("field"));
        for (String[] refused : List.of(new String[] {"INPUT_KS", ""}, new String[] {"INPUT_CHI_SQUARE", "\"field\":\"amount\","},
                new String[] {"INPUT_PSI", "\"field\":\"customer.email\","}, new String[] {"AGREEMENT", "\"field\":\"amount\","})) {
            HttpResponse<String> bad = expect(400, f.governance.postJson("api/v1/alerts/rules",
                    rule.formatted(f.key, refused[0], refused[1])));
            assertTrue(object(bad).getJsonArray("errors").stream()
                    .anyMatch(e -> e.asJsonObject().getString("field").equals("field")), bad.body());
        }
        JsonObject created = f.sealed("action=governance.alert-rule.created&subject=" + ksRule.getString("id"), 1).get(0);
        assertEquals("amount", created.getJsonObject("attributes").getString("field"));

        // ten amounts of 120 make the field's reference; ten of 5,000 follow in the same window
        List<String> predictions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            predictions.add(f.prediction("d-" + i, 0.7, "card-not-present",
                    "{\"amount\":" + (i < 10 ? 120 : 5000) + ",\"customer\":{\"email\":\"jo@example.com\"}}"));
        }
        f.submitBatch(predictions.subList(0, 10));
        f.submitBatch(predictions.subList(10, 20));
        JsonObject ks = null;
        for (int attempt = 0; attempt < 60 && ks == null; attempt++) {
            ks = object(expect(200, f.governance.get("api/v1/monitors?workflow=" + f.key + "&subject=input:amount")))
                    .getJsonArray("values").stream().map(JsonValue::asJsonObject)
                    .filter(v -> v.getString("monitor").equals("INPUT_KS") && v.getString("status").equals("OK")
                            && v.getJsonNumber("n").longValue() == 20)
                    .findFirst().orElse(null);
            if (ks == null) {
                pause(500);
            }
        }
        assertTrue(ks != null, "no INPUT_KS value over 20 amounts");
        // the window holds the reference's ten values and ten new ones: the CDFs differ by 0.5
        assertEquals(0.5, ks.getJsonNumber("value").doubleValue(), 1e-9);
        // the personal-data field never became a series of its own
        assertTrue(object(expect(200, f.governance.get("api/v1/monitors?workflow=" + f.key + "&subject=input:customer.email")))
                .getJsonArray("values").isEmpty());
    }

    @Test
    void slaAlertsShareTheListAndAcknowledgingIsALedgerEntry() {
        TasksFixture f = new TasksFixture(deployment)
                .workflow(1, "[{\"tier\":1,\"minutesToReview\":60,\"maxQueueDepth\":1}]", 0);
        f.submitBatch(List.of(f.prediction("s-1", 0.7), f.prediction("s-2", 0.7), f.prediction("s-3", 0.7)));
        JsonObject alert = null;
        for (int attempt = 0; attempt < 40 && alert == null; attempt++) {
            alert = array(expect(200, f.governance.get("api/v1/alerts?workflow=" + f.key + "&source=SLA&open=true")))
                    .stream().map(JsonValue::asJsonObject).findFirst().orElse(null);
            pause(500);
        }
        assertTrue(alert != null, "the SLA breach appears in the alert list");
        assertEquals("SLA_QUEUE_DEPTH", alert.getString("monitor"));
        String id = alert.getString("id");

        HttpResponse<String> blank = expect(400, f.governance.postJson("api/v1/alerts/" + id + "/acknowledgement", "{\"note\":\" \"}"));
        assertTrue(blank.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        JsonObject acknowledged = object(expect(200, f.governance.postJson("api/v1/alerts/" + id + "/acknowledgement",
                "{\"note\":\"two reviewers moved to this queue\"}")));
        assertEquals("two reviewers moved to this queue", acknowledged.getString("acknowledgeNote"));
        expect(409, f.governance.postJson("api/v1/alerts/" + id + "/acknowledgement", "{\"note\":\"again\"}"));
        JsonObject entry = f.sealed("action=governance.alert.acknowledged&workflow=" + f.key, 1).get(0);
        assertEquals("governance", entry.getString("actorRole"));
        assertEquals(403, f.auditor.postJson("api/v1/alerts/" + id + "/acknowledgement", "{\"note\":\"n\"}").statusCode());
    }

    @Test
    void theAdviceAnswersTheWholeCurveAndWritesOnlyADraft() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        JsonObject advice = object(expect(200, f.governance.get("api/v1/advice/" + f.key + "?target=0.05")));
        assertEquals(51, advice.getJsonArray("curve").size(), "thresholds 0.50 to 1.00");
        assertEquals(0.05, advice.getJsonNumber("targetErrorBound").doubleValue());
        expect(400, f.governance.get("api/v1/advice/" + f.key + "?target=1.5"));
        expect(404, f.governance.get("api/v1/advice/nope-" + f.key));
        JsonObject draft = object(expect(201, f.governance.postJson("api/v1/advice/" + f.key + "/draft", "{\"threshold\":0.95}")));
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(0.95, draft.getJsonNumber("autoAcceptAtOrAbove").doubleValue());
        expect(400, f.governance.postJson("api/v1/advice/" + f.key + "/draft", "{}"));
        assertEquals(403, f.auditor.postJson("api/v1/advice/" + f.key + "/draft", "{\"threshold\":0.95}").statusCode());
    }

    @Test
    void badMonitorQueriesAreRefusedClearly() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        HttpResponse<String> noWorkflow = expect(400, f.governance.get("api/v1/monitors"));
        assertTrue(noWorkflow.body().contains("workflow"), noWorkflow.body());
        assertTrue(expect(400, f.governance.get("api/v1/monitors?workflow=" + f.key + "&grain=MINUTE")).body().contains("grain"));
        assertTrue(expect(400, f.governance.get("api/v1/monitors?workflow=" + f.key + "&from=yesterday")).body().contains("from"));
        expect(404, f.governance.get("api/v1/monitors?workflow=nope-" + f.key));
        expect(400, f.governance.putJson("api/v1/monitors/settings/" + f.key, "{\"minN\":0}"));
        assertEquals(30, object(f.governance.get("api/v1/monitors/settings/" + f.key)).getInt("minN"), "nothing changed");
        expect(400, f.governance.postJson("api/v1/alerts/rules", "{\"workflow\":\"" + f.key
                + "\",\"monitor\":\"NOPE\",\"grain\":\"HOUR\",\"direction\":\"BELOW\",\"threshold\":0.8}"));
        JsonObject rule = object(expect(201, f.governance.postJson("api/v1/alerts/rules", "{\"workflow\":\"" + f.key
                + "\",\"monitor\":\"AGREEMENT\",\"grain\":\"HOUR\",\"direction\":\"BELOW\",\"threshold\":0.8,\"openAfter\":1}")));
        assertEquals(1, f.sealed("action=governance.alert-rule.created&workflow=" + f.key, 1).size());
        assertEquals(1, array(f.governance.get("api/v1/alerts/rules?workflow=" + f.key)).size());
        expect(204, f.governance.delete("api/v1/alerts/rules/" + rule.getString("id")));
    }
}
