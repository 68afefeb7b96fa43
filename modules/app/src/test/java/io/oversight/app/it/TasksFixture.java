package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * A workflow ready for intake, made through the public API as its users would: taxonomy
 * (fraud > card-not-present, ok), an active routing policy (auto-accept at 0.9, escalate at 0.2 or
 * below, tier 2 from 0.2, tier 1 from 0.6, amount over 10000 to tier 3), an active model snapshot,
 * and qualified reviewers.
 */
final class TasksFixture {

    static final String PASSWORD = "correct-horse-battery";
    static final String TAXONOMY = """
            {"labels":[{"code":"fraud","displayName":"Fraud"},
                       {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present"},
                       {"code":"ok","displayName":"OK"}]}""";

    final URL deployment;
    final String key = "tk-" + UUID.randomUUID().toString().substring(0, 8);
    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final ApiClient admin;
    final ApiClient governance;
    final ApiClient integration;
    final ApiClient auditor;
    String snapshotId;
    String taxonomy = TAXONOMY;
    String taskKind = "CLASSIFICATION";

    TasksFixture(URL deployment) {
        this.deployment = deployment;
        admin = ApiClient.asAdmin(deployment);
        admin.createUser("gov-" + suffix, PASSWORD, "governance");
        admin.createUser("int-" + suffix, PASSWORD, "integration");
        admin.createUser("aud-" + suffix, PASSWORD, "auditor");
        governance = ApiClient.as(deployment, "gov-" + suffix, PASSWORD);
        integration = ApiClient.as(deployment, "int-" + suffix, PASSWORD);
        auditor = ApiClient.as(deployment, "aud-" + suffix, PASSWORD);
    }

    /** Creates the workflow with this many independent reviews per item and this policy's SLA targets. */
    TasksFixture workflow(int reviewersPerItem, String slaTargets, double hotlRate) {
        String workflow = """
                {"key":"%s","name":"Disputes","description":"d","consequence":"HIGH","volume":"LOW","accuracy":"MEDIUM",
                 "integrationMode":"ASYNC","reviewersPerItem":%d,"retentionDays":365,"legalHold":false,
                 "piiFieldPaths":["customer.email"],"taskKind":"%s","labelSelection":"LEAF_ONLY"}
                """.formatted(key, reviewersPerItem, taskKind);
        expect(201, governance.postJson("api/v1/workflows", workflow));
        expect(200, governance.putJson("api/v1/workflows/" + key + "/taxonomy", taxonomy));
        String policy = """
                {"autoAcceptAtOrAbove":0.9,"lowAtOrBelow":0.2,"lowOutcome":"ESCALATE",
                 "reviewBands":[{"atOrAbove":0.2,"tier":2},{"atOrAbove":0.6,"tier":1}],
                 "labelThresholds":[],"rules":["amount > 10000 -> tier 3"],"hotlSamplingRate":%s,"slaTargets":%s}
                """.formatted(hotlRate, slaTargets);
        String policyId = object(expect(201, governance.postJson("api/v1/workflows/" + key + "/policies", policy))).getString("id");
        expect(200, governance.postJson("api/v1/policies/" + policyId + "/activation", "{}"));
        snapshotId = registerModel(key);
        return this;
    }

    String registerModel(String workflowKey) {
        String registration = """
                {"workflowKey":"%s","name":"clf","version":"%s","artifactDigest":"sha256:%s",
                 "labelSpace":["card-not-present","ok"]}""".formatted(workflowKey, UUID.randomUUID(),
                "0123456789abcdef".repeat(4));
        String id = object(expect(201, governance.postJson("api/v1/models", registration))).getString("id");
        expect(200, governance.postJson("api/v1/models/" + id + "/promotions",
                "{\"target\":\"ACTIVE\",\"reason\":\"tests\"}"));
        return id;
    }

    /** Makes a workflow of another task kind (FREE_TEXT, PAIRWISE_PREFERENCE); call before {@link #workflow}. */
    TasksFixture kind(String kind) {
        taskKind = kind;
        return this;
    }

    /** Uses another taxonomy than {@link #TAXONOMY}; call before {@link #workflow}. */
    TasksFixture taxonomy(String json) {
        taxonomy = json;
        return this;
    }

    /** The login of the account {@link #reviewer} or {@link #adjudicator} made from {@code name}. */
    String login(String name) {
        return name + "-" + suffix;
    }

    /** A reviewer account qualified for this workflow up to {@code maxTier}. */
    ApiClient reviewer(String name, int maxTier) {
        admin.createUser(login(name), PASSWORD, "reviewer", "expert");
        qualify(login(name), maxTier);
        return ApiClient.as(deployment, login(name), PASSWORD);
    }

    /** A reviewer qualified up to {@code maxTier} who is also an adjudicator. */
    ApiClient reviewerAndAdjudicator(String name, int maxTier) {
        admin.createUser(login(name), PASSWORD, "reviewer", "expert", "adjudicator");
        qualify(login(name), maxTier);
        return ApiClient.as(deployment, login(name), PASSWORD);
    }

    /** An adjudicator account (adjudication needs no qualification). */
    ApiClient adjudicator(String name) {
        admin.createUser(login(name), PASSWORD, "adjudicator");
        return ApiClient.as(deployment, login(name), PASSWORD);
    }

    /** Changes the workflow's review settings (only the fields named in {@code json}). */
    JsonObject reviewSettings(String json) {
        return object(expect(200, governance.putJson("api/v1/workflows/" + key + "/review-settings", json)));
    }

    /** Writes a guideline version and makes it the active one; returns it (id, contentDigest...). */
    JsonObject activeGuideline(String instructions) {
        String body = Json.createObjectBuilder().add("format", "MARKDOWN").add("instructions", instructions)
                .add("examples", Json.createArrayBuilder().add(Json.createObjectBuilder().add("labelCode", "card-not-present")
                        .add("kind", "EXAMPLE").add("input", "web shop"))).build().toString();
        String id = object(expect(201, governance.postJson("api/v1/workflows/" + key + "/guidelines", body))).getString("id");
        expect(200, governance.postJson("api/v1/guidelines/" + id + "/transitions", "{\"target\":\"PILOT\"}"));
        expect(200, governance.postJson("api/v1/guidelines/" + id + "/transitions", "{\"target\":\"ACTIVE\"}"));
        return object(expect(200, governance.get("api/v1/guidelines/" + id)));
    }

    void qualify(String login, int maxTier) {
        expect(200, admin.putJson("api/v1/qualifications/" + login + "/" + key, "{\"maxTier\":" + maxTier + "}"));
    }

    String prediction(String clientKey, double confidence, String label, String payload) {
        return """
                {"clientKey":"%s","modelSnapshotId":"%s","payload":%s,"labels":["%s"],"confidence":%s}
                """.formatted(clientKey, snapshotId, payload, label, confidence);
    }

    String prediction(String clientKey, double confidence) {
        return prediction(clientKey, confidence, "card-not-present",
                "{\"amount\":120,\"customer\":{\"email\":\"jo@example.com\"},\"text\":\"never bought this\"}");
    }

    HttpResponse<String> submit(String json) {
        return integration.postJson("api/v1/workflows/" + key + "/predictions", json);
    }

    /** Submits predictions in one batch; returns the item ids, in order. */
    List<String> submitBatch(List<String> predictions) {
        HttpResponse<String> stored = expect(200, integration.postJson("api/v1/workflows/" + key + "/predictions:batch",
                "{\"predictions\":[" + String.join(",", predictions) + "]}"));
        return object(stored).getJsonArray("results").stream().map(r -> r.asJsonObject().getString("id")).toList();
    }

    /** The prediction document of an item, as its status URL answers it. */
    JsonObject item(String itemId) {
        return object(expect(200, integration.get("api/v1/workflows/" + key + "/predictions/" + itemId)));
    }

    static List<JsonObject> claimed(HttpResponse<String> response) {
        expect(200, response);
        return object(response).getJsonArray("tasks").stream().map(JsonValue::asJsonObject).toList();
    }

    List<JsonObject> claim(ApiClient reviewer, int tier, int count) {
        return claimed(reviewer.postJson("api/v1/queues/" + key + "/" + tier + "/claim-next?count=" + count, "{}"));
    }

    /**
     * Completes a task the reviewer holds with {@code label}: an approval when it is the label the
     * model predicted for the task's item, else a correction to it (with a rationale).
     */
    static JsonObject complete(ApiClient reviewer, String taskId, String label) {
        List<String> predicted = ApiClient.array(expect(200, reviewer.get("api/v1/tasks/mine"))).stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getJsonObject("task").getString("id").equals(taskId))
                .findFirst().orElseThrow(() -> new AssertionError("the reviewer does not hold task " + taskId))
                .getJsonArray("predictedLabels").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        String body = predicted.equals(List.of(label)) ? decision("APPROVE", "checked the statement")
                : decision("CORRECT", "checked the statement", label);
        return object(expect(200, completion(reviewer, taskId, body)));
    }

    static HttpResponse<String> completion(ApiClient reviewer, String taskId, String body) {
        return reviewer.postJson("api/v1/tasks/" + taskId + "/completion", body);
    }

    /** A completion or adjudication body: a verdict, an optional rationale ({@code null} for none), labels. */
    static String decision(String verdict, String rationale, String... labels) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (verdict != null) {
            body.add("verdict", verdict);
        }
        if (labels.length > 0) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (String label : labels) {
                array.add(label);
            }
            body.add("labels", array);
        }
        if (rationale != null) {
            body.add("rationale", rationale);
        }
        return body.build().toString();
    }

    JsonObject queue(int tier) {
        return ApiClient.array(governance.get("api/v1/queues")).stream().map(JsonValue::asJsonObject)
                .filter(q -> q.getString("workflow").equals(key) && q.getInt("tier") == tier).findFirst()
                .orElse(null);
    }

    /** The sealed ledger entries matching {@code query}, waiting until there are {@code expected} of them. */
    List<JsonObject> sealed(String query, int expected) {
        List<JsonObject> entries = List.of();
        for (int attempt = 0; attempt < 300; attempt++) {
            entries = object(auditor.get("api/v1/ledger/entries?limit=1000&" + query)).getJsonArray("entries").stream()
                    .map(JsonValue::asJsonObject).toList();
            if (entries.size() >= expected) {
                break;
            }
            pause(100);
        }
        return entries;
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
