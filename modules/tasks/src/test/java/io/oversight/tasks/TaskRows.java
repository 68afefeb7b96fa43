package io.oversight.tasks;

import io.oversight.governance.IntegrationMode;
import io.oversight.tasks.intake.ItemRow;
import io.oversight.tasks.intake.ItemStore;
import io.oversight.tasks.queue.TaskRow;
import io.oversight.tasks.queue.TaskStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Items and open tasks written through the stores, as intake writes them, for the store tests. */
public final class TaskRows {

    /** When the test's items arrive and its tasks open. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TaskRows() {
    }

    /** An item in review, predicted {@code label}, with client key {@code clientKey}, received at {@code at}. */
    public static ItemRow item(String id, String workflowKey, String clientKey, String label, Instant at) {
        return new ItemRow(id, workflowKey, clientKey, "digest-" + id, IntegrationMode.ASYNC, "snapshot-1", List.of(label),
                Optional.empty(), Optional.empty(), 0.5, Optional.empty(), Optional.empty(), Optional.empty(), 0,
                "{\"text\":\"" + id + "\"}", "payload-digest-" + id, Optional.empty(), "REVIEW", 1, "band", "policy-1", 1,
                false, OrderingMethod.LEAST_CONFIDENCE, 0.5, "least confidence", ItemStatus.IN_REVIEW, 1,
                Optional.empty(), at);
    }

    /** An open review task of tier 1 of the item, opened at {@link #T0} plus {@code seconds}. */
    public static TaskRow task(String id, String itemId, String workflowKey, int priority, int seconds) {
        return new TaskRow(id, itemId, workflowKey, 1, TaskPurpose.REVIEW, 1, priority, Optional.empty(), 0.5, 0L,
                T0.plusSeconds(seconds), Optional.empty());
    }

    /** Items of the given ids in the workflow (client key = id), each with one open task {@code t-<id>}. */
    public static void itemsWithTasks(Connection c, String workflowKey, String... itemIds) throws SQLException {
        for (String id : itemIds) {
            new ItemStore().insertItems(c, List.of(item(id, workflowKey, id, "spam", T0)));
            new TaskStore().insertTasks(c, List.of(task("t-" + id, id, workflowKey, 0, 0)));
        }
    }

    /**
     * {@code n} copies of the stored item {@code templateId} in one statement, with ids
     * {@code item-1 … item-n} and client keys {@code key-1 … key-n}: tables the size of a busy server's.
     */
    public static void copiesOf(Connection c, String templateId, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'task_item' AND table_schema = current_schema() ORDER BY ordinal_position")) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            String copied = String.join(", ", columns.stream().map(column -> switch (column) {
                case "id" -> "'item-' || g";
                case "client_key" -> "'key-' || g";
                default -> column;
            }).toList());
            s.execute("INSERT INTO task_item (" + String.join(", ", columns) + ") SELECT " + copied
                    + " FROM task_item, generate_series(1, " + n + ") g WHERE id = '" + templateId + "'");
        }
    }
}
