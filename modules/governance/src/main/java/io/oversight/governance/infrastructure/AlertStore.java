package io.oversight.governance.infrastructure;

import io.oversight.governance.MonitorAlert;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Alerts, of monitor rules and of queue SLAs (table {@code gov_alert}). */
@ApplicationScoped
public class AlertStore {

    public void insertAlert(Connection c, MonitorAlert a, Optional<Instant> openedWindow) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gov_alert (id, source, workflow_key, rule_id, monitor, "
                + "severity, summary, opened_at, opened_window, opened_value, opened_n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, a.id());
            insert.setString(2, a.source());
            insert.setString(3, a.workflowKey());
            insert.setString(4, a.ruleId().orElse(null));
            insert.setString(5, a.monitor());
            insert.setString(6, a.severity());
            insert.setString(7, a.summary());
            insert.setObject(8, JdbcValues.utc(a.openedAt()));
            insert.setObject(9, openedWindow.map(JdbcValues::utc).orElse(null));
            JdbcValues.setDouble(insert, 10, a.openedValue());
            if (a.openedN().isPresent()) {
                insert.setLong(11, a.openedN().get());
            } else {
                insert.setNull(11, Types.BIGINT);
            }
            insert.executeUpdate();
        }
    }

    /** Closes an open alert; false when it was not open. */
    public boolean closeAlert(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE gov_alert SET closed_at = ? WHERE id = ? AND closed_at IS NULL")) {
            update.setObject(1, JdbcValues.utc(at));
            update.setString(2, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Records an acknowledgement; false when the alert was already acknowledged. */
    public boolean acknowledge(Connection c, String id, String by, String note, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE gov_alert SET acknowledged_by = ?, acknowledged_at = ?, "
                + "acknowledge_note = ? WHERE id = ? AND acknowledged_at IS NULL")) {
            update.setString(1, by);
            update.setObject(2, JdbcValues.utc(at));
            update.setString(3, note);
            update.setString(4, id);
            return update.executeUpdate() == 1;
        }
    }

    private static final String ALERT_COLUMNS = "id, source, workflow_key, rule_id, monitor, severity, summary, opened_at, "
            + "opened_value, opened_n, closed_at, acknowledged_by, acknowledged_at, acknowledge_note";

    public Optional<MonitorAlert> alert(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM gov_alert WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
            }
        }
    }

    /** Alerts open at some time in [from, to), newest first, at most {@code limit}. */
    public List<MonitorAlert> alerts(Connection c, Optional<String> workflowKey, Instant from, Instant to, int limit)
            throws SQLException {
        List<MonitorAlert> alerts = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM gov_alert WHERE opened_at < ? "
                + "AND (closed_at IS NULL OR closed_at >= ?)" + (workflowKey.isPresent() ? " AND workflow_key = ?" : "")
                + " ORDER BY opened_at DESC, id LIMIT ?")) {
            q.setObject(1, JdbcValues.utc(to));
            q.setObject(2, JdbcValues.utc(from));
            int i = 3;
            if (workflowKey.isPresent()) {
                q.setString(i++, workflowKey.get());
            }
            q.setInt(i, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    alerts.add(alert(rs));
                }
            }
        }
        return alerts;
    }

    private static MonitorAlert alert(ResultSet rs) throws SQLException {
        double value = rs.getDouble(9);
        Optional<Double> v = rs.wasNull() ? Optional.empty() : Optional.of(value);
        long n = rs.getLong(10);
        Optional<Long> count = rs.wasNull() ? Optional.empty() : Optional.of(n);
        return new MonitorAlert(rs.getString(1), rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), JdbcValues.instant(rs, 8), v, count,
                Optional.ofNullable(JdbcValues.optionalInstant(rs, 11)), Optional.ofNullable(rs.getString(12)),
                Optional.ofNullable(JdbcValues.optionalInstant(rs, 13)), Optional.ofNullable(rs.getString(14)));
    }
}
