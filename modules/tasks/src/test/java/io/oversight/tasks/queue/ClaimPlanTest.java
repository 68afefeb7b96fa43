package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.intake.ItemStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan of the real claim-next statement on PostgreSQL tables that were never analyzed (a new
 * server starts that way, and with autovacuum off they stay so): it must read the queue off the
 * ordered index and never sort it, whatever the planner guesses. The same statement on the same
 * rows with the index as it was before tasks migration V8 (without the tie-breaker) does sort, which
 * is what this test exists to catch.
 */
class ClaimPlanTest {

    private static final int TASKS = 50_000;
    private static DataSource current;
    private static DataSource beforeV8;

    @BeforeAll
    static void fillTwoUnanalyzedQueues() throws SQLException {
        current = TestDatabase.freshPostgres("oversight_tasks_plan_test", TasksTestSchema.MIGRATIONS);
        fill(current);
        beforeV8 = TestDatabase.freshPostgres("oversight_tasks_plan_v2_test", TasksTestSchema.MIGRATIONS);
        try (Connection c = beforeV8.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX task_open_in_order ON task_task "
                    + "(workflow_key, tier, priority DESC, sla_deadline ASC NULLS LAST, uncertainty DESC, created_at) "
                    + "WHERE status = 'OPEN'");
            s.execute("DROP INDEX task_open_in_order_by_id");
        }
        fill(beforeV8);
    }

    private static void fill(DataSource database) throws SQLException {
        neverAnalyzed(database);
        fillQueue(database);
    }

    /**
     * The queue's tables are never vacuumed or analyzed, whatever the server's setting. A change of a
     * table's definition makes connections plan their statements again, so this comes before any claim.
     */
    static void neverAnalyzed(DataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("task_task", "task_item", "task_item_reviewer", "task_item_exclusion")) {
                s.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
            }
        }
    }

    /** 50,000 open tasks of workflow "claims" over three tiers, one item each, as intake makes them; one in ten already had by rita. */
    static void fillQueue(DataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            new ItemStore().insertItems(c, List.of(TaskRows.item("template", "claims", "template", "ok", T0)));
            TaskRows.copiesOf(c, "template", TASKS);
            s.execute("INSERT INTO task_task (id, item_id, workflow_key, tier, purpose, slot, status, priority, sla_deadline, "
                    + "uncertainty, sim_hash, claims, created_at) SELECT 'task-' || g, 'item-' || g, 'claims', 1 + g % 3, "
                    + "'REVIEW', 1, 'OPEN', g % 5, CASE WHEN g % 7 = 0 THEN NULL ELSE now() + (g % 60 || ' minutes')::interval END, "
                    + "random(), 0, 0, now() - (g || ' seconds')::interval FROM generate_series(1, " + TASKS + ") g");
            s.execute("INSERT INTO task_item_reviewer (item_id, reviewer, task_id) SELECT 'item-' || g, 'rita', 'task-' || g "
                    + "FROM generate_series(1, " + TASKS + ", 10) g");
        }
    }

    @Test
    void theTasksTableHasNoStatistics() throws SQLException {
        try (Connection c = current.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT last_analyze, last_autoanalyze, "
                        + "(SELECT reltuples FROM pg_class WHERE oid = 'task_task'::regclass), "
                        + "(SELECT COUNT(*) FROM pg_stats WHERE tablename = 'task_task' AND schemaname = current_schema()) "
                        + "FROM pg_stat_user_tables WHERE relid = 'task_task'::regclass")) {
            assertTrue(rows.next());
            assertNull(rows.getTimestamp(1), "never analyzed");
            assertNull(rows.getTimestamp(2), "never analyzed by autovacuum");
            assertTrue(rows.getDouble(3) < 0, "the planner knows no row count (reltuples -1)");
            assertTrue(rows.getLong(4) == 0, "no column statistics");
        }
    }

    @Test
    void aCustomPlanReadsTheOrderedIndexAndNeverSorts() throws SQLException {
        String plan = plan(current, "force_custom_plan");
        assertTrue(plan.contains("task_open_in_order_by_id"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void theGenericPlanOfThePreparedClaimReadsTheOrderedIndexAndNeverSorts() throws SQLException {
        String plan = plan(current, "force_generic_plan");
        assertTrue(plan.contains("task_open_in_order_by_id"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void withTheIndexBeforeV8TheSameClaimSortsTheQueue() throws SQLException {
        assertTrue(plan(beforeV8, "force_custom_plan").contains("Sort"), "the test above can fail");
        assertTrue(plan(beforeV8, "force_generic_plan").contains("Sort"), "the test above can fail");
    }

    private static String plan(DataSource database, String planCacheMode) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL plan_cache_mode = " + planCacheMode);
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + ClaimStore.CLAIM_NEXT)) {
                explain.setString(1, "claims");
                explain.setInt(2, 2);
                explain.setString(3, "rita");
                explain.setString(4, "rita-digest");
                explain.setString(5, "rita");
                explain.setTimestamp(6, Timestamp.from(T0.plusSeconds(600)));
                explain.setString(7, "rita");
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
            return plan.toString();
        }
    }
}
