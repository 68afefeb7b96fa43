package io.oversight.governance.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The monitor tick's lock row and round counter (table {@code gov_monitor_head}). */
@ApplicationScoped
public class MonitorHeadStore {

    /**
     * Takes the tick's lock row, or answers false at once when another server's tick holds it (no
     * waiting: that server is doing this round's work).
     */
    public boolean tryLockHead(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT ticks FROM gov_monitor_head WHERE id = 1 FOR UPDATE SKIP LOCKED");
                ResultSet rs = lock.executeQuery()) {
            return rs.next();
        }
    }

    public void recordTick(Connection c, Instant now, String holder) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE gov_monitor_head SET ticks = ticks + 1, last_tick_at = ?, last_tick_holder = ? WHERE id = 1")) {
            update.setObject(1, JdbcValues.utc(now));
            update.setString(2, holder);
            update.executeUpdate();
        }
    }

    public long ticks(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT ticks FROM gov_monitor_head WHERE id = 1");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
