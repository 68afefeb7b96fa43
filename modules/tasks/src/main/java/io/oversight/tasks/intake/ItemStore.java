package io.oversight.tasks.intake;

import io.oversight.kernel.JsonFactories;
import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.jsonArray;
import static io.oversight.kernel.SqlValues.strings;
import static io.oversight.kernel.SqlValues.utc;
import io.oversight.governance.IntegrationMode;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.Candidate;
import io.oversight.tasks.ItemSearch;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.Verdict;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items (table {@code task_item}) with their reviewer exclusions and feedback rows: what intake
 * writes, what an item's outcome updates. Plain JDBC in the caller's transaction.
 */
public final class ItemStore {

    private static final String ITEM_COLUMNS = "id, workflow_key, client_key, request_digest, integration_mode, "
            + "model_snapshot_id, predicted_labels, predicted_output, confidence, class_scores, committee_scores, "
            + "correlation_id, priority, payload, payload_digest, data_subject, route_outcome, route_tier, route_reason, "
            + "policy_id, policy_version, audit_sampled, ordering_method, uncertainty, uncertainty_note, status, "
            + "reviews_required, decision_labels, decision_output, decision_source, decision_verdict, "
            + "model_agreed, inline_timeout_outcome, received_at, decided_at, candidates";

    private ItemStore() {
    }

    public static void insertItems(Connection c, List<ItemRow> items) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_item (id, workflow_key, client_key, "
                + "request_digest, integration_mode, model_snapshot_id, predicted_labels, predicted_output, confidence, "
                + "class_scores, committee_scores, correlation_id, priority, payload, payload_digest, data_subject, "
                + "route_outcome, route_tier, route_reason, policy_id, policy_version, audit_sampled, ordering_method, "
                + "uncertainty, uncertainty_note, status, reviews_required, decision_labels, decision_source, "
                + "received_at, decided_at, candidates) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (ItemRow item : items) {
                int i = 1;
                insert.setString(i++, item.id());
                insert.setString(i++, item.workflowKey());
                insert.setString(i++, item.clientKey());
                insert.setString(i++, item.requestDigest());
                insert.setString(i++, item.integrationMode().name());
                insert.setString(i++, item.modelSnapshotId());
                insert.setString(i++, jsonArray(item.predictedLabels()));
                insert.setString(i++, item.predictedOutput().orElse(null));
                insert.setDouble(i++, item.confidence());
                insert.setString(i++, item.classScoresJson().orElse(null));
                insert.setString(i++, item.committeeJson().orElse(null));
                insert.setString(i++, item.correlationId().orElse(null));
                insert.setInt(i++, item.priority());
                insert.setString(i++, item.payloadJson());
                insert.setString(i++, item.payloadDigest());
                insert.setString(i++, item.dataSubject().orElse(null));
                insert.setString(i++, item.routeOutcome());
                insert.setInt(i++, item.routeTier());
                insert.setString(i++, item.routeReason());
                insert.setString(i++, item.policyId());
                insert.setInt(i++, item.policyVersion());
                insert.setBoolean(i++, item.auditSampled());
                insert.setString(i++, item.orderingMethod().name());
                insert.setDouble(i++, item.uncertainty());
                insert.setString(i++, item.uncertaintyNote());
                insert.setString(i++, item.status().name());
                insert.setInt(i++, item.reviewsRequired());
                boolean decided = item.decisionSource().isPresent();
                insert.setString(i++, decided ? jsonArray(item.predictedLabels()) : null);
                insert.setString(i++, item.decisionSource().map(Enum::name).orElse(null));
                insert.setObject(i++, utc(item.receivedAt()));
                insert.setObject(i++, decided ? utc(item.receivedAt()) : null);
                insert.setString(i, item.candidatesJson().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }


    /** The items some client keys of a workflow name, by client key: one query for a whole batch. */
    public static Map<String, StoredItem> findByClientKeys(Connection c, String workflowKey, Collection<String> clientKeys)
            throws SQLException {
        Map<String, StoredItem> items = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + ITEM_COLUMNS + " FROM task_item WHERE workflow_key = ? AND client_key = ANY (?)")) {
            select.setString(1, workflowKey);
            select.setArray(2, c.createArrayOf("VARCHAR", clientKeys.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredItem item = item(rows);
                    items.put(item.item().clientKey(), item);
                }
            }
        }
        return items;
    }


    /**
     * One page of the items matching {@code search}, plus one more row when a next page exists. Sort
     * columns come from a fixed list, never from the caller's text; a label matches an element of the
     * predicted or decided label array, written as JSON text.
     */
    public static List<ReviewItem> search(Connection c, ItemSearch search) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        search.workflowKey().ifPresent(v -> { where.add("workflow_key = ?"); values.add(v); });
        search.status().ifPresent(v -> { where.add("status = ?"); values.add(v.name()); });
        search.routeOutcome().ifPresent(v -> { where.add("route_outcome = ?"); values.add(v); });
        search.clientKey().ifPresent(v -> { where.add("client_key = ?"); values.add(v); });
        search.label().ifPresent(v -> {
            String element = jsonArray(List.of(v));
            String pattern = "%" + likeLiteral(element.substring(1, element.length() - 1)) + "%";
            where.add("(predicted_labels LIKE ? ESCAPE '!' OR decision_labels LIKE ? ESCAPE '!')");
            values.add(pattern);
            values.add(pattern);
        });
        search.receivedFrom().ifPresent(v -> { where.add("received_at >= ?"); values.add(utc(v)); });
        search.receivedBefore().ifPresent(v -> { where.add("received_at < ?"); values.add(utc(v)); });
        String column = switch (search.order()) {
            case RECEIVED -> "received_at";
            case CONFIDENCE -> "confidence";
            case CLIENT_KEY -> "client_key";
            case STATUS -> "status";
            case ROUTE -> "route_outcome";
        };
        String direction = search.descending() ? " DESC" : " ASC";
        String sql = "SELECT " + ITEM_COLUMNS + " FROM task_item"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + column + direction + ", id" + direction
                + " OFFSET " + search.offset() + " ROWS FETCH NEXT " + (search.pageSize() + 1) + " ROWS ONLY";
        List<ReviewItem> items = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(item(rows).item());
                }
            }
        }
        return items;
    }

    /** {@code text} inside a LIKE pattern with escape character '!': its own wildcards match themselves. */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public static Optional<StoredItem> findItem(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + ITEM_COLUMNS + " FROM task_item WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            return oneItem(select);
        }
    }


    /** Items of the given ids that people have decided or that timed out, for waiting inline callers. */
    public static List<StoredItem> findItems(Connection c, Collection<String> ids) throws SQLException {
        List<StoredItem> items = new ArrayList<>();
        if (ids.isEmpty()) {
            return items;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + ITEM_COLUMNS + " FROM task_item WHERE id = ANY (?)")) {
            select.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(item(rows));
                }
            }
        }
        return items;
    }


    public static void decideItem(Connection c, String itemId, ItemStatus status, List<String> labels,
            Optional<String> output, DecisionSource source, Optional<Boolean> modelAgreed, Instant at, Optional<Verdict> verdict)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET status = ?, decision_labels = ?, "
                + "decision_output = ?, decision_source = ?, model_agreed = ?, decided_at = ?, decision_verdict = ? "
                + "WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, jsonArray(labels));
            update.setString(3, output.orElse(null));
            update.setString(4, source.name());
            if (modelAgreed.isPresent()) {
                update.setBoolean(5, modelAgreed.get());
            } else {
                update.setNull(5, Types.BOOLEAN);
            }
            update.setObject(6, utc(at));
            update.setString(7, verdict.map(Enum::name).orElse(null));
            update.setString(8, itemId);
            update.executeUpdate();
        }
    }


    public static void setItemStatus(Connection c, String itemId, ItemStatus status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET status = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, itemId);
            update.executeUpdate();
        }
    }


    /** The pseudonym of the person an item's personal data belongs to, if its payload had any. */
    public static Optional<String> dataSubject(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT data_subject FROM task_item WHERE id = ?")) {
            select.setString(1, itemId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }


    public static void setReviewsRequired(Connection c, String itemId, int reviews) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET reviews_required = ? WHERE id = ?")) {
            update.setInt(1, reviews);
            update.setString(2, itemId);
            update.executeUpdate();
        }
    }


    public static void setModelAgreed(Connection c, String itemId, boolean agreed) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET model_agreed = ? WHERE id = ?")) {
            update.setBoolean(1, agreed);
            update.setString(2, itemId);
            update.executeUpdate();
        }
    }


    /** Records the outcome an inline caller was given on timeout; false if one was already recorded. */
    public static boolean recordInlineTimeout(Connection c, String itemId, TimeoutOutcome outcome) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET inline_timeout_outcome = ? "
                + "WHERE id = ? AND inline_timeout_outcome IS NULL")) {
            update.setString(1, outcome.name());
            update.setString(2, itemId);
            return update.executeUpdate() == 1;
        }
    }


    public static void insertExclusions(Connection c, String itemId, Collection<String> identityDigests)
            throws SQLException {
        if (identityDigests.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO task_item_exclusion (item_id, identity_digest) VALUES (?, ?)")) {
            for (String digest : identityDigests) {
                insert.setString(1, itemId);
                insert.setString(2, digest);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }


    public static void insertFeedback(Connection c, String id, String itemId, String kind, String comment,
            String taskId, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_feedback (id, item_id, kind, comment, "
                + "task_id, received_at) VALUES (?,?,?,?,?,?)")) {
            insert.setString(1, id);
            insert.setString(2, itemId);
            insert.setString(3, kind);
            insert.setString(4, comment);
            insert.setString(5, taskId);
            insert.setObject(6, utc(at));
            insert.executeUpdate();
        }
    }


    private static Optional<StoredItem> oneItem(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(item(rows)) : Optional.empty();
        }
    }


    private static StoredItem item(ResultSet r) throws SQLException {
        ReviewItem item = new ReviewItem(
                r.getString("id"),
                r.getString("workflow_key"),
                r.getString("client_key"),
                IntegrationMode.valueOf(r.getString("integration_mode")),
                r.getString("model_snapshot_id"),
                strings(r.getString("predicted_labels")),
                Optional.ofNullable(r.getString("predicted_output")),
                r.getDouble("confidence"),
                classScores(r.getString("class_scores")),
                candidates(r.getString("candidates")),
                r.getString("payload"),
                Optional.ofNullable(r.getString("correlation_id")),
                r.getInt("priority"),
                r.getString("route_outcome"),
                r.getInt("route_tier"),
                r.getString("route_reason"),
                r.getString("policy_id"),
                r.getInt("policy_version"),
                r.getBoolean("audit_sampled"),
                OrderingMethod.valueOf(r.getString("ordering_method")),
                r.getDouble("uncertainty"),
                r.getString("uncertainty_note"),
                ItemStatus.valueOf(r.getString("status")),
                r.getInt("reviews_required"),
                strings(r.getString("decision_labels")),
                Optional.ofNullable(r.getString("decision_output")),
                Optional.ofNullable(r.getString("decision_source")).map(DecisionSource::valueOf),
                Optional.ofNullable(r.getString("decision_verdict")).map(Verdict::valueOf),
                nullableBoolean(r, "model_agreed"),
                Optional.ofNullable(r.getString("inline_timeout_outcome")).map(TimeoutOutcome::valueOf),
                instant(r, "received_at").orElseThrow(),
                instant(r, "decided_at"));
        return new StoredItem(item, r.getString("request_digest"));
    }


    private static Optional<Boolean> nullableBoolean(ResultSet r, String column) throws SQLException {
        boolean value = r.getBoolean(column);
        return r.wasNull() ? Optional.empty() : Optional.of(value);
    }


    public static Map<String, Double> classScores(String jsonObject) {
        if (jsonObject == null) {
            return Map.of();
        }
        try (var reader = JsonFactories.PROVIDER.createReader(new StringReader(jsonObject))) {
            Map<String, Double> scores = new java.util.LinkedHashMap<>();
            reader.readObject().forEach((label, score) -> scores.put(label, ((JsonNumber) score).doubleValue()));
            return scores;
        }
    }


    public static String candidatesJson(List<Candidate> candidates) {
        JsonArrayBuilder array = JsonFactories.PROVIDER.createArrayBuilder();
        candidates.forEach(c -> array.add(JsonFactories.PROVIDER.createObjectBuilder().add("id", c.id()).add("output", c.output())));
        return array.build().toString();
    }


    public static List<Candidate> candidates(String json) {
        if (json == null) {
            return List.of();
        }
        try (var reader = JsonFactories.PROVIDER.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                    .map(o -> new Candidate(o.getString("id"), o.getString("output"))).toList();
        }
    }
}
