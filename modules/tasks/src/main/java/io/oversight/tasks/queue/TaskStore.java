package io.oversight.tasks.queue;

import io.oversight.tasks.intake.ItemRow;
import io.oversight.tasks.intake.StoredItem;
import io.oversight.kernel.SqlValues;
import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.jsonArray;
import static io.oversight.kernel.SqlValues.strings;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.governance.IntegrationMode;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.TaskTransition;
import io.oversight.tasks.Candidate;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL of items and tasks. Plain JDBC on the connection of the caller's transaction: the claim query
 * needs {@code FOR UPDATE SKIP LOCKED}, and intake, the hot path, writes three rows per prediction
 * with no ORM bookkeeping. The same SQL runs on PostgreSQL and H2, but for the claim's locking.
 */
public final class TaskStore {

    private static final String TASK_COLUMNS = "id, item_id, workflow_key, tier, purpose, slot, status, priority, "
            + "sla_deadline, uncertainty, lease_holder, lease_expires_at, claims, created_at, completed_at, note";

    /** An open task that may be claimed, with what diversity sampling needs. */
    public record ClaimCandidate(String taskId, String itemId, long simHash) {
    }

    /** A claimed task whose lease ran out. */
    public record ExpiredLease(String taskId, String itemId, String workflowKey, int tier, String holder) {
    }

    /** Live task counts of one queue. */
    public record QueueCounts(QueueKey queue, long open, long claimed, Optional<Instant> oldestOpen) {
    }

    /** H2's error code for a row lock not obtained in time. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    /** Extra unlocked candidates read on H2, where concurrent claimers compete for the same first rows. */
    private static final int H2_CANDIDATE_SLACK = 64;

    private TaskStore() {
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    // ---------------------------------------------------------------- tasks

    public static void insertTasks(Connection c, List<TaskRow> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_task (id, item_id, workflow_key, tier, "
                + "purpose, slot, status, priority, sla_deadline, uncertainty, sim_hash, claims, created_at, note) "
                + "VALUES (?,?,?,?,?,?,'OPEN',?,?,?,?,0,?,?)")) {
            for (TaskRow task : tasks) {
                insert.setString(1, task.id());
                insert.setString(2, task.itemId());
                insert.setString(3, task.workflowKey());
                insert.setInt(4, task.tier());
                insert.setString(5, task.purpose().name());
                insert.setInt(6, task.slot());
                insert.setInt(7, task.priority());
                insert.setObject(8, task.slaDeadline().map(SqlValues::utc).orElse(null));
                insert.setDouble(9, task.uncertainty());
                insert.setLong(10, task.simHash());
                insert.setObject(11, utc(task.createdAt()));
                insert.setString(12, task.note().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static Optional<ReviewTask> findTask(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + TASK_COLUMNS + " FROM task_task WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(task(rows)) : Optional.empty();
            }
        }
    }

    public static List<ReviewTask> tasksOfItem(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + TASK_COLUMNS + " FROM task_task WHERE item_id = ? ORDER BY created_at, slot")) {
            select.setString(1, itemId);
            return tasks(select);
        }
    }

    public static List<ReviewTask> claimedBy(Connection c, String principal) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + TASK_COLUMNS
                + " FROM task_task WHERE status = 'CLAIMED' AND lease_holder = ? ORDER BY lease_expires_at")) {
            select.setString(1, principal);
            return tasks(select);
        }
    }

    /**
     * Up to {@code limit} open tasks of a queue that the reviewer may take, best first. On PostgreSQL
     * they are locked, skipping rows other claimers hold, so concurrent reviewers never wait on each
     * other. H2 applies LIMIT before skipping locked rows (a second claimer would see nothing), so
     * there the candidates are read without locks and {@link #claim} decides who gets each one.
     */
    public static List<ClaimCandidate> lockCandidates(Connection c, QueueKey queue, String reviewer, String identityDigest,
            int limit) throws SQLException {
        boolean skipLocked = isPostgres(c);
        try (PreparedStatement select = c.prepareStatement("SELECT t.id, t.item_id, t.sim_hash FROM task_task t "
                + "WHERE t.workflow_key = ? AND t.tier = ? AND t.status = 'OPEN' "
                + "AND NOT EXISTS (SELECT 1 FROM task_item_reviewer r WHERE r.item_id = t.item_id AND r.reviewer = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM task_item_exclusion e WHERE e.item_id = t.item_id "
                + "AND e.identity_digest = ?) "
                + "ORDER BY t.priority DESC, t.sla_deadline ASC NULLS LAST, t.uncertainty DESC, t.created_at, t.id "
                + "LIMIT ?" + (skipLocked ? " FOR UPDATE SKIP LOCKED" : ""))) {
            select.setString(1, queue.workflowKey());
            select.setInt(2, queue.tier());
            select.setString(3, reviewer);
            select.setString(4, identityDigest);
            select.setInt(5, skipLocked ? limit : limit + H2_CANDIDATE_SLACK);
            List<ClaimCandidate> candidates = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new ClaimCandidate(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            return candidates;
        }
    }

    /**
     * Gives an open task to a reviewer. The status condition makes a double lease impossible even
     * where row locks were not taken: a task already claimed is not updated (returns false).
     */
    public static boolean claim(Connection c, String taskId, String reviewer, Instant leaseExpiresAt)
            throws SQLException {
        try {
            return markClaimed(c, taskId, reviewer, leaseExpiresAt);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_LOCK_TIMEOUT) {
                return false; // another claimer's transaction still holds the row: it is theirs
            }
            throw e;
        }
    }

    private static boolean markClaimed(Connection c, String taskId, String reviewer, Instant leaseExpiresAt)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET " + TaskTransition.CLAIM.assignment() + ", lease_holder = ?, "
                + "lease_expires_at = ?, claims = claims + 1 WHERE id = ? AND " + TaskTransition.CLAIM.guard())) {
            update.setString(1, reviewer);
            update.setObject(2, utc(leaseExpiresAt));
            update.setString(3, taskId);
            return update.executeUpdate() == 1;
        }
    }

    public static void addItemReviewer(Connection c, String itemId, String reviewer, String taskId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO task_item_reviewer (item_id, reviewer, task_id) VALUES (?, ?, ?)")) {
            insert.setString(1, itemId);
            insert.setString(2, reviewer);
            insert.setString(3, taskId);
            insert.executeUpdate();
        }
    }

    public static void removeItemReviewer(Connection c, String itemId, String reviewer) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM task_item_reviewer WHERE item_id = ? AND reviewer = ?")) {
            delete.setString(1, itemId);
            delete.setString(2, reviewer);
            delete.executeUpdate();
        }
    }

    /**
     * Returns a claimed task to its queue by {@code transition} (release, skip or lease expiry); false
     * if the holder no longer holds it.
     */
    public static boolean reopen(Connection c, TaskTransition transition, String taskId, String holder) throws SQLException {
        if (transition.to() != TaskStatus.OPEN) {
            throw new IllegalArgumentException(transition + " does not reopen a task");
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET " + transition.assignment()
                + ", lease_holder = NULL, lease_expires_at = NULL WHERE id = ? AND " + transition.guard()
                + " AND lease_holder = ?")) {
            update.setString(1, taskId);
            update.setString(2, holder);
            return update.executeUpdate() == 1;
        }
    }

    /** Completes a held task with the answer as resolved against the prediction; false if no longer held. */
    public static boolean complete(Connection c, String taskId, String holder, TaskResult result, List<String> labels,
            Optional<String> output, Optional<String> guidelineId, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET " + TaskTransition.COMPLETE.assignment()
                + ", lease_holder = NULL, lease_expires_at = NULL, completed_at = ?, result_labels = ?, result_output = ?, "
                + "verdict = ?, rationale = ?, completed_by = ?, guideline_id = ? WHERE id = ? AND "
                + TaskTransition.COMPLETE.guard() + " AND lease_holder = ?")) {
            update.setObject(1, utc(at));
            update.setString(2, jsonArray(labels));
            update.setString(3, output.orElse(null));
            update.setString(4, result.verdict().name());
            update.setString(5, result.rationale().isBlank() ? null : result.rationale());
            update.setString(6, holder);
            update.setString(7, guidelineId.orElse(null));
            update.setString(8, taskId);
            update.setString(9, holder);
            return update.executeUpdate() == 1;
        }
    }

    public static boolean markEscalated(Connection c, String taskId, String holder, String successorId, Instant at)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET " + TaskTransition.ESCALATE.assignment()
                + ", lease_holder = NULL, lease_expires_at = NULL, completed_at = ?, escalated_to = ? "
                + "WHERE id = ? AND " + TaskTransition.ESCALATE.guard() + " AND lease_holder = ?")) {
            update.setObject(1, utc(at));
            update.setString(2, successorId);
            update.setString(3, taskId);
            update.setString(4, holder);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Ends an open task nobody may claim ({@link TaskTransition#NO_REVIEWER_LEFT}) with {@code note} on
     * it; false if the task is no longer open.
     */
    public static boolean markPassedOn(Connection c, String taskId, String note, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET "
                + TaskTransition.NO_REVIEWER_LEFT.assignment() + ", completed_at = ?, note = ? WHERE id = ? AND "
                + TaskTransition.NO_REVIEWER_LEFT.guard())) {
            update.setObject(1, utc(at));
            update.setString(2, note);
            update.setString(3, taskId);
            return update.executeUpdate() == 1;
        }
    }

    /** Everyone who has had the item: reviewed it, skipped it or holds one of its slots. */
    public static java.util.Set<String> itemReviewers(Connection c, String itemId) throws SQLException {
        return column(c, "SELECT reviewer FROM task_item_reviewer WHERE item_id = ?", itemId);
    }

    /** The identity digests of the people excluded from the item (conflict of interest). */
    public static java.util.Set<String> itemExclusions(Connection c, String itemId) throws SQLException {
        return column(c, "SELECT identity_digest FROM task_item_exclusion WHERE item_id = ?", itemId);
    }

    private static java.util.Set<String> column(Connection c, String sql, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, itemId);
            java.util.Set<String> values = new java.util.HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /**
     * Open tasks of a queue whose item at least {@code people} people have had or are excluded from
     * (the only ones that can be out of eligible reviewers), oldest first.
     */
    public static List<ReviewTask> openTasksPassedOnBy(Connection c, QueueKey queue, int people, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM task_task t "
                + "WHERE t.workflow_key = ? AND t.tier = ? AND t.status = 'OPEN' AND NOT t.gold "
                + "AND (SELECT COUNT(*) FROM task_item_reviewer r WHERE r.item_id = t.item_id) "
                + "+ (SELECT COUNT(*) FROM task_item_exclusion e WHERE e.item_id = t.item_id) >= ? "
                + "ORDER BY t.created_at, t.id LIMIT ?")) {
            select.setString(1, queue.workflowKey());
            select.setInt(2, queue.tier());
            select.setInt(3, people);
            select.setInt(4, limit);
            return tasks(select);
        }
    }

    /** Per queue, the items with an open task the reviewer has not had and is not excluded from. */
    public static Map<QueueKey, Long> claimableCounts(Connection c, String reviewer, String identityDigest)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT t.workflow_key, t.tier, COUNT(DISTINCT t.item_id) "
                + "FROM task_task t WHERE t.status = 'OPEN' AND NOT t.gold "
                + "AND NOT EXISTS (SELECT 1 FROM task_item_reviewer r WHERE r.item_id = t.item_id AND r.reviewer = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM task_item_exclusion e WHERE e.item_id = t.item_id "
                + "AND e.identity_digest = ?) GROUP BY t.workflow_key, t.tier")) {
            select.setString(1, reviewer);
            select.setString(2, identityDigest);
            Map<QueueKey, Long> counts = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(new QueueKey(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
            return counts;
        }
    }

    /** The completed reviews and escalation reviews of an item, which decide it. */
    public static List<ItemOutcomes.CompletedReview> completedReviews(Connection c, String itemId) throws SQLException {
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

    /** Who holds leases that ran out before {@code now} (read without locking). */
    public static List<String> expiredLeaseHolders(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT lease_holder FROM task_task "
                + "WHERE status = 'CLAIMED' AND lease_expires_at < ? LIMIT ?")) {
            select.setObject(1, utc(now));
            select.setInt(2, limit);
            List<String> holders = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    holders.add(rows.getString(1));
                }
            }
            return holders;
        }
    }

    /** Claimed tasks whose lease ran out before {@code now}, locked for the caller, oldest first. */
    public static List<ExpiredLease> lockExpiredLeases(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, item_id, workflow_key, tier, lease_holder "
                + "FROM task_task WHERE status = 'CLAIMED' AND lease_expires_at < ? "
                + "ORDER BY lease_expires_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setObject(1, utc(now));
            select.setInt(2, limit);
            List<ExpiredLease> expired = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expired.add(new ExpiredLease(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getString(5)));
                }
            }
            return expired;
        }
    }

    /** Open and claimed counts and the oldest open task of every queue that has live tasks. */
    public static List<QueueCounts> queueCounts(Connection c) throws SQLException {
        List<QueueCounts> counts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT workflow_key, tier, "
                + "SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'CLAIMED' THEN 1 ELSE 0 END), "
                + "MIN(CASE WHEN status = 'OPEN' THEN created_at END) "
                + "FROM task_task WHERE status IN ('OPEN', 'CLAIMED') GROUP BY workflow_key, tier");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.add(new QueueCounts(new QueueKey(rows.getString(1), rows.getInt(2)), rows.getLong(3),
                        rows.getLong(4), instant(rows, 5)));
            }
        }
        return counts;
    }

    /** The similarity fingerprint stored with a task, which its successors keep. */
    public static long simHash(Connection c, String taskId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT sim_hash FROM task_task WHERE id = ?")) {
            select.setString(1, taskId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        }
    }

    // ---------------------------------------------------------------- mapping

    private static List<ReviewTask> tasks(PreparedStatement select) throws SQLException {
        List<ReviewTask> tasks = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tasks.add(task(rows));
            }
        }
        return tasks;
    }

    private static ReviewTask task(ResultSet r) throws SQLException {
        return new ReviewTask(
                r.getString("id"),
                r.getString("item_id"),
                new QueueKey(r.getString("workflow_key"), r.getInt("tier")),
                TaskPurpose.valueOf(r.getString("purpose")),
                r.getInt("slot"),
                TaskStatus.valueOf(r.getString("status")),
                r.getInt("priority"),
                instant(r, "sla_deadline"),
                r.getDouble("uncertainty"),
                Optional.ofNullable(r.getString("lease_holder")),
                instant(r, "lease_expires_at"),
                r.getInt("claims"),
                instant(r, "created_at").orElseThrow(),
                instant(r, "completed_at"),
                Optional.ofNullable(r.getString("note")));
    }

    /** Completed reviews (not gold, audit or feedback) of a workflow completed in [from, to), in completion order. */
    public static List<ItemOutcomes.ReviewRecord> reviewRecords(Connection c, String workflowKey, Instant from, Instant to, int limit)
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

    // ---- gold tasks and reviewers' work

    public static void markGoldTask(Connection c, String taskId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_task SET gold = TRUE WHERE id = ?")) {
            update.setString(1, taskId);
            update.executeUpdate();
        }
    }

    /**
     * Deletes a gold task that was just given back (released, skipped, lease expired): it was cut for
     * one reviewer's claim and must not wait in the queue as ordinary work.
     */
    public static void discardIfGold(Connection c, String taskId) throws SQLException {
        try (PreparedStatement reviewers = c.prepareStatement("DELETE FROM task_item_reviewer WHERE task_id = ? "
                + "AND EXISTS (SELECT 1 FROM task_task t WHERE t.id = ? AND t.gold AND t.status = 'OPEN')")) {
            reviewers.setString(1, taskId);
            reviewers.setString(2, taskId);
            reviewers.executeUpdate();
        }
        try (PreparedStatement task = c.prepareStatement("DELETE FROM task_task WHERE id = ? AND gold AND status = 'OPEN'")) {
            task.setString(1, taskId);
            task.executeUpdate();
        }
    }

    public static boolean isGoldTask(Connection c, String taskId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT gold FROM task_task WHERE id = ?")) {
            select.setString(1, taskId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** When the reviewer last completed a task, per workflow. */
    public static Map<String, Instant> lastCompletions(Connection c, String reviewer) throws SQLException {
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

    /** When the reviewer completed tasks of a workflow since {@code since}, newest first. */
    public static List<Instant> completionTimes(Connection c, String reviewer, String workflowKey, Instant since)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT completed_at FROM task_task WHERE completed_by = ? "
                + "AND workflow_key = ? AND completed_at >= ? ORDER BY completed_at DESC")) {
            select.setString(1, reviewer);
            select.setString(2, workflowKey);
            select.setObject(3, utc(since));
            List<Instant> times = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    times.add(instant(rows, 1).orElseThrow());
                }
            }
            return times;
        }
    }

    /** Of {@code itemIds}, those the reviewer has never had and is not excluded from, in the given order. */
    public static List<String> unseenBy(Connection c, List<String> itemIds, String reviewer, String identityDigest)
            throws SQLException {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(itemIds.size(), "?"));
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT item_id FROM task_item_reviewer WHERE reviewer = ? "
                + "AND item_id IN (" + in + ") UNION SELECT item_id FROM task_item_exclusion WHERE identity_digest = ? "
                + "AND item_id IN (" + in + ")")) {
            int i = 1;
            select.setString(i++, reviewer);
            for (String id : itemIds) {
                select.setString(i++, id);
            }
            select.setString(i++, identityDigest);
            for (String id : itemIds) {
                select.setString(i++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seen.add(rows.getString(1));
                }
            }
        }
        return itemIds.stream().filter(id -> !seen.contains(id)).toList();
    }
}
