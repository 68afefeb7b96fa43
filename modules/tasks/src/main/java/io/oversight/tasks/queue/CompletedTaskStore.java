package io.oversight.tasks.queue;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.strings;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completed tasks read back: the reviews that decide an item, a workflow's review records, and when a
 * reviewer last worked (for workload limits). Plain JDBC in the caller's transaction.
 */
@ApplicationScoped
public class CompletedTaskStore {

    /** The completed reviews and escalation reviews of an item, which decide it. */
    public List<ItemOutcomes.CompletedReview> completedReviews(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, slot, tier, verdict, result_labels, result_output, "
                + "rationale, completed_by, completed_at FROM task_task WHERE item_id = ? AND status = 'COMPLETED' "
                + "AND purpose IN ('REVIEW', 'ESCALATION') AND NOT gold ORDER BY completed_at, slot")) {
            select.setString(1, itemId);
            List<ItemOutcomes.CompletedReview> reviews = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reviews.add(new ItemOutcomes.CompletedReview(rows.getString(1), rows.getInt(2), rows.getInt(3),
                            Verdict.valueOf(rows.getString(4)), strings(rows.getString(5)),
                            Optional.ofNullable(rows.getString(6)), Optional.ofNullable(rows.getString(7)),
                            rows.getString(8), instant(rows, 9).orElseThrow()));
                }
            }
            return reviews;
        }
    }

    /** Completed reviews (not gold, audit or feedback) of a workflow completed in [from, to), in completion order. */
    public List<ItemOutcomes.ReviewRecord> reviewRecords(Connection c, String workflowKey, Instant from, Instant to, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT t.item_id, t.workflow_key, t.tier, t.completed_by, "
                + "t.verdict, t.result_labels, t.result_output, i.predicted_labels, t.guideline_id, t.completed_at "
                + "FROM task_task t JOIN task_item i ON i.id = t.item_id WHERE t.workflow_key = ? AND t.status = 'COMPLETED' "
                + "AND t.purpose IN ('REVIEW', 'ESCALATION') AND NOT t.gold AND t.verdict IS NOT NULL "
                + "AND t.completed_at >= ? AND t.completed_at < ? ORDER BY t.completed_at, t.id LIMIT ?")) {
            select.setString(1, workflowKey);
            select.setObject(2, utc(from));
            select.setObject(3, utc(to));
            select.setInt(4, limit);
            List<ItemOutcomes.ReviewRecord> records = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    records.add(new ItemOutcomes.ReviewRecord(r.getString(1), r.getString(2), r.getInt(3), r.getString(4),
                            Verdict.valueOf(r.getString(5)), strings(r.getString(6)), Optional.ofNullable(r.getString(7)),
                            strings(r.getString(8)), Optional.ofNullable(r.getString(9)), instant(r, 10).orElseThrow()));
                }
            }
            return records;
        }
    }

    /** When the reviewer last completed a task, per workflow. */
    public Map<String, Instant> lastCompletions(Connection c, String reviewer) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT workflow_key, MAX(completed_at) FROM task_task "
                + "WHERE completed_by = ? GROUP BY workflow_key")) {
            select.setString(1, reviewer);
            Map<String, Instant> last = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last.put(rows.getString(1), instant(rows, 2).orElseThrow());
                }
            }
            return last;
        }
    }

    /**
     * When the reviewer completed tasks of a workflow since {@code since}, newest first, at most
     * {@code limit} of them: read backwards along index {@code task_task_completed_by}, so the cost is
     * the rows returned.
     */
    public List<Instant> completionTimes(Connection c, String reviewer, String workflowKey, Instant since, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT completed_at FROM task_task WHERE completed_by = ? "
                + "AND workflow_key = ? AND completed_at >= ? ORDER BY completed_at DESC LIMIT ?")) {
            select.setString(1, reviewer);
            select.setString(2, workflowKey);
            select.setObject(3, utc(since));
            select.setInt(4, limit);
            List<Instant> times = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    times.add(instant(rows, 1).orElseThrow());
                }
            }
            return times;
        }
    }
}
