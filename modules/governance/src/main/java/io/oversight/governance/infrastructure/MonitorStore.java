package io.oversight.governance.infrastructure;

import io.oversight.governance.MonitorAlert;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.domain.monitoring.Counts;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import io.oversight.governance.domain.stats.Histogram;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Monitoring's SQL, plain JDBC on a connection the caller owns (enlisted in its JTA transaction on
 * the server, a plain connection in tests): the observation outbox, window aggregates, drift
 * references, the tick's lock row, alert rules and alerts. Portable between H2 and PostgreSQL.
 */
public final class MonitorStore {

    private MonitorStore() {
    }

    /** One outbox row. Fields unused by a kind are empty. */
    public record Observation(long id, String workflowKey, String snapshotId, String kind, Instant at,
            Optional<Double> score, Optional<String> label, Optional<String> detail, Optional<Boolean> agreed,
            Optional<Long> amount) {
    }

    public static void insertObservations(Connection c, List<Observation> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gov_observation (workflow_key, snapshot_id, kind, "
                + "occurred_at, score, label, detail, agreed, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Observation o : rows) {
                insert.setString(1, o.workflowKey());
                insert.setString(2, o.snapshotId());
                insert.setString(3, o.kind());
                insert.setObject(4, utc(o.at()));
                setDouble(insert, 5, o.score());
                insert.setString(6, o.label().orElse(null));
                insert.setString(7, o.detail().orElse(null));
                if (o.agreed().isPresent()) {
                    insert.setBoolean(8, o.agreed().get());
                } else {
                    insert.setNull(8, Types.BOOLEAN);
                }
                if (o.amount().isPresent()) {
                    insert.setLong(9, o.amount().get());
                } else {
                    insert.setNull(9, Types.BIGINT);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Takes the tick's lock row, or answers false at once when another server's tick holds it (no
     * waiting: that server is doing this round's work).
     */
    public static boolean tryLockHead(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT ticks FROM gov_monitor_head WHERE id = 1 FOR UPDATE SKIP LOCKED");
                ResultSet rs = lock.executeQuery()) {
            return rs.next();
        }
    }

    public static void recordTick(Connection c, Instant now, String holder) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE gov_monitor_head SET ticks = ticks + 1, last_tick_at = ?, last_tick_holder = ? WHERE id = 1")) {
            update.setObject(1, utc(now));
            update.setString(2, holder);
            update.executeUpdate();
        }
    }

    public static long ticks(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT ticks FROM gov_monitor_head WHERE id = 1");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The oldest committed observations, at most {@code limit}. */
    public static List<Observation> oldestObservations(Connection c, int limit) throws SQLException {
        List<Observation> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, workflow_key, snapshot_id, kind, occurred_at, score, label, "
                + "detail, agreed, amount FROM gov_observation ORDER BY id LIMIT ?")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(6);
                    Optional<Double> s = rs.wasNull() ? Optional.empty() : Optional.of(score);
                    boolean agreed = rs.getBoolean(9);
                    Optional<Boolean> a = rs.wasNull() ? Optional.empty() : Optional.of(agreed);
                    long amount = rs.getLong(10);
                    Optional<Long> m = rs.wasNull() ? Optional.empty() : Optional.of(amount);
                    rows.add(new Observation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5), s, Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                            a, m));
                }
            }
        }
        return rows;
    }

    /**
     * Deletes exactly the observations folded in (by id, never by range: a transaction that took a
     * lower id may commit after this read, and its row must wait for the next tick).
     */
    public static void deleteObservations(Connection c, List<Observation> rows) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM gov_observation WHERE id = ?")) {
            for (Observation o : rows) {
                delete.setLong(1, o.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    public static long pendingObservations(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM gov_observation"); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A window's identity. */
    public record WindowKey(String workflowKey, String subject, MonitorGrain grain, Instant start) {
    }

    private static final String AGGREGATE_COLUMNS = String.join(", ", WindowAggregate.COLUMN_NAMES);

    public static Optional<WindowAggregate> window(Connection c, WindowKey key) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + AGGREGATE_COLUMNS + " FROM gov_window "
                + "WHERE workflow_key = ? AND subject = ? AND grain = ? AND window_start = ?")) {
            q.setString(1, key.workflowKey());
            q.setString(2, key.subject());
            q.setString(3, key.grain().name());
            q.setObject(4, utc(key.start()));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(aggregate(rs, 1)) : Optional.empty();
            }
        }
    }

    /** Windows of a subject and grain that start in [from, to), oldest first. */
    public static Map<Instant, WindowAggregate> windows(Connection c, String workflowKey, String subject,
            MonitorGrain grain, Instant from, Instant to) throws SQLException {
        Map<Instant, WindowAggregate> windows = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT window_start, " + AGGREGATE_COLUMNS + " FROM gov_window "
                + "WHERE workflow_key = ? AND subject = ? AND grain = ? AND window_start >= ? AND window_start < ? "
                + "ORDER BY window_start")) {
            q.setString(1, workflowKey);
            q.setString(2, subject);
            q.setString(3, grain.name());
            q.setObject(4, utc(from));
            q.setObject(5, utc(to));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    windows.put(instant(rs, 1), aggregate(rs, 2));
                }
            }
        }
        return windows;
    }

    /** Subjects with windows of a grain in a workflow (snapshots and reviewers that have data). */
    public static List<String> subjects(Connection c, String workflowKey, MonitorGrain grain, Instant from, Instant to)
            throws SQLException {
        List<String> subjects = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT subject FROM gov_window WHERE workflow_key = ? "
                + "AND grain = ? AND window_start >= ? AND window_start < ? ORDER BY subject")) {
            q.setString(1, workflowKey);
            q.setString(2, grain.name());
            q.setObject(3, utc(from));
            q.setObject(4, utc(to));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
            }
        }
        return subjects;
    }

    public static void saveWindow(Connection c, WindowKey key, WindowAggregate aggregate, boolean exists, Instant now)
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
            write.setObject(i++, utc(now));
            write.setString(i++, key.workflowKey());
            write.setString(i++, key.subject());
            write.setString(i++, key.grain().name());
            write.setObject(i, utc(key.start()));
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

    /** A drift reference: its predictions' confidence histogram and label counts. */
    public record Reference(long predictions, Histogram confidence, Map<String, Long> labels) {
    }

    public static Optional<Reference> reference(Connection c, String workflowKey, String subject) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT predictions, confidence_hist, label_counts FROM gov_reference "
                + "WHERE workflow_key = ? AND subject = ?")) {
            q.setString(1, workflowKey);
            q.setString(2, subject);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Reference(rs.getLong(1), Histogram.decode(rs.getString(2)),
                        Counts.decode(rs.getString(3)))) : Optional.empty();
            }
        }
    }

    public static void saveReference(Connection c, String workflowKey, String subject, Reference reference, boolean exists)
            throws SQLException {
        String sql = exists
                ? "UPDATE gov_reference SET predictions = ?, confidence_hist = ?, label_counts = ? WHERE workflow_key = ? AND subject = ?"
                : "INSERT INTO gov_reference (predictions, confidence_hist, label_counts, workflow_key, subject) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setLong(1, reference.predictions());
            write.setString(2, reference.confidence().encode());
            write.setString(3, Counts.encode(reference.labels()));
            write.setString(4, workflowKey);
            write.setString(5, subject);
            write.executeUpdate();
        }
    }

    // --- alerts -------------------------------------------------------------------------------------

    public static void insertAlert(Connection c, MonitorAlert a, Optional<Instant> openedWindow) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gov_alert (id, source, workflow_key, rule_id, monitor, "
                + "severity, summary, opened_at, opened_window, opened_value, opened_n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, a.id());
            insert.setString(2, a.source());
            insert.setString(3, a.workflowKey());
            insert.setString(4, a.ruleId().orElse(null));
            insert.setString(5, a.monitor());
            insert.setString(6, a.severity());
            insert.setString(7, a.summary());
            insert.setObject(8, utc(a.openedAt()));
            insert.setObject(9, openedWindow.map(MonitorStore::utc).orElse(null));
            setDouble(insert, 10, a.openedValue());
            if (a.openedN().isPresent()) {
                insert.setLong(11, a.openedN().get());
            } else {
                insert.setNull(11, Types.BIGINT);
            }
            insert.executeUpdate();
        }
    }

    /** Closes an open alert; false when it was not open. */
    public static boolean closeAlert(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE gov_alert SET closed_at = ? WHERE id = ? AND closed_at IS NULL")) {
            update.setObject(1, utc(at));
            update.setString(2, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Records an acknowledgement; false when the alert was already acknowledged. */
    public static boolean acknowledge(Connection c, String id, String by, String note, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE gov_alert SET acknowledged_by = ?, acknowledged_at = ?, "
                + "acknowledge_note = ? WHERE id = ? AND acknowledged_at IS NULL")) {
            update.setString(1, by);
            update.setObject(2, utc(at));
            update.setString(3, note);
            update.setString(4, id);
            return update.executeUpdate() == 1;
        }
    }

    private static final String ALERT_COLUMNS = "id, source, workflow_key, rule_id, monitor, severity, summary, opened_at, "
            + "opened_value, opened_n, closed_at, acknowledged_by, acknowledged_at, acknowledge_note";

    public static Optional<MonitorAlert> alert(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM gov_alert WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
            }
        }
    }

    /** Alerts open at some time in [from, to), newest first, at most {@code limit}. */
    public static List<MonitorAlert> alerts(Connection c, Optional<String> workflowKey, Instant from, Instant to, int limit)
            throws SQLException {
        List<MonitorAlert> alerts = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM gov_alert WHERE opened_at < ? "
                + "AND (closed_at IS NULL OR closed_at >= ?)" + (workflowKey.isPresent() ? " AND workflow_key = ?" : "")
                + " ORDER BY opened_at DESC, id LIMIT ?")) {
            q.setObject(1, utc(to));
            q.setObject(2, utc(from));
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
                rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), v, count,
                Optional.ofNullable(optionalInstant(rs, 11)), Optional.ofNullable(rs.getString(12)),
                Optional.ofNullable(optionalInstant(rs, 13)), Optional.ofNullable(rs.getString(14)));
    }

    // --- helpers --------------------------------------------------------------------------------------

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Instant at = optionalInstant(rs, column);
        if (at == null) {
            throw new SQLException("column " + column + " is unexpectedly NULL");
        }
        return at;
    }

    static Instant optionalInstant(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static void setDouble(PreparedStatement statement, int index, Optional<Double> value) throws SQLException {
        if (value.isPresent()) {
            statement.setDouble(index, value.get());
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }
}
