package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.IndexStatistics;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TaskTransition;
import io.oversight.tasks.TasksTestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A task claimed and released by id, on a connection that did so first while the table held only that
 * task (as a new server's connections do), and again once 50,000 tasks exist and 20,000 of them are
 * claimed: the updates must read the task by its key, not the entries of every task in the state their
 * guard names. PostgreSQL keeps a prepared statement's plan for the connection after five executions;
 * the entries read are its own index statistics (PostgreSQL 15 or later).
 */
class TaskUpdatePlanCacheTest {

    private static final String MINE = "t-mine";
    /** The release as written before its guard took the state as a parameter: the test can fail. */
    private static final String RELEASE_WITH_THE_STATE_WRITTEN_OUT = "UPDATE task_task SET "
            + TaskTransition.RELEASE.assignment() + ", lease_holder = NULL, lease_expires_at = NULL WHERE id = ? AND "
            + TaskTransition.RELEASE.guard() + " AND lease_holder = ?";

    @Test
    void claimAndReleaseFirstRunOnANearlyEmptyTableReadOneTaskOnceTheTableIsFull() throws SQLException {
        DataSource database = oneTask("oversight_tasks_update_cache_test");
        try (Connection c = database.getConnection()) {
            IndexStatistics.assumePublishable(c);
            TaskStore tasks = new TaskStore();
            for (int i = 0; i < 12; i++) {
                assertTrue(tasks.claim(c, MINE, "rita", T0.plusSeconds(600)));
                assertTrue(tasks.reopen(c, TaskTransition.RELEASE, MINE, "rita"));
            }
            fillWithClaimedTasks(database);

            long before = partialIndexEntriesRead(database, c);
            assertTrue(tasks.claim(c, MINE, "rita", T0.plusSeconds(600)));
            assertTrue(tasks.reopen(c, TaskTransition.RELEASE, MINE, "rita"));
            long read = partialIndexEntriesRead(database, c) - before;

            assertTrue(read < 100, "entries of the partial task indexes read by a claim and a release: " + read);
        }
    }

    @Test
    void theReleaseWithItsStateWrittenOutReadsEveryClaimedTask() throws SQLException {
        DataSource database = oneTask("oversight_tasks_update_cache_old_test");
        try (Connection c = database.getConnection();
                PreparedStatement release = c.prepareStatement(RELEASE_WITH_THE_STATE_WRITTEN_OUT)) {
            IndexStatistics.assumePublishable(c);
            TaskStore tasks = new TaskStore();
            for (int i = 0; i < 12; i++) {
                assertTrue(tasks.claim(c, MINE, "rita", T0.plusSeconds(600)));
                release.setString(1, MINE);
                release.setString(2, "rita");
                assertTrue(release.executeUpdate() == 1);
            }
            fillWithClaimedTasks(database);
            assertTrue(tasks.claim(c, MINE, "rita", T0.plusSeconds(600)));

            long before = partialIndexEntriesRead(database, c);
            release.setString(1, MINE);
            release.setString(2, "rita");
            assertTrue(release.executeUpdate() == 1);
            long read = partialIndexEntriesRead(database, c) - before;

            assertTrue(read > 10_000, "entries of the partial task indexes read by one release: " + read);
        }
    }

    /** A new database whose only task is {@link #MINE}, open; the tables are never analyzed. */
    private static DataSource oneTask(String name) throws SQLException {
        DataSource database = TestDatabase.freshPostgres(name, TasksTestSchema.MIGRATIONS);
        ClaimPlanTest.neverAnalyzed(database);
        try (Connection c = database.getConnection()) {
            TaskRows.itemsWithTasks(c, "claims", "mine");
        }
        return database;
    }

    /** 50,000 more open tasks (ClaimPlanTest's queue), then 20,000 of them claimed by someone else. */
    private static void fillWithClaimedTasks(DataSource database) throws SQLException {
        ClaimPlanTest.fillQueue(database);
        try (Connection c = database.getConnection();
                PreparedStatement claim = c.prepareStatement("UPDATE task_task SET status = 'CLAIMED', lease_holder = 'sam', "
                        + "lease_expires_at = ? WHERE id IN (SELECT 'task-' || g FROM generate_series(1, 20000) g)")) {
            claim.setTimestamp(1, Timestamp.from(T0.plusSeconds(600)));
            claim.executeUpdate();
        }
    }

    /** Entries read from the task table's partial indexes, by state, as PostgreSQL counts them. */
    private static long partialIndexEntriesRead(DataSource database, Connection user) throws SQLException {
        return IndexStatistics.entriesRead(database, user,
                "task_claimed_by_expiry", "task_live_by_queue", "task_open_in_order_by_id");
    }
}
