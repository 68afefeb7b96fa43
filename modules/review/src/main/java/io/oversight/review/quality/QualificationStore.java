package io.oversight.review.quality;

import jakarta.enterprise.context.ApplicationScoped;
import io.oversight.kernel.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reviewers' qualifications per workflow (table {@code task_qualification}, see ADR 0022's ownership map). */
@ApplicationScoped
public class QualificationStore {

    /**
     * A reviewer may claim from a workflow's queues up to {@code maxTier}; with {@code mayRevealPii}
     * they may reveal the personal data of an item they hold (each reveal is a ledger entry).
     */
    public record Qualification(String principal, String workflowKey, int maxTier, boolean mayRevealPii,
            Instant grantedAt) {
    }

    public List<Qualification> qualificationsOf(Connection c, String principal) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT principal, workflow_key, max_tier, granted_at, may_reveal_pii "
                + "FROM task_qualification WHERE principal = ? ORDER BY workflow_key")) {
            select.setString(1, principal);
            return qualifications(select);
        }
    }

    public List<Qualification> allQualifications(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT principal, workflow_key, max_tier, granted_at, may_reveal_pii "
                + "FROM task_qualification ORDER BY principal, workflow_key")) {
            return qualifications(select);
        }
    }

    public Optional<Qualification> qualification(Connection c, String principal, String workflowKey)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT principal, workflow_key, max_tier, granted_at, may_reveal_pii "
                + "FROM task_qualification WHERE principal = ? AND workflow_key = ?")) {
            select.setString(1, principal);
            select.setString(2, workflowKey);
            return qualifications(select).stream().findFirst();
        }
    }

    /** Who may claim from a workflow's queue of {@code tier}: qualified up to it at least, and not paused there. */
    public java.util.Set<String> eligible(Connection c, String workflowKey, int tier) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT q.principal FROM task_qualification q "
                + "WHERE q.workflow_key = ? AND q.max_tier >= ? AND NOT EXISTS (SELECT 1 FROM task_reviewer_pause p "
                + "WHERE p.reviewer = q.principal AND p.workflow_key = q.workflow_key AND p.resumed_at IS NULL)")) {
            select.setString(1, workflowKey);
            select.setInt(2, tier);
            java.util.Set<String> principals = new java.util.HashSet<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    principals.add(r.getString(1));
                }
            }
            return principals;
        }
    }

    public void grant(Connection c, Qualification q) throws SQLException {
        revoke(c, q.principal(), q.workflowKey());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_qualification "
                + "(principal, workflow_key, max_tier, granted_at, may_reveal_pii) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, q.principal());
            insert.setString(2, q.workflowKey());
            insert.setInt(3, q.maxTier());
            insert.setObject(4, SqlValues.utc(q.grantedAt()));
            insert.setBoolean(5, q.mayRevealPii());
            insert.executeUpdate();
        }
    }

    public boolean revoke(Connection c, String principal, String workflowKey) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM task_qualification WHERE principal = ? AND workflow_key = ?")) {
            delete.setString(1, principal);
            delete.setString(2, workflowKey);
            return delete.executeUpdate() == 1;
        }
    }

    private static List<Qualification> qualifications(PreparedStatement select) throws SQLException {
        List<Qualification> list = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                list.add(new Qualification(r.getString(1), r.getString(2), r.getInt(3), r.getBoolean(5),
                        SqlValues.instant(r, 4).orElseThrow()));
            }
        }
        return list;
    }
}
