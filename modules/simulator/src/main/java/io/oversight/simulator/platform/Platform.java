package io.oversight.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Oversight as the harness uses it: only its public REST API, with accounts of their own roles (a
 * governance lead, a model service, an auditor, reviewers, an adjudicator), which an administrator's
 * credentials create once.
 */
public final class Platform {

    /** The harness workflows' taxonomy. */
    public static final List<String> LABELS = List.of("ham", "spam");

    private static final String MODEL_NAME = "spam-classifier";

    private final RestClient rest;
    private final Credentials admin;
    private final String accountPassword;
    private final Credentials governance;
    private final Credentials integration;
    private final Credentials auditor;

    /**
     * @param accountPassword the password of every account the harness creates (12 characters or more)
     */
    public Platform(URI baseUrl, Credentials admin, String accountPassword) {
        this.rest = new RestClient(baseUrl);
        this.admin = admin;
        this.accountPassword = accountPassword;
        this.governance = ensureAccount("sim-governance", "Harness governance lead", "governance");
        this.integration = ensureAccount("sim-model", "Harness model service", "integration");
        this.auditor = ensureAccount("sim-auditor", "Harness auditor", "auditor");
    }

    public URI baseUrl() {
        return rest.base();
    }

    /** Creates the account unless it exists; its password is the harness's account password. */
    public Credentials ensureAccount(String login, String displayName, String... roles) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", login);
        user.put("password", accountPassword);
        user.put("displayName", displayName);
        user.put("roles", List.of(roles));
        rest.post("/api/v1/users", admin, user, 201, 409);
        return new Credentials(login, accountPassword);
    }

    /**
     * Creates the workflow with its taxonomy, an active guideline version, an active routing policy
     * and review settings, and qualifies the given people for all its tiers.
     */
    public void createWorkflow(WorkflowPlan plan, List<Credentials> people) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("key", plan.key());
        settings.put("name", plan.name());
        settings.put("description", "Evaluation harness: SpamAssassin public corpus messages, spam or ham.");
        settings.put("consequence", "MEDIUM");
        settings.put("volume", "HIGH");
        settings.put("accuracy", "HIGH");
        settings.put("integrationMode", "ASYNC");
        settings.put("reviewersPerItem", plan.reviewersPerItem());
        settings.put("retentionDays", 365);
        settings.put("legalHold", false);
        settings.put("piiFieldPaths", List.of("from"));
        settings.put("taskKind", "CLASSIFICATION");
        settings.put("labelSelection", "LEAF_ONLY");
        rest.post("/api/v1/workflows", governance, settings, 201);
        rest.put(workflowPath(plan.key()) + "/taxonomy", governance, Map.of("labels", List.of(
                Map.of("code", "ham", "displayName", "Ham", "description", "Mail the recipient wanted."),
                Map.of("code", "spam", "displayName", "Spam", "description", "Unsolicited bulk or scam mail."))), 200);
        JsonNode guideline = rest.post(workflowPath(plan.key()) + "/guidelines", governance, Map.of(
                "format", "MARKDOWN",
                "instructions", "# Spam or ham\n\nRead the subject and the body. *Spam* is unsolicited bulk mail: "
                        + "advertising, scams, newsletters nobody subscribed to. Anything the recipient asked for "
                        + "(lists, receipts, conversations) is *ham*, however commercial it reads.",
                "examples", List.of()), 201);
        String guidelineId = guideline.path("id").asText();
        rest.post("/api/v1/guidelines/" + guidelineId + "/transitions", governance, Map.of("target", "PILOT"), 200);
        rest.post("/api/v1/guidelines/" + guidelineId + "/transitions", governance, Map.of("target", "ACTIVE"), 200);
        activatePolicy(plan.key(), plan.autoAcceptAtOrAbove());
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("reviewMode", plan.reviewMode());
        review.put("maxReviewers", plan.maxReviewers());
        review.put("onDisagreement", plan.onDisagreement());
        review.put("rationaleRequired", "ON_CHANGE");
        review.put("goldRate", plan.goldRate());
        review.put("maxItemsPerSession", 0);
        review.put("maxItemsPerHour", 0);
        rest.put(workflowPath(plan.key()) + "/review-settings", governance, review, 200);
        for (Credentials person : people) {
            rest.put("/api/v1/qualifications/" + person.login() + "/" + plan.key(), admin, Map.of("maxTier", 3), 200);
        }
    }

    /**
     * Writes and activates a routing-policy version: predictions at or above the threshold are
     * accepted automatically, the rest go to tier 1.
     */
    public void activatePolicy(String workflowKey, double autoAcceptAtOrAbove) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("autoAcceptAtOrAbove", autoAcceptAtOrAbove);
        policy.put("lowAtOrBelow", 0.0);
        policy.put("lowOutcome", "ESCALATE");
        policy.put("reviewBands", List.of(Map.of("atOrAbove", 0.0, "tier", 1)));
        policy.put("labelThresholds", List.of());
        policy.put("rules", List.of());
        policy.put("hotlSamplingRate", 0.0);
        policy.put("slaTargets", List.of());
        String id = rest.post(workflowPath(workflowKey) + "/policies", governance, policy, 201).path("id").asText();
        rest.post("/api/v1/policies/" + id + "/activation", governance, null, 200);
    }

    /**
     * Registers a trained model as a snapshot and promotes it to active, the way a model pipeline
     * would after retraining. The simulator trains on the labels it gathered itself, not on a
     * training-set export of the platform, so the snapshot names no export (registration refuses an
     * export id that no completed export has).
     *
     * @return the snapshot id predictions name
     */
    public String registerModel(String workflowKey, String version, String fingerprintHex, String reason) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("workflowKey", workflowKey);
        snapshot.put("name", MODEL_NAME);
        snapshot.put("version", version);
        snapshot.put("artifactDigest", "sha256:" + fingerprintHex);
        snapshot.put("labelSpace", LABELS);
        String id = rest.post("/api/v1/models", governance, snapshot, 201).path("id").asText();
        rest.post("/api/v1/models/" + id + "/promotions", governance, Map.of("target", "ACTIVE", "reason", reason), 200);
        return id;
    }

    /** Posts predictions in batches of up to 500 (one transaction each), in order. */
    public List<PostedPrediction> post(String workflowKey, List<PredictionRequest> predictions) {
        List<PostedPrediction> posted = new ArrayList<>(predictions.size());
        for (int from = 0; from < predictions.size(); from += 500) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (PredictionRequest p : predictions.subList(from, Math.min(predictions.size(), from + 500))) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("clientKey", p.clientKey());
                body.put("modelSnapshotId", p.modelSnapshotId());
                body.put("payload", p.payload());
                body.put("labels", List.of(p.label()));
                body.put("confidence", p.scores().get(p.label()));
                body.put("scores", p.scores());
                batch.add(body);
            }
            JsonNode answer = rest.post(workflowPath(workflowKey) + "/predictions:batch", integration,
                    Map.of("predictions", batch), 200);
            for (JsonNode result : answer.path("results")) {
                posted.add(new PostedPrediction(result.path("id").asText(), result.path("clientKey").asText(),
                        result.path("routing").path("outcome").asText(), result.path("status").asText()));
            }
        }
        return posted;
    }

    /**
     * Claims up to {@code count} tier-1 tasks of the workflow for the reviewer.
     *
     * @throws ReviewerPausedException when the platform paused the reviewer for gold accuracy
     */
    public List<ClaimedTask> claim(Credentials reviewer, String workflowKey, int count) {
        RestClient.Answer answer = rest.exchange("POST", "/api/v1/queues/" + workflowKey + "/1/claim-next?count=" + count,
                reviewer, null);
        if (answer.status() == 403) {
            throw new ReviewerPausedException(reviewer.login(), answer.body());
        }
        if (answer.status() != 200) {
            throw new PlatformException("claim-next as " + reviewer, answer.status(), answer.body());
        }
        List<ClaimedTask> tasks = new ArrayList<>();
        for (JsonNode claimed : answer.json().path("tasks")) {
            tasks.add(new ClaimedTask(claimed.path("task").path("id").asText(), claimed.path("itemId").asText(),
                    texts(claimed.path("predictedLabels")), claimed.path("payload").path("messageId").asText()));
        }
        return tasks;
    }

    /** Completes the task with the reviewer's label: an approval if it is the model's, else a correction. */
    public void complete(Credentials reviewer, ClaimedTask task, String label) {
        rest.post("/api/v1/tasks/" + task.taskId() + "/completion", reviewer,
                decision(task.predictedLabel(), label, "Reads as " + label + " to me."), 200);
    }

    /** Takes the oldest disagreement of the workflow the adjudicator may decide, if any. */
    public Optional<AdjudicationCase> claimAdjudication(Credentials adjudicator, String workflowKey) {
        RestClient.Answer answer = rest.exchange("POST", "/api/v1/adjudications/claims?workflow=" + encode(workflowKey),
                adjudicator, null);
        if (answer.status() == 204) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new PlatformException("adjudication claim as " + adjudicator, answer.status(), answer.body());
        }
        JsonNode json = answer.json();
        List<List<String>> reviews = new ArrayList<>();
        for (JsonNode review : json.path("reviews")) {
            reviews.add(texts(review.path("labels")));
        }
        return Optional.of(new AdjudicationCase(json.path("id").asText(), json.path("itemId").asText(),
                texts(json.path("predictedLabels")), json.path("payload").path("messageId").asText(), reviews));
    }

    /** Records the adjudicator's final label with the rationale adjudication always requires. */
    public void adjudicate(Credentials adjudicator, AdjudicationCase adjudication, String label) {
        Map<String, Object> body = decision(adjudication.predictedLabel(), label, null);
        body.put("rationale", "Adjudicated: the message is " + label + ".");
        body.put("notifyReviewers", true);
        rest.post("/api/v1/adjudications/" + adjudication.id() + "/decision", adjudicator, body, 200);
    }

    /** The prediction's state as the status API gives it to the model service. */
    public Outcome outcome(String workflowKey, String predictionId) {
        JsonNode json = rest.get(workflowPath(workflowKey) + "/predictions/" + predictionId, integration, 200);
        JsonNode decision = json.path("decision");
        return new Outcome(predictionId, json.path("clientKey").asText(), json.path("status").asText(),
                texts(json.path("effectiveLabels")), decision.path("source").asText(""));
    }

    /** The earned-autonomy advice for the workflow and this target error bound, as a governance lead reads it. */
    public Advice advice(String workflowKey, double targetErrorBound) {
        JsonNode json = rest.get("/api/v1/advice/" + encode(workflowKey) + "?target=" + targetErrorBound, governance, 200);
        List<Advice.Point> curve = new ArrayList<>();
        Advice.Point recommended = null;
        for (JsonNode point : json.path("curve")) {
            Advice.Point p = new Advice.Point(point.path("threshold").asDouble(), point.path("reviewShare").asDouble(),
                    point.path("outcomes").asLong(), optionalNumber(point.path("errorEstimate")),
                    optionalNumber(point.path("errorUpperBound")));
            curve.add(p);
            if (json.hasNonNull("recommendedThreshold") && p.threshold() == json.path("recommendedThreshold").asDouble()) {
                recommended = p;
            }
        }
        return new Advice(json.path("targetErrorBound").asDouble(), json.path("predictions").asLong(),
                Optional.ofNullable(recommended), curve);
    }

    /** Marks an item as gold with its true label. */
    public void markGold(String itemId, String predictedLabel, String trueLabel) {
        Map<String, Object> body = decision(predictedLabel, trueLabel, "Known answer from the corpus.");
        body.put("itemId", itemId);
        rest.post("/api/v1/gold", governance, body, 201);
    }

    /** Per reviewer gold accuracy and whether the platform paused them. */
    public List<GoldScore> goldAccuracy(String workflowKey) {
        List<GoldScore> scores = new ArrayList<>();
        for (JsonNode row : rest.get("/api/v1/gold/accuracy?workflow=" + encode(workflowKey), governance, 200)) {
            scores.add(new GoldScore(row.path("reviewer").asText(), row.path("answers").asInt(), row.path("correct").asInt(),
                    row.path("accuracy").asDouble(Double.NaN), row.path("paused").asBoolean()));
        }
        return scores;
    }

    /** Counts the workflow's ledger entries of one action type, as an auditor reads them. */
    public long ledgerEntries(String action, String workflowKey) {
        long count = 0;
        String after = null;
        do {
            String path = "/api/v1/ledger/entries?limit=1000&action=" + encode(action) + "&workflow=" + encode(workflowKey)
                    + (after == null ? "" : "&afterSequence=" + after);
            JsonNode page = rest.get(path, auditor, 200);
            count += page.path("entries").size();
            after = page.hasNonNull("nextAfterSequence") ? page.path("nextAfterSequence").asText() : null;
        } while (after != null);
        return count;
    }

    private static Map<String, Object> decision(String predictedLabel, String label, String rationale) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (label.equals(predictedLabel)) {
            body.put("verdict", "APPROVE");
        } else {
            body.put("verdict", "CORRECT");
            body.put("labels", List.of(label));
            body.put("rationale", rationale);
        }
        return body;
    }

    private static String workflowPath(String key) {
        return "/api/v1/workflows/" + key;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Optional<Double> optionalNumber(JsonNode value) {
        return value.isNumber() ? Optional.of(value.asDouble()) : Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
