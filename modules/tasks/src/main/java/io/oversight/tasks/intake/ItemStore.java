package io.oversight.tasks.intake;

import static io.oversight.kernel.SqlValues.jsonArray;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Item rows (table {@code task_item}): what intake writes and what an item's outcome updates. Plain
 * JDBC in the caller's transaction.
 */
@ApplicationScoped
public class ItemStore {

    public void insertItems(Connection c, List<ItemRow> items) throws SQLException {
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

    public Optional<StoredItem> findItem(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + ItemColumns.LIST + " FROM task_item WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            return oneItem(select);
        }
    }

    /** Items of the given ids that people have decided or that timed out, for waiting inline callers. */
    public List<StoredItem> findItems(Connection c, Collection<String> ids) throws SQLException {
        List<StoredItem> items = new ArrayList<>();
        if (ids.isEmpty()) {
            return items;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + ItemColumns.LIST + " FROM task_item WHERE id = ANY (?)")) {
            select.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(ItemColumns.item(rows));
                }
            }
        }
        return items;
    }

    public void decideItem(Connection c, String itemId, ItemStatus status, List<String> labels,
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

    public void setItemStatus(Connection c, String itemId, ItemStatus status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET status = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, itemId);
            update.executeUpdate();
        }
    }

    /** The pseudonym of the person an item's personal data belongs to, if its payload had any. */
    public Optional<String> dataSubject(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT data_subject FROM task_item WHERE id = ?")) {
            select.setString(1, itemId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    public void setReviewsRequired(Connection c, String itemId, int reviews) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET reviews_required = ? WHERE id = ?")) {
            update.setInt(1, reviews);
            update.setString(2, itemId);
            update.executeUpdate();
        }
    }

    public void setModelAgreed(Connection c, String itemId, boolean agreed) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET model_agreed = ? WHERE id = ?")) {
            update.setBoolean(1, agreed);
            update.setString(2, itemId);
            update.executeUpdate();
        }
    }

    /** Records the outcome an inline caller was given on timeout; false if one was already recorded. */
    public boolean recordInlineTimeout(Connection c, String itemId, TimeoutOutcome outcome) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_item SET inline_timeout_outcome = ? "
                + "WHERE id = ? AND inline_timeout_outcome IS NULL")) {
            update.setString(1, outcome.name());
            update.setString(2, itemId);
            return update.executeUpdate() == 1;
        }
    }

    private static Optional<StoredItem> oneItem(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(ItemColumns.item(rows)) : Optional.empty();
        }
    }
}
