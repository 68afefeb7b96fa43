package io.oversight.tasks.intake;

import io.oversight.kernel.CanonicalJson;
import io.oversight.kernel.Violations;
import io.oversight.tasks.Candidate;
import io.oversight.governance.IntegrationMode;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the JSON of a prediction into a {@link PredictionRequest}, reporting every field of the
 * wrong type, out of range or unknown, by its JSON path. Unknown members are refused so a misspelt
 * field ("confidance") is an error rather than a silently missing value.
 */
public final class PredictionParser {

    /** Most predictions one batch request may carry. */
    public static final int MAX_BATCH = 1000;
    public static final int MAX_LABELS = 20;
    public static final int MAX_CLASSES = 500;
    public static final int MAX_COMMITTEE = 20;
    public static final int MAX_OUTPUT_CHARS = 20_000;
    public static final int MIN_PRIORITY = -100;
    public static final int MAX_PRIORITY = 100;
    public static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9._:~@/+-]{1,200}");
    /** How far per-class scores may sum away from 1 (rounding of float32 softmax outputs). */
    public static final double SCORE_SUM_TOLERANCE = 0.01;

    private static final Set<String> MEMBERS = Set.of("clientKey", "modelSnapshotId", "payload", "labels", "output",
            "candidates", "confidence", "scores", "committee", "correlationId", "priority", "mode", "timeoutMillis");

    private PredictionParser() {
    }

    /** Parses a batch request {@code {"predictions": [...]}}, every error named by its index. */
    public static List<PredictionRequest> parseBatch(JsonObject body) {
        Violations v = new Violations();
        for (String member : body.keySet()) {
            v.check(member.equals("predictions"), member, "is not a field of a batch request (expected predictions)");
        }
        JsonValue list = body.get("predictions");
        if (!(list instanceof JsonArray array)) {
            v.add("predictions", "is required: an array of 1 to " + MAX_BATCH + " predictions");
            v.throwIfAny("The batch");
            throw new IllegalStateException("unreachable");
        }
        v.check(!array.isEmpty() && array.size() <= MAX_BATCH, "predictions",
                "must hold 1 to " + MAX_BATCH + " predictions, got " + array.size());
        List<PredictionRequest> requests = new ArrayList<>(array.size());
        Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String prefix = "predictions[" + i + "].";
            JsonValue element = array.get(i);
            if (!(element instanceof JsonObject object)) {
                v.add("predictions[" + i + "]", "must be an object");
                continue;
            }
            Optional<PredictionRequest> parsed = parse(object, prefix, v);
            parsed.ifPresent(requests::add);
            parsed.ifPresent(p -> v.check(keys.add(p.clientKey()), prefix + "clientKey",
                    "repeats the client key of an earlier prediction of this batch"));
        }
        v.throwIfAny("The batch");
        return requests;
    }

    /** Parses one prediction. */
    public static PredictionRequest parse(JsonObject body) {
        Violations v = new Violations();
        Optional<PredictionRequest> request = parse(body, "", v);
        v.throwIfAny("The prediction");
        return request.orElseThrow();
    }

    private static Optional<PredictionRequest> parse(JsonObject body, String prefix, Violations v) {
        int errorsBefore = v.errors().size();
        for (String member : body.keySet()) {
            v.check(MEMBERS.contains(member), prefix + member, "is not a field of a prediction");
        }
        String clientKey = string(body, "clientKey", prefix, v, true).orElse(null);
        if (clientKey != null) {
            v.check(CLIENT_KEY.matcher(clientKey).matches(), prefix + "clientKey",
                    "must be 1 to 200 characters of letters, digits and ._:~@/+-");
        }
        String snapshot = string(body, "modelSnapshotId", prefix, v, true).orElse(null);
        JsonValue payloadValue = body.get("payload");
        JsonObject payload = null;
        if (payloadValue instanceof JsonObject object) {
            payload = object;
        } else {
            v.add(prefix + "payload", payloadValue == null ? "is required: the model's input as a JSON object"
                    : "must be a JSON object");
        }
        List<String> labels = labels(body, prefix, v);
        Optional<String> output = string(body, "output", prefix, v, false);
        output.ifPresent(o -> v.check(o.length() <= MAX_OUTPUT_CHARS, prefix + "output",
                "must be at most " + MAX_OUTPUT_CHARS + " characters"));
        List<Candidate> candidates = candidates(body, prefix, v);
        Map<String, Double> scores = body.containsKey("scores")
                ? scores(body.get("scores"), prefix + "scores", v) : Map.of();
        List<Map<String, Double>> committee = committee(body, prefix, v);
        Optional<Double> confidence = probability(body, "confidence", prefix, v);
        if (confidence.isEmpty() && !body.containsKey("confidence")) {
            if (!scores.isEmpty() && !labels.isEmpty() && scores.containsKey(labels.get(0))) {
                confidence = Optional.of(scores.get(labels.get(0)));
            } else {
                v.add(prefix + "confidence", "is required (or scores that include the first predicted label)");
            }
        }
        confidence.ifPresent(c -> {
            if (!scores.isEmpty() && !labels.isEmpty() && scores.containsKey(labels.get(0))) {
                v.check(Math.abs(scores.get(labels.get(0)) - c) <= SCORE_SUM_TOLERANCE, prefix + "confidence",
                        "must equal the score of the first predicted label (" + scores.get(labels.get(0)) + ")");
            }
        });
        Optional<String> correlationId = string(body, "correlationId", prefix, v, false);
        correlationId.ifPresent(c -> v.check(c.length() <= 200, prefix + "correlationId", "must be at most 200 characters"));
        int priority = integer(body, "priority", prefix, v).orElse(0);
        v.check(priority >= MIN_PRIORITY && priority <= MAX_PRIORITY, prefix + "priority",
                "must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY);
        Optional<IntegrationMode> mode = string(body, "mode", prefix, v, false).flatMap(m -> mode(m, prefix, v));
        Optional<Integer> timeout = integer(body, "timeoutMillis", prefix, v);
        timeout.ifPresent(t -> v.check(t >= 1, prefix + "timeoutMillis", "must be at least 1"));
        if (v.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new PredictionRequest(clientKey, snapshot, payload, labels, output, candidates, confidence.orElseThrow(),
                scores, committee, correlationId, priority, mode, timeout, CanonicalJson.sha256Hex(body)));
    }

    /** {@code [{"id":"…","output":"…"}, …]}: ids of 1 to 64 characters, outputs within the output limit. */
    private static List<Candidate> candidates(JsonObject body, String prefix, Violations v) {
        JsonValue value = body.get("candidates");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            v.add(prefix + "candidates", "must be an array of {\"id\", \"output\"} objects");
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String field = prefix + "candidates[" + i + "]";
            if (!(array.get(i) instanceof JsonObject candidate)
                    || !(candidate.get("id") instanceof JsonString id) || !(candidate.get("output") instanceof JsonString output)) {
                v.add(field, "must be an object with a string id and a string output");
                continue;
            }
            v.check(!id.getString().isBlank() && id.getString().length() <= 64, field + ".id", "must be 1 to 64 characters");
            v.check(output.getString().length() <= MAX_OUTPUT_CHARS, field + ".output",
                    "must be at most " + MAX_OUTPUT_CHARS + " characters");
            candidates.add(new Candidate(id.getString(), output.getString()));
        }
        return candidates;
    }

    private static Optional<IntegrationMode> mode(String text, String prefix, Violations v) {
        try {
            return Optional.of(IntegrationMode.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            v.add(prefix + "mode", "must be INLINE, ASYNC or SHADOW");
            return Optional.empty();
        }
    }

    private static List<String> labels(JsonObject body, String prefix, Violations v) {
        JsonValue value = body.get("labels");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            v.add(prefix + "labels", "must be an array of label codes");
            return List.of();
        }
        v.check(array.size() <= MAX_LABELS, prefix + "labels", "must hold at most " + MAX_LABELS + " labels");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s && !s.getString().isBlank()) {
                v.check(!labels.contains(s.getString()), prefix + "labels[" + i + "]", "repeats a label");
                labels.add(s.getString());
            } else {
                v.add(prefix + "labels[" + i + "]", "must be a label code");
            }
        }
        return labels;
    }

    private static List<Map<String, Double>> committee(JsonObject body, String prefix, Violations v) {
        JsonValue value = body.get("committee");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            v.add(prefix + "committee", "must be an array of per-class score objects, one per committee member");
            return List.of();
        }
        v.check(array.size() >= 2 && array.size() <= MAX_COMMITTEE, prefix + "committee",
                "must have 2 to " + MAX_COMMITTEE + " members");
        List<Map<String, Double>> members = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            members.add(scores(array.get(i), prefix + "committee[" + i + "]", v));
        }
        return members;
    }

    /** A score object: label code to probability, summing to about 1. */
    private static Map<String, Double> scores(JsonValue value, String field, Violations v) {
        if (!(value instanceof JsonObject object) || object.isEmpty()) {
            v.add(field, "must be an object of label code to score");
            return Map.of();
        }
        v.check(object.size() <= MAX_CLASSES, field, "must hold at most " + MAX_CLASSES + " classes");
        Map<String, Double> scores = new LinkedHashMap<>();
        double sum = 0;
        boolean valid = true;
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            Optional<Double> p = probability(entry.getValue(), field + "." + entry.getKey(), v);
            if (p.isPresent()) {
                scores.put(entry.getKey(), p.get());
                sum += p.get();
            } else {
                valid = false;
            }
        }
        if (valid && Math.abs(sum - 1.0) > SCORE_SUM_TOLERANCE) {
            v.add(field, "must sum to 1 (within " + SCORE_SUM_TOLERANCE + "), got " + sum);
        }
        return scores;
    }

    private static Optional<Double> probability(JsonObject body, String name, String prefix, Violations v) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        return probability(value, prefix + name, v);
    }

    private static Optional<Double> probability(JsonValue value, String field, Violations v) {
        if (!(value instanceof JsonNumber number)) {
            v.add(field, "must be a number between 0 and 1");
            return Optional.empty();
        }
        BigDecimal exact = number.bigDecimalValue();
        if (exact.signum() < 0 || exact.compareTo(BigDecimal.ONE) > 0) {
            v.add(field, "must be between 0 and 1, got " + exact.toPlainString());
            return Optional.empty();
        }
        return Optional.of(exact.doubleValue());
    }

    private static Optional<String> string(JsonObject body, String name, String prefix, Violations v, boolean required) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            v.check(!required, prefix + name, "is required");
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            v.add(prefix + name, "must be a string");
            return Optional.empty();
        }
        if (required && s.getString().isBlank()) {
            v.add(prefix + name, "must not be blank");
            return Optional.empty();
        }
        return Optional.of(s.getString());
    }

    private static Optional<Integer> integer(JsonObject body, String name, String prefix, Violations v) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            v.add(prefix + name, "must be an integer");
            return Optional.empty();
        }
        try {
            return Optional.of(number.intValueExact());
        } catch (ArithmeticException e) {
            v.add(prefix + name, "is out of range");
            return Optional.empty();
        }
    }
}
