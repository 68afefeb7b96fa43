package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
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
                 "piiFieldPaths":["customer.email"],"taskKind":"CLASSIFICATION","labelSelection":"LEAF_ONLY"}
                """.formatted(key, reviewersPerItem);
        expect(201, governance.postJson("api/v1/workflows", workflow));
        expect(200, governance.putJson("api/v1/workflows/" + key + "/taxonomy", TAXONOMY));
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

    /** A reviewer account qualified for this workflow up to {@code maxTier}. */
    ApiClient reviewer(String name, int maxTier) {
        String login = name + "-" + suffix;
        admin.createUser(login, PASSWORD, "reviewer", "expert");
        qualify(login, maxTier);
        return ApiClient.as(deployment, login, PASSWORD);
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

    static List<JsonObject> claimed(HttpResponse<String> response) {
        expect(200, response);
        return object(response).getJsonArray("tasks").stream().map(JsonValue::asJsonObject).toList();
    }

    List<JsonObject> claim(ApiClient reviewer, int tier, int count) {
        return claimed(reviewer.postJson("api/v1/queues/" + key + "/" + tier + "/claim-next?count=" + count, "{}"));
    }

    static JsonObject complete(ApiClient reviewer, String taskId, String label) {
        return object(expect(200, reviewer.postJson("api/v1/tasks/" + taskId + "/completion",
                "{\"labels\":[\"" + label + "\"],\"rationale\":\"checked the statement\"}")));
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
