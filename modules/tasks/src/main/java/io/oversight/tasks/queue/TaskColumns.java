package io.oversight.tasks.queue;

import static io.oversight.kernel.SqlValues.instant;

import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns of a {@code task_task} row that make a {@link ReviewTask}, shared by the stores that read whole tasks. */
final class TaskColumns {

    /** The select list; an alias-free query or one whose task table is the only one naming these columns. */
    static final String LIST = "id, item_id, workflow_key, tier, purpose, slot, status, priority, "
            + "sla_deadline, uncertainty, lease_holder, lease_expires_at, claims, created_at, completed_at, note";

    private TaskColumns() {
    }

    static List<ReviewTask> tasks(PreparedStatement select) throws SQLException {
        List<ReviewTask> tasks = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tasks.add(task(rows));
            }
        }
        return tasks;
    }

    static ReviewTask task(ResultSet r) throws SQLException {
        return new ReviewTask(
                r.getString("id"),
                r.getString("item_id"),
                new QueueKey(r.getString("workflow_key"), r.getInt("tier")),
                TaskPurpose.valueOf(r.getString("purpose")),
                r.getInt("slot"),
                TaskStatus.valueOf(r.getString("status")),
                r.getInt("priority"),
                instant(r, "sla_deadline"),
                r.getDouble("uncertainty"),
                Optional.ofNullable(r.getString("lease_holder")),
                instant(r, "lease_expires_at"),
                r.getInt("claims"),
                instant(r, "created_at").orElseThrow(),
                instant(r, "completed_at"),
                Optional.ofNullable(r.getString("note")));
    }
}
