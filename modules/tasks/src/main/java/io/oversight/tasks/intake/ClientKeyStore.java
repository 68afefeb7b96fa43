package io.oversight.tasks.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Items by the key their client gave them, unique per workflow, which makes a repeated prediction a
 * replay of the first rather than a second item. Plain JDBC in the caller's transaction.
 */
@ApplicationScoped
public class ClientKeyStore {

    /**
     * One lookup per key in the unique index, whatever the planner knows of the table: joined as a
     * {@code LATERAL} subquery with {@code LIMIT 1}, which it cannot flatten into a join of its own
     * choosing. Without statistics (a new server, autovacuum off) a plain {@code client_key = ANY (?)}
     * of a large batch was planned as a scan of all the workflow's items, filtered by the keys: 168 ms
     * for 1,000 keys over 183,000 items, growing with every item the workflow takes. Parameters: the
     * keys, the workflow.
     */
    static final String BY_CLIENT_KEYS_POSTGRES = "SELECT i.* FROM unnest(?::varchar[]) AS k(client_key) "
            + "CROSS JOIN LATERAL (SELECT " + ItemColumns.LIST + " FROM task_item WHERE workflow_key = ? "
            + "AND client_key = k.client_key LIMIT 1) i";
    /**
     * Set around the lookup on PostgreSQL: plan it for the keys and table of each execution. A plan the
     * connection keeps (the "generic" plan PostgreSQL adopts after five executions of a prepared
     * statement) is made for the table as it was then; made on a new server's empty table it walked the
     * workflow's items by time for every key and went on doing so as the table grew, 45 s for 1,000 keys
     * at 175,000 items. Planning the lookup each time costs well under a millisecond.
     */
    static final String PLAN_EACH_TIME = "SET plan_cache_mode = force_custom_plan";
    static final String PLAN_AS_USUAL = "RESET plan_cache_mode";
    /** H2 plans its {@code IN} lists on the unique index. Parameters: the workflow, the keys. */
    static final String BY_CLIENT_KEYS_H2 = "SELECT " + ItemColumns.LIST + " FROM task_item WHERE workflow_key = ? "
            + "AND client_key = ANY (?)";

    /** The items some client keys of a workflow name, by client key: one query for a whole batch. */
    public Map<String, StoredItem> findByClientKeys(Connection c, String workflowKey, Collection<String> clientKeys)
            throws SQLException {
        Map<String, StoredItem> items = new HashMap<>();
        boolean postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        if (postgres) {
            execute(c, PLAN_EACH_TIME);
        }
        try (PreparedStatement select = c.prepareStatement(postgres ? BY_CLIENT_KEYS_POSTGRES : BY_CLIENT_KEYS_H2)) {
            select.setArray(postgres ? 1 : 2, c.createArrayOf("VARCHAR", clientKeys.toArray()));
            select.setString(postgres ? 2 : 1, workflowKey);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredItem item = ItemColumns.item(rows);
                    items.put(item.item().clientKey(), item);
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (postgres) {
                // in a transaction the failure aborted, its rollback undoes the setting; this fails then
                try {
                    execute(c, PLAN_AS_USUAL);
                } catch (SQLException resetFailed) {
                    e.addSuppressed(resetFailed);
                }
            }
            throw e;
        }
        if (postgres) {
            execute(c, PLAN_AS_USUAL);
        }
        return items;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
