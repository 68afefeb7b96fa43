package io.oversight.governance.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import io.oversight.governance.AlertRule;
import io.oversight.governance.DriftField;
import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Monitor settings and alert rules (with their hysteresis state), plain JDBC. */
@ApplicationScoped
public class MonitorConfigStore {

    public MonitorSettings settings(Connection c, String workflowKey) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT min_n, reference_size, reference_from, reference_to, gate_min_n, "
                + "gate_min_agreement, gate_margin, advice_target, drift_fields FROM gov_monitor_settings WHERE workflow_key = ?")) {
            q.setString(1, workflowKey);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return MonitorSettings.defaults(workflowKey);
                }
                int gateMinN = rs.getInt(5);
                boolean gated = !rs.wasNull();
                double minAgreement = rs.getDouble(6);
                double margin = rs.getDouble(7);
                Optional<Double> m = rs.wasNull() ? Optional.empty() : Optional.of(margin);
                return new MonitorSettings(workflowKey, rs.getInt(1), rs.getInt(2),
                        Optional.ofNullable(JdbcValues.optionalInstant(rs, 3)),
                        Optional.ofNullable(JdbcValues.optionalInstant(rs, 4)),
                        gated ? Optional.of(new MonitorSettings.AcceptanceCriteria(gateMinN, minAgreement, m)) : Optional.empty(),
                        rs.getDouble(8), driftFields(rs.getString(9)));
            }
        }
    }

    public void saveSettings(Connection c, MonitorSettings s) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM gov_monitor_settings WHERE workflow_key = ?")) {
            delete.setString(1, s.workflowKey());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gov_monitor_settings (workflow_key, min_n, "
                + "reference_size, reference_from, reference_to, gate_min_n, gate_min_agreement, gate_margin, advice_target, "
                + "drift_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, s.workflowKey());
            insert.setInt(2, s.minN());
            insert.setInt(3, s.referenceSize());
            insert.setObject(4, s.referenceFrom().map(JdbcValues::utc).orElse(null));
            insert.setObject(5, s.referenceTo().map(JdbcValues::utc).orElse(null));
            Optional<MonitorSettings.AcceptanceCriteria> gate = s.acceptance();
            if (gate.isPresent()) {
                insert.setInt(6, gate.get().minN());
                insert.setDouble(7, gate.get().minAgreement());
            } else {
                insert.setNull(6, Types.INTEGER);
                insert.setNull(7, Types.DOUBLE);
            }
            if (gate.flatMap(MonitorSettings.AcceptanceCriteria::margin).isPresent()) {
                insert.setDouble(8, gate.get().margin().get());
            } else {
                insert.setNull(8, Types.DOUBLE);
            }
            insert.setDouble(9, s.adviceTarget());
            insert.setString(10, encode(s.driftFields()));
            insert.executeUpdate();
        }
    }

    // path:KIND pairs, comma separated; paths are dotted identifiers, so neither separator occurs in them
    private static String encode(List<DriftField> fields) {
        return String.join(",", fields.stream().map(f -> f.path() + ":" + f.kind().name()).toList());
    }

    private static List<DriftField> driftFields(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(pair -> pair.split(":"))
                .map(p -> new DriftField(p[0], DriftField.Kind.valueOf(p[1]))).toList();
    }

    private static final String RULE_COLUMNS = "id, workflow_key, monitor, grain, direction, threshold, min_n, severity, "
            + "open_after, close_after, created_at, episode_open, streak, evaluated_to, open_alert_id, field";

    public List<AlertRule> rules(Connection c, Optional<String> workflowKey) throws SQLException {
        List<AlertRule> rules = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + RULE_COLUMNS + " FROM gov_alert_rule"
                + (workflowKey.isPresent() ? " WHERE workflow_key = ?" : "") + " ORDER BY workflow_key, monitor, id")) {
            if (workflowKey.isPresent()) {
                q.setString(1, workflowKey.get());
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rules.add(new AlertRule(rs.getString(1), rs.getString(2), Monitor.valueOf(rs.getString(3)),
                            Optional.ofNullable(rs.getString(16)), MonitorGrain.valueOf(rs.getString(4)), AlertRule.Direction.valueOf(rs.getString(5)),
                            rs.getDouble(6), rs.getInt(7), AlertRule.Severity.valueOf(rs.getString(8)), rs.getInt(9),
                            rs.getInt(10), JdbcValues.instant(rs, 11), rs.getBoolean(12), rs.getInt(13),
                            Optional.ofNullable(JdbcValues.optionalInstant(rs, 14)), Optional.ofNullable(rs.getString(15))));
                }
            }
        }
        return rules;
    }

    public void insertRule(Connection c, AlertRule r) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gov_alert_rule (" + RULE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, r.id());
            insert.setString(2, r.workflowKey());
            insert.setString(3, r.monitor().name());
            insert.setString(4, r.grain().name());
            insert.setString(5, r.direction().name());
            insert.setDouble(6, r.threshold());
            insert.setInt(7, r.minN());
            insert.setString(8, r.severity().name());
            insert.setInt(9, r.openAfter());
            insert.setInt(10, r.closeAfter());
            insert.setObject(11, JdbcValues.utc(r.createdAt()));
            insert.setBoolean(12, r.episodeOpen());
            insert.setInt(13, r.streak());
            insert.setObject(14, r.evaluatedTo().map(JdbcValues::utc).orElse(null));
            insert.setString(15, r.openAlertId().orElse(null));
            insert.setString(16, r.field().orElse(null));
            insert.executeUpdate();
        }
    }

    public void saveRuleState(Connection c, String id, boolean open, int streak, Instant evaluatedTo,
            Optional<String> openAlertId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE gov_alert_rule SET episode_open = ?, streak = ?, "
                + "evaluated_to = ?, open_alert_id = ? WHERE id = ?")) {
            update.setBoolean(1, open);
            update.setInt(2, streak);
            update.setObject(3, JdbcValues.utc(evaluatedTo));
            update.setString(4, openAlertId.orElse(null));
            update.setString(5, id);
            update.executeUpdate();
        }
    }

    /** Deletes a rule with no open episode; false when it does not exist or has one open. */
    public boolean deleteRule(Connection c, String id) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM gov_alert_rule WHERE id = ? AND episode_open = FALSE")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        }
    }
}
