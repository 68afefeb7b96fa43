package io.oversight.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The tasks module's rows that review's tables refer to (items, tasks, who reviewed an item), with
 * just the columns their constraints require: enough for foreign keys and for the stores' filters.
 */
public final class TaskRows {

    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    private TaskRows() {
    }

    /** Items of {@code workflowKey} in review. */
    public static void items(Connection c, String workflowKey, String... ids) throws SQLException {
        for (String id : ids) {
            item(c, id, workflowKey);
        }
    }

    /** An item of {@code workflowKey} in review. */
    public static void item(Connection c, String id, String workflowKey) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_item (id, workflow_key, client_key, "
                + "request_digest, integration_mode, model_snapshot_id, predicted_labels, confidence, priority, payload, "
                + "payload_digest, route_outcome, route_tier, route_reason, policy_id, policy_version, audit_sampled, "
                + "ordering_method, uncertainty, uncertainty_note, status, reviews_required, received_at) "
                + "VALUES (?, ?, ?, 'd', 'ASYNC', 'm', '[]', 0.5, 0, '{}', 'd', 'HUMAN_REVIEW', 1, 'r', 'p', 1, FALSE, "
                + "'FIFO', 0.5, '', 'IN_REVIEW', 1, ?)")) {
            insert.setString(1, id);
            insert.setString(2, workflowKey);
            insert.setString(3, "client-" + id);
            insert.setObject(4, RECEIVED.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** A review task of an item, open, or completed by {@code completedBy} when that is not null. */
    public static void task(Connection c, String id, String itemId, String workflowKey, String completedBy)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_task (id, item_id, workflow_key, tier, "
                + "purpose, slot, status, priority, uncertainty, sim_hash, claims, created_at, completed_by) "
                + "VALUES (?, ?, ?, 1, 'REVIEW', 1, ?, 0, 0.5, 0, 0, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, itemId);
            insert.setString(3, workflowKey);
            insert.setString(4, completedBy == null ? "OPEN" : "COMPLETED");
            insert.setObject(5, RECEIVED.atOffset(ZoneOffset.UTC));
            insert.setString(6, completedBy);
            insert.executeUpdate();
        }
    }

    /** Records that {@code reviewer} held task {@code taskId} of an item. */
    public static void reviewer(Connection c, String itemId, String reviewer, String taskId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO task_item_reviewer (item_id, reviewer, task_id) VALUES (?, ?, ?)")) {
            insert.setString(1, itemId);
            insert.setString(2, reviewer);
            insert.setString(3, taskId);
            insert.executeUpdate();
        }
    }
}
