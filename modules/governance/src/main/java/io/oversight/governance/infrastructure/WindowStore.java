package io.oversight.governance.infrastructure;

import io.oversight.governance.MonitorGrain;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Monitor window aggregates per workflow, subject, grain and window start (table {@code gov_window}). */
@ApplicationScoped
public class WindowStore {

    /** A window's identity. */
    public record WindowKey(String workflowKey, String subject, MonitorGrain grain, Instant start) {
    }

    private static final String AGGREGATE_COLUMNS = String.join(", ", WindowAggregate.COLUMN_NAMES);

    public Optional<WindowAggregate> window(Connection c, WindowKey key) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + AGGREGATE_COLUMNS + " FROM gov_window "
                + "WHERE workflow_key = ? AND subject = ? AND grain = ? AND window_start = ?")) {
            q.setString(1, key.workflowKey());
            q.setString(2, key.subject());
            q.setString(3, key.grain().name());
            q.setObject(4, JdbcValues.utc(key.start()));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(aggregate(rs, 1)) : Optional.empty();
            }
        }
    }

    /** Windows of a subject and grain that start in [from, to), oldest first. */
    public Map<Instant, WindowAggregate> windows(Connection c, String workflowKey, String subject,
            MonitorGrain grain, Instant from, Instant to) throws SQLException {
        Map<Instant, WindowAggregate> windows = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT window_start, " + AGGREGATE_COLUMNS + " FROM gov_window "
                + "WHERE workflow_key = ? AND subject = ? AND grain = ? AND window_start >= ? AND window_start < ? "
                + "ORDER BY window_start")) {
            q.setString(1, workflowKey);
            q.setString(2, subject);
            q.setString(3, grain.name());
            q.setObject(4, JdbcValues.utc(from));
            q.setObject(5, JdbcValues.utc(to));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    windows.put(JdbcValues.instant(rs, 1), aggregate(rs, 2));
                }
            }
        }
        return windows;
    }

    /** Subjects with windows of a grain in a workflow (snapshots and reviewers that have data). */
    public List<String> subjects(Connection c, String workflowKey, MonitorGrain grain, Instant from, Instant to)
            throws SQLException {
        List<String> subjects = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT subject FROM gov_window WHERE workflow_key = ? "
                + "AND grain = ? AND window_start >= ? AND window_start < ? ORDER BY subject")) {
            q.setString(1, workflowKey);
            q.setString(2, grain.name());
            q.setObject(3, JdbcValues.utc(from));
            q.setObject(4, JdbcValues.utc(to));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
            }
        }
        return subjects;
    }

    public void saveWindow(Connection c, WindowKey key, WindowAggregate aggregate, boolean exists, Instant now)
            throws SQLException {
        Object[] values = aggregate.columns();
        String sql;
        if (exists) {
            StringBuilder set = new StringBuilder();
            for (String column : WindowAggregate.COLUMN_NAMES) {
                set.append(column).append(" = ?, ");
            }
            sql = "UPDATE gov_window SET " + set + "updated_at = ? WHERE workflow_key = ? AND subject = ? AND grain = ? "
                    + "AND window_start = ?";
        } else {
            sql = "INSERT INTO gov_window (" + AGGREGATE_COLUMNS + ", updated_at, workflow_key, subject, grain, window_start) "
                    + "VALUES (" + "?, ".repeat(values.length) + "?, ?, ?, ?, ?)";
        }
        try (PreparedStatement write = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values) {
                write.setObject(i++, value);
            }
            write.setObject(i++, JdbcValues.utc(now));
            write.setString(i++, key.workflowKey());
            write.setString(i++, key.subject());
            write.setString(i++, key.grain().name());
            write.setObject(i, JdbcValues.utc(key.start()));
            write.executeUpdate();
        }
    }

    private static WindowAggregate aggregate(ResultSet rs, int first) throws SQLException {
        Object[] values = new Object[WindowAggregate.COLUMN_NAMES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getObject(first + i);
        }
        return WindowAggregate.fromColumns(values);
    }
}
