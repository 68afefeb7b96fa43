package io.oversight.tasks.queue;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who has had an item (table {@code task_item_reviewer}: reviewed it, skipped it or holds one of its
 * slots) and who may never have it (table {@code task_item_exclusion}, conflict of interest). Plain
 * JDBC in the caller's transaction.
 */
@ApplicationScoped
public class ItemReviewerStore {

    public void addItemReviewer(Connection c, String itemId, String reviewer, String taskId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO task_item_reviewer (item_id, reviewer, task_id) VALUES (?, ?, ?)")) {
            insert.setString(1, itemId);
            insert.setString(2, reviewer);
            insert.setString(3, taskId);
            insert.executeUpdate();
        }
    }

    public void removeItemReviewer(Connection c, String itemId, String reviewer) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM task_item_reviewer WHERE item_id = ? AND reviewer = ?")) {
            delete.setString(1, itemId);
            delete.setString(2, reviewer);
            delete.executeUpdate();
        }
    }
    /** Excludes the people of {@code identityDigests} from the item (conflict of interest, found at intake). */
    public void insertExclusions(Connection c, String itemId, Collection<String> identityDigests)
            throws SQLException {
        if (identityDigests.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO task_item_exclusion (item_id, identity_digest) VALUES (?, ?)")) {
            for (String digest : identityDigests) {
                insert.setString(1, itemId);
                insert.setString(2, digest);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
    /** Everyone who has had the item: reviewed it, skipped it or holds one of its slots. */
    public Set<String> itemReviewers(Connection c, String itemId) throws SQLException {
        return column(c, "SELECT reviewer FROM task_item_reviewer WHERE item_id = ?", itemId);
    }

    /** The identity digests of the people excluded from the item (conflict of interest). */
    public Set<String> itemExclusions(Connection c, String itemId) throws SQLException {
        return column(c, "SELECT identity_digest FROM task_item_exclusion WHERE item_id = ?", itemId);
    }

    private static Set<String> column(Connection c, String sql, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, itemId);
            Set<String> values = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
