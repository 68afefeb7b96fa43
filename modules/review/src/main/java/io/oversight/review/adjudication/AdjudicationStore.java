package io.oversight.review.adjudication;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.jsonArray;
import static io.oversight.kernel.SqlValues.strings;
import static io.oversight.kernel.SqlValues.utc;
import jakarta.enterprise.context.ApplicationScoped;
import io.oversight.tasks.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The adjudication queue (table {@code task_adjudication}), leased like tasks. */
@ApplicationScoped
public class AdjudicationStore {

    private static final String ADJUDICATION_COLUMNS = "id, item_id, workflow_key, status, holder, lease_expires_at, "
            + "created_at, completed_at, completed_by, verdict, result_labels, result_output, rationale";

    public record Adjudication(String id, String itemId, String workflowKey, String status, Optional<String> holder,
            Optional<Instant> leaseExpiresAt, Instant createdAt, Optional<Instant> completedAt,
            Optional<String> completedBy, Optional<Verdict> verdict, List<String> labels, Optional<String> output,
            Optional<String> rationale) {
    }

    public record AdjudicationCounts(String workflowKey, long open, long claimed) {
    }

    public void insertAdjudication(Connection c, String id, String itemId, String workflowKey, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_adjudication (id, item_id, workflow_key, "
                + "status, created_at) VALUES (?, ?, ?, 'OPEN', ?)")) {
            insert.setString(1, id);
            insert.setString(2, itemId);
            insert.setString(3, workflowKey);
            insert.setObject(4, utc(at));
            insert.executeUpdate();
        }
    }

    /**
     * Oldest adjudications of a workflow the adjudicator may take: open, or claimed under a lease
     * that ran out, and of an item they did not review themselves (separation of duties).
     */
    public List<String> adjudicationCandidates(Connection c, String workflowKey, String adjudicator, Instant now,
            int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT a.id FROM task_adjudication a WHERE a.workflow_key = ? "
                + "AND (a.status = 'OPEN' OR (a.status = 'CLAIMED' AND a.lease_expires_at < ?)) "
                + "AND NOT EXISTS (SELECT 1 FROM task_item_reviewer r WHERE r.item_id = a.item_id AND r.reviewer = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM task_task t WHERE t.item_id = a.item_id AND t.completed_by = ?) "
                + "ORDER BY a.created_at, a.id LIMIT ?")) {
            select.setString(1, workflowKey);
            select.setObject(2, utc(now));
            select.setString(3, adjudicator);
            select.setString(4, adjudicator);
            select.setInt(5, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** Takes an adjudication; the conditions make two adjudicators holding one impossible. */
    public boolean claimAdjudication(Connection c, String id, String adjudicator, Instant now, Instant leaseEnd)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_adjudication SET status = 'CLAIMED', holder = ?, "
                + "lease_expires_at = ? WHERE id = ? AND (status = 'OPEN' OR (status = 'CLAIMED' AND lease_expires_at < ?))")) {
            update.setString(1, adjudicator);
            update.setObject(2, utc(leaseEnd));
            update.setString(3, id);
            update.setObject(4, utc(now));
            return update.executeUpdate() == 1;
        }
    }

    public boolean releaseAdjudication(Connection c, String id, String adjudicator) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_adjudication SET status = 'OPEN', holder = NULL, "
                + "lease_expires_at = NULL WHERE id = ? AND status = 'CLAIMED' AND holder = ?")) {
            update.setString(1, id);
            update.setString(2, adjudicator);
            return update.executeUpdate() == 1;
        }
    }

    public boolean completeAdjudication(Connection c, String id, String adjudicator, Verdict verdict,
            List<String> labels, Optional<String> output, String rationale, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_adjudication SET status = 'COMPLETED', "
                + "holder = NULL, lease_expires_at = NULL, completed_at = ?, completed_by = ?, verdict = ?, "
                + "result_labels = ?, result_output = ?, rationale = ? WHERE id = ? AND status = 'CLAIMED' AND holder = ?")) {
            update.setObject(1, utc(at));
            update.setString(2, adjudicator);
            update.setString(3, verdict.name());
            update.setString(4, jsonArray(labels));
            update.setString(5, output.orElse(null));
            update.setString(6, rationale);
            update.setString(7, id);
            update.setString(8, adjudicator);
            return update.executeUpdate() == 1;
        }
    }

    public Optional<Adjudication> adjudication(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ADJUDICATION_COLUMNS
                + " FROM task_adjudication WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            List<Adjudication> found = adjudications(select);
            return found.stream().findFirst();
        }
    }

    /** The adjudication of an item, if its reviews ever disagreed (at most one per item). */
    public Optional<Adjudication> adjudicationOfItem(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ADJUDICATION_COLUMNS
                + " FROM task_adjudication WHERE item_id = ?")) {
            select.setString(1, itemId);
            return adjudications(select).stream().findFirst();
        }
    }

    public List<Adjudication> adjudicationsHeldBy(Connection c, String adjudicator) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ADJUDICATION_COLUMNS
                + " FROM task_adjudication WHERE status = 'CLAIMED' AND holder = ? ORDER BY created_at")) {
            select.setString(1, adjudicator);
            return adjudications(select);
        }
    }

    /** Completed adjudications of a workflow since {@code since}, oldest first (for lead times). */
    public List<Adjudication> completedAdjudications(Connection c, String workflowKey, Instant since)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ADJUDICATION_COLUMNS + " FROM task_adjudication "
                + "WHERE workflow_key = ? AND status = 'COMPLETED' AND completed_at >= ? ORDER BY completed_at")) {
            select.setString(1, workflowKey);
            select.setObject(2, utc(since));
            return adjudications(select);
        }
    }

    public List<AdjudicationCounts> adjudicationCounts(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT workflow_key, "
                + "SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'CLAIMED' THEN 1 ELSE 0 END) "
                + "FROM task_adjudication WHERE status <> 'COMPLETED' GROUP BY workflow_key ORDER BY workflow_key")) {
            List<AdjudicationCounts> counts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new AdjudicationCounts(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return counts;
        }
    }

    private static List<Adjudication> adjudications(PreparedStatement select) throws SQLException {
        List<Adjudication> found = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                found.add(new Adjudication(r.getString("id"), r.getString("item_id"), r.getString("workflow_key"),
                        r.getString("status"), Optional.ofNullable(r.getString("holder")), instant(r, "lease_expires_at"),
                        instant(r, "created_at").orElseThrow(), instant(r, "completed_at"),
                        Optional.ofNullable(r.getString("completed_by")),
                        Optional.ofNullable(r.getString("verdict")).map(Verdict::valueOf),
                        strings(r.getString("result_labels")), Optional.ofNullable(r.getString("result_output")),
                        Optional.ofNullable(r.getString("rationale"))));
            }
        }
        return found;
    }
}
