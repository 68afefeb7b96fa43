package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasure of a data subject through the REST API (SPEC L6): an administrator finds the subject by the
 * client key of its prediction; erasure is refused with the date it becomes possible while the
 * workflow's retention period runs and outright under legal hold, changing nothing; once the period
 * is over it destroys the subject's key, is a ledger entry, the subject can no longer be revealed,
 * and the whole ledger still verifies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErasureIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWarWithProbes();
    }

    @ArquillianResource
    URL deployment;

    private String subjectOf(TasksFixture f, String clientKey) {
        expect(202, f.submit(f.prediction(clientKey, 0.5)));
        JsonObject subject = object(expect(200, f.admin.get("api/v1/subjects?workflow=" + f.key + "&clientKey=" + clientKey)));
        assertEquals(f.key, subject.getString("workflowKey"));
        assertFalse(subject.getBoolean("erased"));
        return subject.getString("pseudonym");
    }

    private void age(String pseudonym, int days) throws Exception {
        HttpResponse<String> aged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(deployment + RetentionProbe.PATH.substring(1) + "?pseudonym=" + pseudonym + "&days=" + days))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, aged.statusCode(), aged.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("https://oversight.io/problems/" + type, object(response).getString("type"), response.body());
    }

    @Test
    void erasureWaitsForTheRetentionPeriodThenShredsTheSubjectAndTheLedgerStillVerifies() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        String pseudonym = subjectOf(f, "erase-" + f.suffix);
        String erasure = "api/v1/subjects/" + pseudonym + "/erasure";
        Map<String, Long> before = RowCounts.of(deployment);

        assertProblem(f.admin.postJson(erasure, "{}"), 400, "validation");
        assertProblem(f.admin.postJson(erasure, "{\"reason\":\"" + "x".repeat(2001) + "\"}"), 400, "validation");
        assertEquals(403, f.governance.postJson(erasure, "{\"reason\":\"request 17\"}").statusCode());
        assertProblem(f.admin.postJson("api/v1/subjects/no-such-subject/erasure", "{\"reason\":\"request 17\"}"), 404,
                "not-found");
        HttpResponse<String> early = f.admin.postJson(erasure, "{\"reason\":\"request 17\"}");
        assertProblem(early, 409, "erasure-refused");
        JsonObject refusal = object(early);
        assertEquals("RETENTION_PERIOD", refusal.getString("blockedBy"));
        Instant possibleFrom = Instant.parse(refusal.getString("possibleFrom"));
        Instant expected = Instant.now().plus(Duration.ofDays(365));
        assertTrue(Duration.between(possibleFrom, expected).abs().toMinutes() < 10,
                "possible 365 days after last use: " + possibleFrom);
        assertTrue(refusal.getString("detail").contains("365 days"), refusal.getString("detail"));
        assertEquals(before, RowCounts.of(deployment), "refused erasures changed nothing");

        age(pseudonym, 366);
        JsonObject erased = object(expect(200, f.admin.postJson(erasure, "{\"reason\":\"request 17\"}")));

        assertEquals(pseudonym, erased.getString("pseudonym"));
        assertEquals(f.key, erased.getString("workflowKey"));
        assertTrue(object(expect(200, f.admin.get("api/v1/subjects/" + pseudonym))).getBoolean("erased"));
        assertProblem(f.admin.postJson(erasure, "{\"reason\":\"request 17\"}"), 410, "subject-erased");
        assertEquals(410, f.auditor.postJson("api/v1/ledger/subjects/" + pseudonym + "/reveal",
                "{\"justification\":\"audit\"}").statusCode(), "nobody can tell who it was any more");
        awaitErasureEntry(f, pseudonym);
        assertWholeLedgerVerifies(f);
    }

    @Test
    void aLegalHoldRefusesErasureWhateverTheRetention() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        String pseudonym = subjectOf(f, "hold-" + f.suffix);
        JsonObject workflow = object(expect(200, f.governance.get("api/v1/workflows/" + f.key)));
        String held = """
                {"key":"%s","name":"Disputes","description":"d","consequence":"HIGH","volume":"LOW","accuracy":"MEDIUM",
                 "integrationMode":"ASYNC","reviewersPerItem":1,"retentionDays":365,"legalHold":true,
                 "piiFieldPaths":["customer.email"],"taskKind":"CLASSIFICATION","labelSelection":"LEAF_ONLY"}
                """.formatted(f.key);
        expect(200, f.governance.putJson("api/v1/workflows/" + f.key, held));
        assertTrue(object(expect(200, f.governance.get("api/v1/workflows/" + f.key))).getBoolean("legalHold"),
                "hold set on " + workflow);
        age(pseudonym, 400);
        Map<String, Long> before = RowCounts.of(deployment);

        HttpResponse<String> refused = f.admin.postJson("api/v1/subjects/" + pseudonym + "/erasure",
                "{\"reason\":\"request 18\"}");

        assertProblem(refused, 409, "erasure-refused");
        assertEquals("LEGAL_HOLD", object(refused).getString("blockedBy"));
        assertFalse(object(refused).containsKey("possibleFrom"));
        assertEquals(before, RowCounts.of(deployment), "nothing changed");
        assertFalse(object(expect(200, f.admin.get("api/v1/subjects/" + pseudonym))).getBoolean("erased"));
    }

    @Test
    void findingASubjectNeedsAWorkflowAndAClientKeyThatCarriedPersonalData() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        assertProblem(f.admin.get("api/v1/subjects?workflow=" + f.key), 400, "validation");
        assertProblem(f.admin.get("api/v1/subjects?workflow=" + f.key + "&clientKey=never-sent"), 404, "not-found");
        assertEquals(403, f.auditor.get("api/v1/subjects?workflow=" + f.key + "&clientKey=x").statusCode());
    }

    private static void awaitErasureEntry(TasksFixture f, String pseudonym) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            String entries = f.auditor.get("api/v1/ledger/entries?action=ledger.subject.erased").body();
            if (entries.contains(pseudonym)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no ledger.subject.erased entry names " + pseudonym);
    }

    private static void assertWholeLedgerVerifies(TasksFixture f) throws InterruptedException {
        HttpResponse<String> started = f.auditor.postJson("api/v1/ledger/verify?from=0", "");
        assertEquals(202, started.statusCode(), started.body());
        String job = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        String jobPath = job.substring(job.indexOf("api/v1/"));
        for (int i = 0; i < 240; i++) {
            JsonObject status = object(f.auditor.get(jobPath));
            if (!"RUNNING".equals(status.getString("state"))) {
                assertEquals("VERIFIED", status.getString("state"), status.toString());
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("verification did not finish");
    }
}
