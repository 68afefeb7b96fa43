package io.oversight.tasks.queue;

import io.oversight.kernel.SqlValues;
import io.oversight.tasks.QueueKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of SLA breach episodes: one state row per queue and measure, one alert row per episode. */
@ApplicationScoped
public class SlaStore {

    public enum Measure { REVIEW_TIME, QUEUE_DEPTH }

    public record State(QueueKey queue, Measure measure, boolean breached, Optional<String> alertId) {
    }

    public record Alert(String id, QueueKey queue, Measure measure, long observed, long target, Instant openedAt,
            Optional<Instant> closedAt) {
    }

    /**
     * The state of a queue's measure, locked for the caller so that two servers' monitors cannot both
     * open the same episode; created (not breached) on first use.
     */
    public State lockState(Connection c, QueueKey queue, Measure measure, Instant now) throws SQLException {
        Optional<State> state = selectForUpdate(c, queue, measure);
        if (state.isPresent()) {
            return state.get();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_sla_state (workflow_key, tier, measure, "
                + "breached, checked_at) VALUES (?, ?, ?, FALSE, ?)")) {
            insert.setString(1, queue.workflowKey());
            insert.setInt(2, queue.tier());
            insert.setString(3, measure.name());
            insert.setObject(4, SqlValues.utc(now));
            insert.executeUpdate();
        }
        return selectForUpdate(c, queue, measure).orElseThrow();
    }

    private static Optional<State> selectForUpdate(Connection c, QueueKey queue, Measure measure) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT breached, alert_id FROM task_sla_state "
                + "WHERE workflow_key = ? AND tier = ? AND measure = ? FOR UPDATE")) {
            select.setString(1, queue.workflowKey());
            select.setInt(2, queue.tier());
            select.setString(3, measure.name());
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(new State(queue, measure, r.getBoolean(1), Optional.ofNullable(r.getString(2))))
                        : Optional.empty();
            }
        }
    }

    public void updateState(Connection c, State state, boolean breached, Optional<String> alertId, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_sla_state SET breached = ?, alert_id = ?, "
                + "checked_at = ? WHERE workflow_key = ? AND tier = ? AND measure = ?")) {
            update.setBoolean(1, breached);
            update.setString(2, alertId.orElse(null));
            update.setObject(3, SqlValues.utc(now));
            update.setString(4, state.queue().workflowKey());
            update.setInt(5, state.queue().tier());
            update.setString(6, state.measure().name());
            update.executeUpdate();
        }
    }

    public void openAlert(Connection c, Alert alert) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_sla_alert (id, workflow_key, tier, measure, "
                + "observed, target, opened_at) VALUES (?,?,?,?,?,?,?)")) {
            insert.setString(1, alert.id());
            insert.setString(2, alert.queue().workflowKey());
            insert.setInt(3, alert.queue().tier());
            insert.setString(4, alert.measure().name());
            insert.setLong(5, alert.observed());
            insert.setLong(6, alert.target());
            insert.setObject(7, SqlValues.utc(alert.openedAt()));
            insert.executeUpdate();
        }
    }

    public void closeAlert(Connection c, String alertId, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_sla_alert SET closed_at = ? WHERE id = ?")) {
            update.setObject(1, SqlValues.utc(at));
            update.setString(2, alertId);
            update.executeUpdate();
        }
    }

    public List<State> breachedStates(Connection c) throws SQLException {
        List<State> states = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT workflow_key, tier, measure, alert_id FROM task_sla_state WHERE breached = TRUE");
                ResultSet r = select.executeQuery()) {
            while (r.next()) {
                states.add(new State(new QueueKey(r.getString(1), r.getInt(2)), Measure.valueOf(r.getString(3)), true,
                        Optional.ofNullable(r.getString(4))));
            }
        }
        return states;
    }

    /** The newest alerts first, open or closed. */
    public List<Alert> recentAlerts(Connection c, int limit) throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, workflow_key, tier, measure, observed, target, "
                + "opened_at, closed_at FROM task_sla_alert ORDER BY opened_at DESC LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    alerts.add(new Alert(r.getString(1), new QueueKey(r.getString(2), r.getInt(3)),
                            Measure.valueOf(r.getString(4)), r.getLong(5), r.getLong(6),
                            SqlValues.instant(r, 7).orElseThrow(), SqlValues.instant(r, 8)));
                }
            }
        }
        return alerts;
    }
}
