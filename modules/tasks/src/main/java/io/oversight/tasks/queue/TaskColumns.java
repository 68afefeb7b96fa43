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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * The select list of table alias {@code alias}, each column renamed {@code prefix} + its name: for
     * a query that also returns an item, whose columns share several names with the task's.
     */
    static String prefixed(String alias, String prefix) {
        return Arrays.stream(LIST.split(", ")).map(column -> alias + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }

    static ReviewTask task(ResultSet r) throws SQLException {
        return task(r, "");
    }

    /** The task on the current row, read from the columns {@link #prefixed} named with {@code prefix}. */
    static ReviewTask task(ResultSet r, String prefix) throws SQLException {
        return new ReviewTask(
                r.getString(prefix + "id"),
                r.getString(prefix + "item_id"),
                new QueueKey(r.getString(prefix + "workflow_key"), r.getInt(prefix + "tier")),
                TaskPurpose.valueOf(r.getString(prefix + "purpose")),
                r.getInt(prefix + "slot"),
                TaskStatus.valueOf(r.getString(prefix + "status")),
                r.getInt(prefix + "priority"),
                instant(r, prefix + "sla_deadline"),
                r.getDouble(prefix + "uncertainty"),
                Optional.ofNullable(r.getString(prefix + "lease_holder")),
                instant(r, prefix + "lease_expires_at"),
                r.getInt(prefix + "claims"),
                instant(r, prefix + "created_at").orElseThrow(),
                instant(r, prefix + "completed_at"),
                Optional.ofNullable(r.getString(prefix + "note")));
    }
}
