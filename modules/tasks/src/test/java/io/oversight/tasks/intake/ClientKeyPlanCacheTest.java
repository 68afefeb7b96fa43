package io.oversight.tasks.intake;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.IndexStatistics;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The client-key lookup on a connection that first used it while the item table was empty, as every
 * connection of a new server does, and again once the table is full: it must still probe the unique
 * index. PostgreSQL keeps a prepared statement's plan for the connection after five executions (its
 * "generic" plan), made for the table as it was; the lookup is planned each time instead. Which index
 * each lookup used is read from PostgreSQL's own index statistics (PostgreSQL 15 or later, which can
 * be asked to publish them at once).
 */
class ClientKeyPlanCacheTest {

    private static final List<String> KEYS = IntStream.rangeClosed(1, 200).mapToObj(i -> "new-" + i).toList();

    @Test
    void aLookupFirstUsedOnAnEmptyTableStillProbesTheUniqueIndexOnceTheTableIsFull() throws SQLException {
        DataSource database = emptyItemTable("oversight_tasks_plan_cache_store_test");
        try (Connection c = database.getConnection()) {
            IndexStatistics.assumePublishable(c);
            ClientKeyStore store = new ClientKeyStore();
            for (int i = 0; i < 12; i++) {
                store.findByClientKeys(c, "loans", KEYS);
            }
            fill(database);

            IndexScans before = IndexScans.of(database, c);
            assertEquals(1, store.findByClientKeys(c, "loans", List.of("new-1", "key-17")).size());
            IndexScans after = IndexScans.of(database, c);

            assertEquals(0, after.otherIndexes - before.otherIndexes, "no walk of the workflow's items in another index");
            assertEquals(0, after.sequential - before.sequential, "no read of the whole table");
            assertEquals(2, after.unique - before.unique, "one probe of the unique index per key");
        }
    }

    /** The same statement prepared and run as a plain prepared statement: the test above can fail. */
    @Test
    void thePlanKeptFromTheEmptyTableWalksTheWorkflowForEveryKey() throws SQLException {
        DataSource database = emptyItemTable("oversight_tasks_plan_cache_plain_test");
        try (Connection c = database.getConnection();
                PreparedStatement lookup = c.prepareStatement(ClientKeyStore.BY_CLIENT_KEYS_POSTGRES)) {
            IndexStatistics.assumePublishable(c);
            for (int i = 0; i < 12; i++) {
                run(c, lookup, KEYS);
            }
            fill(database);

            IndexScans before = IndexScans.of(database, c);
            run(c, lookup, List.of("new-1", "key-17"));
            IndexScans after = IndexScans.of(database, c);

            assertEquals(0, after.unique - before.unique, "the kept plan does not probe the unique index");
            assertTrue(after.otherIndexes - before.otherIndexes + after.sequential - before.sequential > 0,
                    "it walks the workflow's items in another index or reads the whole table: " + before + " " + after);
        }
    }

    /**
     * A new database whose item table is never vacuumed or analyzed. Set before any lookup: a change of
     * the table's definition would make every connection plan its statements again.
     */
    private static DataSource emptyItemTable(String name) throws SQLException {
        DataSource database = TestDatabase.freshPostgres(name, TasksTestSchema.MIGRATIONS);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE task_item SET (autovacuum_enabled = false)");
        }
        return database;
    }

    /** 20,000 items in the workflow, on another connection, with no statistics taken. */
    private static void fill(DataSource database) throws SQLException {
        try (Connection filler = database.getConnection()) {
            new ItemStore().insertItems(filler, List.of(TaskRows.item("template", "loans", "template", "ok", T0)));
            TaskRows.copiesOf(filler, "template", 20_000);
        }
    }

    private static void run(Connection c, PreparedStatement lookup, List<String> keys) throws SQLException {
        lookup.setArray(1, c.createArrayOf("VARCHAR", keys.toArray()));
        lookup.setString(2, "loans");
        try (ResultSet rows = lookup.executeQuery()) {
            while (rows.next()) {
                rows.getString("id");
            }
        }
    }

    /**
     * How often the item table was read whole, its unique client-key index scanned, and its other
     * indexes (by time, by decision time: a kept plan chose the latter) scanned, as PostgreSQL counts it.
     */
    private record IndexScans(long sequential, long otherIndexes, long unique) {

        /** Publishes the counts of {@code user}'s backend, then reads them from another connection. */
        static IndexScans of(DataSource database, Connection user) throws SQLException {
            IndexStatistics.publish(user);
            try (Connection reader = database.getConnection(); Statement s = reader.createStatement();
                    ResultSet rows = s.executeQuery("SELECT t.seq_scan, t.idx_scan, i.idx_scan FROM pg_stat_user_tables t "
                            + "JOIN pg_stat_user_indexes i ON i.relid = t.relid AND i.indexrelname = 'task_item_client_key_unique' "
                            + "WHERE t.relname = 'task_item'")) {
                rows.next();
                return new IndexScans(rows.getLong(1), rows.getLong(2) - rows.getLong(3), rows.getLong(3));
            }
        }
    }
}
