package io.oversight.tasks.settings;

import io.oversight.kernel.SqlValues;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.TimeoutOutcome;
import java.net.URI;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL of per-workflow intake settings and of reviewers' qualifications. */
@ApplicationScoped
public class SettingsStore {

    public Optional<IntakeSettings> find(Connection c, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT ordering_method, diversity_lambda, lease_seconds, "
                + "inline_timeout_millis, inline_timeout_outcome, webhook_url, webhook_secret, audit_seed, audit_tier, "
                + "feedback_tier, feedback_priority, conflict_field_paths FROM task_workflow_settings WHERE workflow_key = ?")) {
            select.setString(1, workflowKey);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String paths = r.getString(12);
                return Optional.of(new IntakeSettings(workflowKey, OrderingMethod.valueOf(r.getString(1)), r.getDouble(2),
                        r.getInt(3), r.getInt(4), TimeoutOutcome.valueOf(r.getString(5)),
                        Optional.ofNullable(r.getString(6)).map(URI::create), Optional.ofNullable(r.getString(7)),
                        r.getString(8), r.getInt(9), r.getInt(10), r.getInt(11),
                        paths.isEmpty() ? List.of() : Arrays.asList(paths.split(","))));
            }
        }
    }

    public void save(Connection c, IntakeSettings s, Instant at) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM task_workflow_settings WHERE workflow_key = ?")) {
            delete.setString(1, s.workflowKey());
            delete.executeUpdate();
        }
        insert(c, s, at);
    }

    /** @throws SQLException with an integrity-violation state if the workflow has settings already */
    public void insert(Connection c, IntakeSettings s, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_workflow_settings (workflow_key, "
                + "ordering_method, diversity_lambda, lease_seconds, inline_timeout_millis, inline_timeout_outcome, "
                + "webhook_url, webhook_secret, audit_seed, audit_tier, feedback_tier, feedback_priority, "
                + "conflict_field_paths, changed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            insert.setString(1, s.workflowKey());
            insert.setString(2, s.orderingMethod().name());
            insert.setDouble(3, s.diversityLambda());
            insert.setInt(4, s.leaseSeconds());
            insert.setInt(5, s.inlineTimeoutMillis());
            insert.setString(6, s.inlineTimeoutOutcome().name());
            insert.setString(7, s.webhookUrl().map(URI::toString).orElse(null));
            insert.setString(8, s.webhookSecret().orElse(null));
            insert.setString(9, s.auditSeed());
            insert.setInt(10, s.auditTier());
            insert.setInt(11, s.feedbackTier());
            insert.setInt(12, s.feedbackPriority());
            insert.setString(13, String.join(",", s.conflictFieldPaths()));
            insert.setObject(14, SqlValues.utc(at));
            insert.executeUpdate();
        }
    }
}
