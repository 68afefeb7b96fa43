package io.oversight.tasks.queue;

import static io.oversight.kernel.SqlValues.jsonArray;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.kernel.SqlValues;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.TaskTransition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Task rows (table {@code task_task}) and their life-cycle writes, each guarded by the SQL of its
 * {@link TaskTransition} so that a change the state machine forbids updates nothing. Plain JDBC on the
 * connection of the caller's transaction: intake, the hot path, writes its rows with no ORM
 * bookkeeping, and the same SQL runs on PostgreSQL and H2.
 */
@ApplicationScoped
public class TaskStore {

    /** H2's error code for a row lock not obtained in time. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    /** Notes a change of the queues' counts ({@link LiveQueueCounts}) when {@code rowChanged}; returns it. */
    private static boolean changed(boolean rowChanged) {
        if (rowChanged) {
            QueueChanges.record();
        }
        return rowChanged;
    }

    public void insertTasks(Connection c, List<TaskRow> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_task (id, item_id, workflow_key, tier, "
                + "purpose, slot, status, priority, sla_deadline, uncertainty, sim_hash, claims, created_at, note) "
                + "VALUES (?,?,?,?,?,?,'OPEN',?,?,?,?,0,?,?)")) {
            for (TaskRow task : tasks) {
                insert.setString(1, task.id());
                insert.setString(2, task.itemId());
                insert.setString(3, task.workflowKey());
                insert.setInt(4, task.tier());
                insert.setString(5, task.purpose().name());
                insert.setInt(6, task.slot());
                insert.setInt(7, task.priority());
                insert.setObject(8, task.slaDeadline().map(SqlValues::utc).orElse(null));
                insert.setDouble(9, task.uncertainty());
                insert.setLong(10, task.simHash());
                insert.setObject(11, utc(task.createdAt()));
                insert.setString(12, task.note().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
            QueueChanges.record();
        }
    }

    public Optional<ReviewTask> findTask(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + TaskColumns.LIST + " FROM task_task WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(TaskColumns.task(rows)) : Optional.empty();
            }
        }
    }

    public List<ReviewTask> tasksOfItem(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + TaskColumns.LIST + " FROM task_task WHERE item_id = ? ORDER BY created_at, slot")) {
            select.setString(1, itemId);
            return TaskColumns.tasks(select);
        }
    }

    public List<ReviewTask> claimedBy(Connection c, String principal) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + TaskColumns.LIST
                + " FROM task_task WHERE status = 'CLAIMED' AND lease_holder = ? ORDER BY lease_expires_at")) {
            select.setString(1, principal);
            return TaskColumns.tasks(select);
        }
    }

    /**
     * Gives an open task to a reviewer. The status condition makes a double lease impossible even
     * where row locks were not taken: a task already claimed is not updated (returns false).
     */
    public boolean claim(Connection c, String taskId, String reviewer, Instant leaseExpiresAt)
            throws SQLException {
        try {
            return markClaimed(c, taskId, reviewer, leaseExpiresAt);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_LOCK_TIMEOUT) {
                return false; // another claimer's transaction still holds the row: it is theirs
            }
            throw e;
        }
    }

    private boolean markClaimed(Connection c, String taskId, String reviewer, Instant leaseExpiresAt)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET " + TaskTransition.CLAIM.assignment() + ", lease_holder = ?, "
                + "lease_expires_at = ?, claims = claims + 1 WHERE id = ? AND " + TaskTransition.CLAIM.guardOnParameter())) {
            update.setString(1, reviewer);
            update.setObject(2, utc(leaseExpiresAt));
            update.setString(3, taskId);
            update.setString(4, TaskTransition.CLAIM.from().name());
            return changed(update.executeUpdate() == 1);
        }
    }

    /**
     * Returns a claimed task to its queue by {@code transition} (release, skip or lease expiry); false
     * if the holder no longer holds it.
     */
    public boolean reopen(Connection c, TaskTransition transition, String taskId, String holder) throws SQLException {
        if (transition.to() != TaskStatus.OPEN) {
            throw new IllegalArgumentException(transition + " does not reopen a task");
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET " + transition.assignment()
                + ", lease_holder = NULL, lease_expires_at = NULL WHERE id = ? AND " + transition.guardOnParameter()
                + " AND lease_holder = ?")) {
            update.setString(1, taskId);
            update.setString(2, transition.from().name());
            update.setString(3, holder);
            return changed(update.executeUpdate() == 1);
        }
    }

    /**
     * Completes a held task with the answer as resolved against the prediction; answers the task as
     * the update left it ({@code UPDATE … RETURNING} on PostgreSQL, H2's equivalent {@code FINAL TABLE}),
     * or empty if {@code holder} no longer holds it.
     */
    public Optional<ReviewTask> complete(Connection c, String taskId, String holder, TaskResult result,
            List<String> labels, Optional<String> output, Optional<String> guidelineId, Instant at) throws SQLException {
        String update = "UPDATE task_task SET " + TaskTransition.COMPLETE.assignment()
                + ", lease_holder = NULL, lease_expires_at = NULL, completed_at = ?, result_labels = ?, result_output = ?, "
                + "verdict = ?, rationale = ?, completed_by = ?, guideline_id = ? WHERE id = ? AND "
                + TaskTransition.COMPLETE.guardOnParameter() + " AND lease_holder = ?";
        try (PreparedStatement complete = c.prepareStatement(ClaimCandidateStore.isPostgres(c)
                ? update + " RETURNING " + TaskColumns.LIST
                : "SELECT " + TaskColumns.LIST + " FROM FINAL TABLE (" + update + ")")) {
            complete.setObject(1, utc(at));
            complete.setString(2, jsonArray(labels));
            complete.setString(3, output.orElse(null));
            complete.setString(4, result.verdict().name());
            complete.setString(5, result.rationale().isBlank() ? null : result.rationale());
            complete.setString(6, holder);
            complete.setString(7, guidelineId.orElse(null));
            complete.setString(8, taskId);
            complete.setString(9, TaskTransition.COMPLETE.from().name());
            complete.setString(10, holder);
            try (ResultSet rows = complete.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                QueueChanges.record();
                return Optional.of(TaskColumns.task(rows));
            }
        }
    }

    public boolean markEscalated(Connection c, String taskId, String holder, String successorId, Instant at)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET " + TaskTransition.ESCALATE.assignment()
                + ", lease_holder = NULL, lease_expires_at = NULL, completed_at = ?, escalated_to = ? "
                + "WHERE id = ? AND " + TaskTransition.ESCALATE.guardOnParameter() + " AND lease_holder = ?")) {
            update.setObject(1, utc(at));
            update.setString(2, successorId);
            update.setString(3, taskId);
            update.setString(4, TaskTransition.ESCALATE.from().name());
            update.setString(5, holder);
            return changed(update.executeUpdate() == 1);
        }
    }

    /**
     * Ends an open task nobody may claim ({@link TaskTransition#NO_REVIEWER_LEFT}) with {@code note} on
     * it; false if the task is no longer open.
     */
    public boolean markPassedOn(Connection c, String taskId, String note, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET "
                + TaskTransition.NO_REVIEWER_LEFT.assignment() + ", completed_at = ?, note = ? WHERE id = ? AND "
                + TaskTransition.NO_REVIEWER_LEFT.guardOnParameter())) {
            update.setObject(1, utc(at));
            update.setString(2, note);
            update.setString(3, taskId);
            update.setString(4, TaskTransition.NO_REVIEWER_LEFT.from().name());
            return changed(update.executeUpdate() == 1);
        }
    }

    /** The similarity fingerprint stored with a task, which its successors keep. */
    public long simHash(Connection c, String taskId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT sim_hash FROM task_task WHERE id = ?")) {
            select.setString(1, taskId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        }
    }

    public void markGoldTask(Connection c, String taskId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET gold = TRUE WHERE id = ?")) {
            update.setString(1, taskId);
            update.executeUpdate();
        }
    }

    /**
     * Deletes a gold task that was just given back (released, skipped, lease expired): it was cut for
     * one reviewer's claim and must not wait in the queue as ordinary work.
     */
    public void discardIfGold(Connection c, String taskId) throws SQLException {
        try (PreparedStatement reviewers = c.prepareStatement("DELETE FROM task_item_reviewer WHERE task_id = ? "
                + "AND EXISTS (SELECT 1 FROM task_task t WHERE t.id = ? AND t.gold AND t.status = 'OPEN')")) {
            reviewers.setString(1, taskId);
            reviewers.setString(2, taskId);
            reviewers.executeUpdate();
        }
        try (PreparedStatement task = c.prepareStatement("DELETE FROM task_task WHERE id = ? AND gold AND status = 'OPEN'")) {
            task.setString(1, taskId);
            if (task.executeUpdate() == 1) {
                QueueChanges.record();
            }
        }
    }

    public boolean isGoldTask(Connection c, String taskId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT gold FROM task_task WHERE id = ?")) {
            select.setString(1, taskId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

}
