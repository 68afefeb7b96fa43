package io.oversight.tasks.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Items by the key their client gave them, unique per workflow, which makes a repeated prediction a
 * replay of the first rather than a second item. Plain JDBC in the caller's transaction.
 */
@ApplicationScoped
public class ClientKeyStore {

    /** The items some client keys of a workflow name, by client key: one query for a whole batch. */
    public Map<String, StoredItem> findByClientKeys(Connection c, String workflowKey, Collection<String> clientKeys)
            throws SQLException {
        Map<String, StoredItem> items = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + ItemColumns.LIST + " FROM task_item WHERE workflow_key = ? AND client_key = ANY (?)")) {
            select.setString(1, workflowKey);
            select.setArray(2, c.createArrayOf("VARCHAR", clientKeys.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredItem item = ItemColumns.item(rows);
                    items.put(item.item().clientKey(), item);
                }
            }
        }
        return items;
    }
}
