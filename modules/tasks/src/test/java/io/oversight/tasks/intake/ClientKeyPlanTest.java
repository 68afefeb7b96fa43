package io.oversight.tasks.intake;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client-key lookup of a batch on a PostgreSQL table of 30,000 items that was never analyzed (a
 * new server starts that way, and with autovacuum off it stays so): one probe per key in the unique
 * index, not a read of every item of the workflow, which is what the plain {@code = ANY} query did.
 */
class ClientKeyPlanTest {

    private static final int ITEMS = 30_000;
    private static DataSource database;

    @BeforeAll
    static void fillAnUnanalyzedWorkflow() throws SQLException {
        database = TestDatabase.freshPostgres("oversight_tasks_client_keys_test", TasksTestSchema.MIGRATIONS);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE task_item SET (autovacuum_enabled = false)"); // whatever the server's setting
            new ItemStore().insertItems(c, List.of(TaskRows.item("template", "loans", "template", "ok", T0)));
            TaskRows.copiesOf(c, "template", ITEMS);
        }
    }

    @Test
    void aBatchOfAThousandKeysProbesTheUniqueIndexAndReadsNoOtherItem() throws SQLException {
        List<String> keys = new ArrayList<>(IntStream.rangeClosed(1, 1000).mapToObj(i -> "new-" + i).toList());
        keys.add("key-17"); // one known
        String plan = plan(ClientKeyStore.BY_CLIENT_KEYS_POSTGRES, keys, true);
        assertTrue(plan.contains("task_item_client_key_unique"), plan);
        assertFalse(plan.contains("Rows Removed by Filter"), plan);
        assertFalse(plan.contains("task_item_by_workflow"), plan);
    }

    @Test
    void thePlainAnyQueryReadsTheWholeWorkflowSoTheTestAboveCanFail() throws SQLException {
        List<String> keys = IntStream.rangeClosed(1, 1000).mapToObj(i -> "new-" + i).toList();
        assertTrue(plan(ClientKeyStore.BY_CLIENT_KEYS_H2, keys, false).contains("Rows Removed by Filter"));
    }

    @Test
    void theLookupFindsExactlyTheStoredKeys() throws SQLException {
        try (Connection c = database.getConnection()) {
            var found = new ClientKeyStore().findByClientKeys(c, "loans", List.of("key-17", "key-29999", "new-1"));
            assertEquals(List.of("item-17", "item-29999"),
                    found.values().stream().map(item -> item.item().id()).sorted().toList());
            assertTrue(new ClientKeyStore().findByClientKeys(c, "other", List.of("key-17")).isEmpty(), "keys are per workflow");
        }
    }

    private static String plan(String query, List<String> keys, boolean keysFirst) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement explain = c.prepareStatement("EXPLAIN (ANALYZE) " + query)) {
            explain.setArray(keysFirst ? 1 : 2, c.createArrayOf("VARCHAR", keys.toArray()));
            explain.setString(keysFirst ? 2 : 1, "loans");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
