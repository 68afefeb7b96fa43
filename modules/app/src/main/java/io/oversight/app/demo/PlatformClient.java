package io.oversight.app.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * The demo model's view of Oversight: its public REST API over HTTP, called as a customer's model
 * service (the integration account) and, for what such a service could not see, as the governance
 * lead (queues, workflows, model snapshots).
 */
final class PlatformClient {

    /** What the demo model must know of a workflow to post to it. */
    record WorkflowFacts(int reviewersPerItem, boolean inline) {
    }

    /** The snapshot in production for a workflow. */
    record ActiveSnapshot(String id, List<String> labelSpace) {
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int QUOTED_BODY_CHARS = 300;

    private final URI api;
    private final String integration;
    private final String governance;
    private final HttpClient http;

    /**
     * @param api         the API root, ending in {@code /api/v1/}
     * @param executor    runs the HTTP client's work, so it stays on threads the server manages
     */
    PlatformClient(URI api, String integrationUser, String governanceUser, String password, Executor executor) {
        this.api = api;
        this.integration = basic(integrationUser, password);
        this.governance = basic(governanceUser, password);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).executor(executor).build();
    }

    /** Tasks of each workflow waiting in its queues or held by reviewers, every tier together. */
    Map<String, Long> unfinishedTasks() throws IOException, InterruptedException {
        Map<String, Long> tasks = new HashMap<>();
        for (JsonValue value : array(get("queues"))) {
            JsonObject queue = value.asJsonObject();
            tasks.merge(queue.getString("workflow"),
                    queue.getJsonNumber("open").longValue() + queue.getJsonNumber("claimed").longValue(), Long::sum);
        }
        return tasks;
    }

    Map<String, WorkflowFacts> workflows() throws IOException, InterruptedException {
        Map<String, WorkflowFacts> workflows = new HashMap<>();
        for (JsonValue value : array(get("workflows"))) {
            JsonObject workflow = value.asJsonObject();
            workflows.put(workflow.getString("key"), new WorkflowFacts(workflow.getInt("reviewersPerItem"),
                    "INLINE".equals(workflow.getString("integrationMode"))));
        }
        return workflows;
    }

    Optional<ActiveSnapshot> activeSnapshot(String workflowKey) throws IOException, InterruptedException {
        return array(get("models?workflow=" + URLEncoder.encode(workflowKey, StandardCharsets.UTF_8))).stream()
                .map(JsonValue::asJsonObject)
                .filter(model -> "ACTIVE".equals(model.getString("status")))
                .findFirst()
                .map(model -> new ActiveSnapshot(model.getString("id"), model.getJsonArray("labelSpace")
                        .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
    }

    /**
     * Posts a prediction as the model service. {@code inlineWaitMillis}, for an inline workflow, is how
     * long the request waits for people before it is answered with the workflow's timeout outcome.
     */
    void submit(String workflowKey, String snapshotId, DemoPrediction prediction, OptionalInt inlineWaitMillis)
            throws IOException, InterruptedException {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("clientKey", prediction.clientKey())
                .add("modelSnapshotId", snapshotId)
                .add("labels", Json.createArrayBuilder(prediction.labels()))
                .add("confidence", prediction.confidence())
                .add("payload", Json.createObjectBuilder(prediction.payload()));
        if (!prediction.scores().isEmpty()) {
            body.add("scores", Json.createObjectBuilder(Map.<String, Object>copyOf(prediction.scores())));
        }
        inlineWaitMillis.ifPresent(millis -> body.add("timeoutMillis", millis));
        HttpRequest request = request("workflows/" + URLEncoder.encode(workflowKey, StandardCharsets.UTF_8) + "/predictions",
                integration).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build();
        send(request);
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(request(path, governance).GET().build());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + (body.length() > QUOTED_BODY_CHARS ? body.substring(0, QUOTED_BODY_CHARS) + "..." : body));
        }
        return response.body();
    }

    private static JsonArray array(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
