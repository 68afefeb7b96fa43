package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.oversight.export.TrainingSets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Training-set exports end to end on both databases (SPEC X3, X4): released labels of a known
 * scenario are exported as JSONL and CSV, the manifest's digests are recomputed from the downloaded
 * bytes and match the ledger entry, no plain value of the declared personal-data field is anywhere in
 * a file, a pairwise-preference workflow exports prompt/chosen/rejected by candidate whichever side the
 * reviewer saw it on, and bad requests are refused with problem+json while nothing is created.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatasetsIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Deployment
    static WebArchive deployment() {
        return Deployments.productionWarWithTestRunner().addClasses(ApiClient.class, Deployments.class, TasksFixture.class);
    }

    @ArquillianResource
    URL deployment;

    @Test
    void releasedLabelsExportWithAManifestAnchoredInTheLedgerAndNoPlainPersonalData() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        JsonObject guideline = f.activeGuideline("Card not present: the card was not shown.");
        Instant from = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // the databases keep microseconds
        ApiClient reviewer = f.reviewer("r1", 3);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = "person" + i + "-" + f.suffix + "@example.com";
            emails.add(email);
            expect(202, f.submit(f.prediction("ds-" + i, 0.5, "card-not-present",
                    "{\"amount\":120,\"customer\":{\"email\":\"" + email + "\"},\"text\":\"never bought this\"}")));
        }
        expect(201, f.submit(f.prediction("ds-auto", 0.95))); // the model's own decision: not a released label
        List<JsonObject> claimed = f.claim(reviewer, 2, 3);
        assertEquals(3, claimed.size());
        TasksFixture.complete(reviewer, claimed.get(0).getJsonObject("task").getString("id"), "card-not-present");
        TasksFixture.complete(reviewer, claimed.get(1).getJsonObject("task").getString("id"), "card-not-present");
        TasksFixture.complete(reviewer, claimed.get(2).getJsonObject("task").getString("id"), "ok");
        pause(50);
        Instant to = Instant.now();

        String request = "{\"workflow\":\"" + f.key + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"format\":\"%s\"%s}";
        assertEquals(3, object(expect(200, f.governance.postJson("api/v1/datasets/preview",
                request.formatted("JSONL", "")))).getJsonNumber("rows").longValue());
        JsonObject job = completed(f.governance, expect(202, f.governance.postJson("api/v1/datasets",
                request.formatted("JSONL", ""))));
        assertEquals(3, job.getJsonNumber("rowsDone").longValue());
        String id = job.getString("id");

        // the manifest: its digest is the job's and the ledger entry's; its file digest is the file's
        byte[] manifestBytes = download(f.integration, "api/v1/datasets/" + id + "/manifest");
        String manifestSha = sha256(manifestBytes);
        assertEquals(job.getString("manifestSha256"), manifestSha);
        JsonObject manifest = parse(new String(manifestBytes, StandardCharsets.UTF_8));
        JsonObject fileEntry = manifest.getJsonArray("files").getJsonObject(0);
        assertEquals("labels.jsonl", fileEntry.getString("name"));
        byte[] file = download(f.integration, "api/v1/datasets/" + id + "/files/labels.jsonl");
        assertEquals(fileEntry.getString("sha256"), sha256(file), "the manifest names the file's SHA-256");
        assertEquals(file.length, fileEntry.getJsonNumber("bytes").longValue());
        assertEquals(3, manifest.getInt("rows"));
        assertEquals(2, manifest.getJsonObject("rowsPerLabel").getInt("card-not-present"));
        assertEquals(1, manifest.getJsonObject("rowsPerLabel").getInt("ok"));
        assertEquals(guideline.getString("id"), manifest.getJsonArray("guidelineVersions").getJsonObject(0).getString("id"));
        assertEquals(f.snapshotId, manifest.getJsonArray("modelSnapshots").getJsonObject(0).getString("id"));
        assertEquals("governance", manifest.getString("requestedRole"));
        assertEquals(from.toString(), manifest.getJsonObject("filters").getString("from"));
        List<JsonObject> entries = f.sealed("action=" + TrainingSets.DATASET_CREATED + "&workflow=" + f.key, 1);
        assertEquals(1, entries.size());
        assertEquals(manifestSha, entries.get(0).getJsonObject("attributes").getString("manifestSha256"));
        assertEquals(id, entries.get(0).getString("subjectId"));

        // the rows: tokens, never the personal data; the model's and the people's answers; reviews and guideline
        String text = new String(file, StandardCharsets.UTF_8);
        for (String email : emails) {
            assertFalse(text.contains(email), "no plain value of customer.email in the file");
            assertFalse(text.contains(email.substring(0, email.indexOf('@'))), "not even the local part");
        }
        List<JsonObject> rows = text.lines().map(DatasetsIT::parse).toList();
        assertEquals(3, rows.size());
        for (JsonObject row : rows) {
            assertTrue(row.getJsonObject("payload").getJsonObject("customer").getString("email").startsWith("pii:"), row.toString());
            assertEquals("REVIEW", row.getString("decisionSource"));
            assertEquals(1, row.getInt("reviews"));
            assertEquals(1, row.getJsonNumber("agreement").doubleValue());
            assertEquals(guideline.getString("id"), row.getString("guidelineVersionId"));
            assertEquals(guideline.getString("contentDigest"), row.getString("guidelineDigest"));
            assertEquals(f.snapshotId, row.getString("modelSnapshotId"));
            assertEquals("card-not-present", row.getJsonObject("modelOutput").getJsonArray("labels").getString(0));
        }
        assertEquals(1, rows.stream().filter(r -> r.getJsonObject("final").getString("verdict").equals("CORRECT")
                && r.getJsonObject("final").getJsonArray("labels").getString(0).equals("ok")).count());

        // CSV, filtered by label, asked for by the pipeline
        JsonObject csvJob = completed(f.integration, expect(202, f.integration.postJson("api/v1/datasets",
                request.formatted("CSV", ",\"label\":\"ok\",\"sources\":[\"REVIEW\"]"))));
        DatasetFile csv = csvJob.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                .map(o -> new DatasetFile(o.getString("name"), o.getString("sha256"))).findFirst().orElseThrow();
        assertEquals("labels.csv", csv.name());
        byte[] csvBytes = download(f.governance, "api/v1/datasets/" + csvJob.getString("id") + "/files/labels.csv");
        assertEquals(csv.sha256(), sha256(csvBytes));
        List<String> lines = new String(csvBytes, StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("item_id,payload,model_labels"), lines.get(0));
        assertTrue(lines.get(1).contains(",ok,") && lines.get(1).contains("pii:"), lines.get(1));
        emails.forEach(e -> assertFalse(lines.get(1).contains(e)));
        assertEquals("integration", parse(new String(download(f.governance, "api/v1/datasets/" + csvJob.getString("id")
                + "/manifest"), StandardCharsets.UTF_8)).getString("requestedRole"));

        // a model snapshot names the export it was trained on; an export nobody made is refused, nothing registered
        String registration = """
                {"workflowKey":"%s","name":"clf","version":"%s","artifactDigest":"sha256:%s",
                 "trainingSetExportId":"%s","labelSpace":["card-not-present","ok"]}""";
        int models = array(expect(200, f.governance.get("api/v1/models?workflow=" + f.key))).size();
        HttpResponse<String> unknown = f.governance.postJson("api/v1/models",
                registration.formatted(f.key, "trained-on-nothing", "ab".repeat(32), "no-such-export"));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals(PROBLEM_JSON, unknown.headers().firstValue("Content-Type").orElse(""));
        assertTrue(unknown.body().contains("trainingSetExportId") && unknown.body().contains("no-such-export"), unknown.body());
        assertEquals(models, array(expect(200, f.governance.get("api/v1/models?workflow=" + f.key))).size());
        JsonObject named = object(expect(201, f.governance.postJson("api/v1/models",
                registration.formatted(f.key, "trained-on-" + id, "cd".repeat(32), id))));
        assertEquals(id, named.getString("trainingSetExportId"));
    }

    @Test
    void preferencesExportAsChosenAndRejectedByCandidateWhicheverSideTheReviewerSaw() throws Exception {
        TasksFixture f = new TasksFixture(deployment).kind("PAIRWISE_PREFERENCE").workflow(1, "[]", 0.0);
        ApiClient reviewer = f.reviewer("pr", 2);
        Instant from = Instant.now().minusSeconds(1);
        String pair = """
                {"clientKey":"%s","modelSnapshotId":"%s","payload":{"prompt":"Summarise dispute %s"},
                 "candidates":[{"id":"v1","output":"GOOD SUMMARY %s"},{"id":"v2","output":"weak summary %s"}],
                 "labels":["v2"],"confidence":0.5}""";
        boolean sawGoodOnA = false;
        boolean sawGoodOnB = false;
        int pairs = 0;
        while (!(sawGoodOnA && sawGoodOnB)) {
            assertTrue(pairs < 16, "sixteen tasks all showed the good candidate on one side");
            String n = Integer.toString(pairs++);
            expect(202, f.submit(pair.formatted("pair-" + n, f.snapshotId, n, n, n)));
            JsonObject task = f.claim(reviewer, 2, 1).get(0);
            JsonObject shown = task.getJsonObject("pairwise");
            String goodSide = shown.getString("a").startsWith("GOOD") ? "A" : "B";
            sawGoodOnA |= goodSide.equals("A");
            sawGoodOnB |= goodSide.equals("B");
            expect(200, reviewer.postJson("api/v1/tasks/" + task.getJsonObject("task").getString("id") + "/preference",
                    "{\"preference\":\"" + goodSide + "\",\"rationale\":\"covers the dispute\"}"));
        }
        for (String answer : List.of("TIE", "BOTH_BAD")) {
            expect(202, f.submit(pair.formatted("pair-" + answer, f.snapshotId, answer, answer, answer)));
            JsonObject task = f.claim(reviewer, 2, 1).get(0);
            expect(200, reviewer.postJson("api/v1/tasks/" + task.getJsonObject("task").getString("id") + "/preference",
                    "{\"preference\":\"" + answer + "\",\"rationale\":\"no better one\"}"));
        }
        pause(50);
        Instant to = Instant.now();
        String request = "{\"workflow\":\"" + f.key + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"format\":\"%s\"}";
        assertEquals(400, f.governance.postJson("api/v1/datasets", request.formatted("CSV")).statusCode(),
                "a preference workflow exports JSONL");
        JsonObject job = completed(f.governance, expect(202, f.governance.postJson("api/v1/datasets",
                request.formatted("JSONL"))));
        String id = job.getString("id");
        List<JsonObject> files = job.getJsonArray("files").getValuesAs(JsonObject.class);
        assertEquals(List.of("pairs.jsonl", "ties-and-both-bad.jsonl"), files.stream().map(o -> o.getString("name")).toList());

        byte[] pairsFile = download(f.governance, "api/v1/datasets/" + id + "/files/pairs.jsonl");
        assertEquals(files.get(0).getString("sha256"), sha256(pairsFile));
        List<JsonObject> rows = new String(pairsFile, StandardCharsets.UTF_8).lines().map(DatasetsIT::parse).toList();
        assertEquals(pairs, rows.size());
        for (JsonObject row : rows) {
            assertTrue(row.getString("prompt").startsWith("Summarise dispute "), row.toString());
            assertTrue(row.getString("chosen").startsWith("GOOD SUMMARY"), "chosen is the candidate preferred: " + row);
            assertTrue(row.getString("rejected").startsWith("weak summary"), row.toString());
            assertEquals("v1", row.getString("chosenCandidateId"));
        }
        byte[] unpairedFile = download(f.governance, "api/v1/datasets/" + id + "/files/ties-and-both-bad.jsonl");
        assertEquals(files.get(1).getString("sha256"), sha256(unpairedFile));
        List<String> answers = new String(unpairedFile, StandardCharsets.UTF_8).lines().map(DatasetsIT::parse)
                .map(o -> o.getString("answer")).sorted().toList();
        assertEquals(List.of("BOTH_BAD", "TIE"), answers);
        JsonObject manifest = parse(new String(download(f.governance, "api/v1/datasets/" + id + "/manifest"),
                StandardCharsets.UTF_8));
        assertEquals(pairs + 2, manifest.getInt("rows"));
        assertEquals(pairs, manifest.getJsonObject("rowsPerLabel").getInt("v1"));
        assertEquals(1, manifest.getJsonObject("rowsPerLabel").getInt("TIE"));
    }

    @Test
    void badRequestsAreRefusedWithProblemJsonAndCreateNothing() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        int before = array(expect(200, f.governance.get("api/v1/datasets?limit=500"))).size();
        int entriesBefore = f.sealed("action=" + TrainingSets.DATASET_CREATED, 0).size();
        Instant now = Instant.now();
        String w = "\"workflow\":\"" + f.key + "\"";
        List<String> bad = List.of(
                "{" + w + ",\"format\":\"JSONL\",\"from\":\"" + now.minusSeconds(60) + "\",\"to\":\"" + now.minusSeconds(3600) + "\"}",
                "{" + w + ",\"format\":\"JSONL\",\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{" + w + ",\"format\":\"JSONL\",\"from\":\"" + now.minusSeconds(60) + "\",\"to\":\"" + now.plusSeconds(3600) + "\"}",
                "{" + w + ",\"format\":\"JSONL\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{" + w + ",\"format\":\"JSONL\",\"from\":\"yesterday\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{\"workflow\":\"no-such-workflow\",\"format\":\"JSONL\",\"from\":\"" + now.minusSeconds(600) + "\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{" + w + ",\"format\":\"PARQUET\",\"from\":\"" + now.minusSeconds(600) + "\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{" + w + ",\"format\":\"JSONL\",\"modelSnapshotId\":\"no-such-snapshot\",\"from\":\"" + now.minusSeconds(600) + "\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{" + w + ",\"format\":\"JSONL\",\"label\":\"no-such-label\",\"from\":\"" + now.minusSeconds(600) + "\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{" + w + ",\"format\":\"JSONL\",\"sources\":[\"MODEL\"],\"from\":\"" + now.minusSeconds(600) + "\",\"to\":\"" + now.minusSeconds(60) + "\"}");
        for (String body : bad) {
            for (String path : List.of("api/v1/datasets", "api/v1/datasets/preview")) {
                HttpResponse<String> refused = f.governance.postJson(path, body);
                assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
                assertEquals(PROBLEM_JSON, refused.headers().firstValue("Content-Type").orElse(""), body);
                assertTrue(object(refused).getString("detail").length() > 5, refused.body());
            }
        }
        String good = "{" + w + ",\"format\":\"JSONL\",\"from\":\"" + now.minusSeconds(600) + "\",\"to\":\"" + now.minusSeconds(60) + "\"}";
        String login = "rv-" + UUID.randomUUID().toString().substring(0, 8);
        f.admin.createUser(login, TasksFixture.PASSWORD, "reviewer");
        ApiClient reviewer = ApiClient.as(deployment, login, TasksFixture.PASSWORD);
        assertEquals(403, reviewer.postJson("api/v1/datasets", good).statusCode());
        assertEquals(403, reviewer.get("api/v1/datasets").statusCode());
        assertEquals(403, f.auditor.postJson("api/v1/datasets", good).statusCode());
        assertEquals(before, array(expect(200, f.governance.get("api/v1/datasets?limit=500"))).size(), "nothing was created");
        pause(1500); // anything created would have been sealed by now
        assertEquals(entriesBefore, f.sealed("action=" + TrainingSets.DATASET_CREATED, 0).size(), "nothing was recorded");

        for (String path : List.of("api/v1/datasets/no-such-export", "api/v1/datasets/no-such-export/manifest",
                "api/v1/datasets/no-such-export/files/labels.jsonl")) {
            HttpResponse<String> missing = f.governance.get(path);
            assertEquals(404, missing.statusCode(), path);
            assertEquals(PROBLEM_JSON, missing.headers().firstValue("Content-Type").orElse(""), path);
        }
    }

    private record DatasetFile(String name, String sha256) {
    }

    private static JsonObject completed(ApiClient client, HttpResponse<String> accepted) {
        String id = object(accepted).getString("id");
        assertTrue(accepted.headers().firstValue("Location").orElseThrow().endsWith("api/v1/datasets/" + id));
        JsonObject job = await(() -> {
            JsonObject j = object(expect(200, client.get("api/v1/datasets/" + id)));
            return j.getString("state").equals("QUEUED") || j.getString("state").equals("RUNNING") ? null : j;
        }, "training-set export " + id);
        assertEquals("COMPLETED", job.getString("state"), job.toString());
        return job;
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static byte[] download(ApiClient client, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                client.base() + path)).header("Authorization", client.authorization()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static <T> T await(Supplier<T> probe, String what) {
        for (int attempt = 0; attempt < 600; attempt++) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            pause(200);
        }
        return fail("gave up waiting for " + what);
    }
}
