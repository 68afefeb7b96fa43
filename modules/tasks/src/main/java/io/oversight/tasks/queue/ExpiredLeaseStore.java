package io.oversight.tasks.queue;

import static io.oversight.kernel.SqlValues.utc;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claimed tasks whose lease ran out, as the lease reaper finds them before reopening each through
 * {@link TaskStore#reopen}. Plain JDBC in the caller's transaction.
 */
@ApplicationScoped
public class ExpiredLeaseStore {

    /** A claimed task whose lease ran out. */
    public record ExpiredLease(String taskId, String itemId, String workflowKey, int tier, String holder) {
    }

    /** Who holds leases that ran out before {@code now} (read without locking). */
    public List<String> expiredLeaseHolders(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT lease_holder FROM task_task "
                + "WHERE status = 'CLAIMED' AND lease_expires_at < ? LIMIT ?")) {
            select.setObject(1, utc(now));
            select.setInt(2, limit);
            List<String> holders = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    holders.add(rows.getString(1));
                }
            }
            return holders;
        }
    }

    /** Claimed tasks whose lease ran out before {@code now}, locked for the caller, oldest first. */
    public List<ExpiredLease> lockExpiredLeases(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, item_id, workflow_key, tier, lease_holder "
                + "FROM task_task WHERE status = 'CLAIMED' AND lease_expires_at < ? "
                + "ORDER BY lease_expires_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setObject(1, utc(now));
            select.setInt(2, limit);
            List<ExpiredLease> expired = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expired.add(new ExpiredLease(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getString(5)));
                }
            }
            return expired;
        }
    }
}
