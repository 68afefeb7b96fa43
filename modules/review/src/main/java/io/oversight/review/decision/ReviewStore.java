package io.oversight.review.decision;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.jsonArray;
import static io.oversight.kernel.SqlValues.strings;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.tasks.Verdict;
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
 * JDBC access to the review tables (V3): review settings, the adjudication queue, gold items and
 * answers, reviewer pauses and notices, and the completion history fatigue caps read.
 */
public final class ReviewStore {

    private static final String ADJUDICATION_COLUMNS = "id, item_id, workflow_key, status, holder, lease_expires_at, "
            + "created_at, completed_at, completed_by, verdict, result_labels, result_output, rationale";

    private ReviewStore() {
    }

    public record Adjudication(String id, String itemId, String workflowKey, String status, Optional<String> holder,
            Optional<Instant> leaseExpiresAt, Instant createdAt, Optional<Instant> completedAt,
            Optional<String> completedBy, Optional<Verdict> verdict, List<String> labels, Optional<String> output,
            Optional<String> rationale) {
    }

    public record AdjudicationCounts(String workflowKey, long open, long claimed) {
    }

    public record Gold(String itemId, String workflowKey, Verdict verdict, List<String> labels, Optional<String> output,
            String markedBy, Instant markedAt) {
    }

    public record GoldAnswer(String workflowKey, String reviewer, boolean correct, Instant answeredAt) {
    }

    public record Pause(String id, String reviewer, String workflowKey, String reason, double accuracy, int answers,
            Instant pausedAt, Optional<Instant> resumedAt, Optional<String> resumedBy) {
    }

    public record Notice(String id, String itemId, String workflowKey, String message, Instant createdAt,
            Optional<Instant> readAt) {
    }

    // ---- settings

    public static Optional<ReviewSettings> settings(Connection c, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT review_mode, max_reviewers, on_disagreement, "
                + "rationale_required, show_reviewer_identities, gold_rate, gold_min_answers, gold_window, gold_pause_below, "
                + "max_items_per_session, max_items_per_hour, session_gap_minutes, break_reminder_minutes "
                + "FROM task_review_settings WHERE workflow_key = ?")) {
            select.setString(1, workflowKey);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReviewSettings(workflowKey, ReviewSettings.ReviewMode.valueOf(r.getString(1)),
                        r.getInt(2), ReviewSettings.DisagreementPolicy.valueOf(r.getString(3)),
                        ReviewSettings.RationaleRule.valueOf(r.getString(4)), r.getBoolean(5), r.getDouble(6),
                        r.getInt(7), r.getInt(8), r.getDouble(9), r.getInt(10), r.getInt(11), r.getInt(12), r.getInt(13)));
            }
        }
    }

    public static void saveSettings(Connection c, ReviewSettings s, Instant at) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM task_review_settings WHERE workflow_key = ?")) {
            delete.setString(1, s.workflowKey());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_review_settings (workflow_key, review_mode, "
                + "max_reviewers, on_disagreement, rationale_required, show_reviewer_identities, gold_rate, "
                + "gold_min_answers, gold_window, gold_pause_below, max_items_per_session, max_items_per_hour, "
                + "session_gap_minutes, break_reminder_minutes, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, s.workflowKey());
            insert.setString(2, s.reviewMode().name());
            insert.setInt(3, s.maxReviewers());
            insert.setString(4, s.onDisagreement().name());
            insert.setString(5, s.rationaleRequired().name());
            insert.setBoolean(6, s.showReviewerIdentities());
            insert.setDouble(7, s.goldRate());
            insert.setInt(8, s.goldMinAnswers());
            insert.setInt(9, s.goldWindow());
            insert.setDouble(10, s.goldPauseBelow());
            insert.setInt(11, s.maxItemsPerSession());
            insert.setInt(12, s.maxItemsPerHour());
            insert.setInt(13, s.sessionGapMinutes());
            insert.setInt(14, s.breakReminderMinutes());
            insert.setObject(15, utc(at));
            insert.executeUpdate();
        }
    }

    // ---- adjudication queue

    public static void insertAdjudication(Connection c, String id, String itemId, String workflowKey, Instant at)
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
    public static List<String> adjudicationCandidates(Connection c, String workflowKey, String adjudicator, Instant now,
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
    public static boolean claimAdjudication(Connection c, String id, String adjudicator, Instant now, Instant leaseEnd)
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

    public static boolean releaseAdjudication(Connection c, String id, String adjudicator) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_adjudication SET status = 'OPEN', holder = NULL, "
                + "lease_expires_at = NULL WHERE id = ? AND status = 'CLAIMED' AND holder = ?")) {
            update.setString(1, id);
            update.setString(2, adjudicator);
            return update.executeUpdate() == 1;
        }
    }

    public static boolean completeAdjudication(Connection c, String id, String adjudicator, Verdict verdict,
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

    public static Optional<Adjudication> adjudication(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ADJUDICATION_COLUMNS
                + " FROM task_adjudication WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            List<Adjudication> found = adjudications(select);
            return found.stream().findFirst();
        }
    }

    public static List<Adjudication> adjudicationsHeldBy(Connection c, String adjudicator) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ADJUDICATION_COLUMNS
                + " FROM task_adjudication WHERE status = 'CLAIMED' AND holder = ? ORDER BY created_at")) {
            select.setString(1, adjudicator);
            return adjudications(select);
        }
    }

    /** Completed adjudications of a workflow since {@code since}, oldest first (for lead times). */
    public static List<Adjudication> completedAdjudications(Connection c, String workflowKey, Instant since)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ADJUDICATION_COLUMNS + " FROM task_adjudication "
                + "WHERE workflow_key = ? AND status = 'COMPLETED' AND completed_at >= ? ORDER BY completed_at")) {
            select.setString(1, workflowKey);
            select.setObject(2, utc(since));
            return adjudications(select);
        }
    }

    public static List<AdjudicationCounts> adjudicationCounts(Connection c) throws SQLException {
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

    // ---- gold items

    public static void insertGold(Connection c, Gold gold) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_gold (item_id, workflow_key, verdict, "
                + "answer_labels, answer_output, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, gold.itemId());
            insert.setString(2, gold.workflowKey());
            insert.setString(3, gold.verdict().name());
            insert.setString(4, jsonArray(gold.labels()));
            insert.setString(5, gold.output().orElse(null));
            insert.setString(6, gold.markedBy());
            insert.setObject(7, utc(gold.markedAt()));
            insert.executeUpdate();
        }
    }

    public static boolean retireGold(Connection c, String itemId, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE task_gold SET retired_at = ? WHERE item_id = ? AND retired_at IS NULL")) {
            update.setObject(1, utc(at));
            update.setString(2, itemId);
            return update.executeUpdate() == 1;
        }
    }

    /** The active gold item of {@code itemId}, if it is one. */
    public static Optional<Gold> gold(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT item_id, workflow_key, verdict, answer_labels, "
                + "answer_output, marked_by, marked_at FROM task_gold WHERE item_id = ? AND retired_at IS NULL")) {
            select.setString(1, itemId);
            return golds(select).stream().findFirst();
        }
    }

    public static List<Gold> activeGold(Connection c, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT item_id, workflow_key, verdict, answer_labels, "
                + "answer_output, marked_by, marked_at FROM task_gold WHERE workflow_key = ? AND retired_at IS NULL "
                + "ORDER BY marked_at")) {
            select.setString(1, workflowKey);
            return golds(select);
        }
    }

    /** Ids of the active gold items of a workflow, the longest-standing first. */
    public static List<String> activeGoldItemIds(Connection c, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT item_id FROM task_gold WHERE workflow_key = ? "
                + "AND retired_at IS NULL ORDER BY marked_at")) {
            select.setString(1, workflowKey);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static List<Gold> golds(PreparedStatement select) throws SQLException {
        List<Gold> found = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                found.add(new Gold(r.getString(1), r.getString(2), Verdict.valueOf(r.getString(3)), strings(r.getString(4)),
                        Optional.ofNullable(r.getString(5)), r.getString(6), instant(r, 7).orElseThrow()));
            }
        }
        return found;
    }

    public static void insertGoldAnswer(Connection c, String taskId, String itemId, String workflowKey, String reviewer,
            boolean correct, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_gold_answer (task_id, item_id, workflow_key, "
                + "reviewer, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, taskId);
            insert.setString(2, itemId);
            insert.setString(3, workflowKey);
            insert.setString(4, reviewer);
            insert.setBoolean(5, correct);
            insert.setObject(6, utc(at));
            insert.executeUpdate();
        }
    }

    /** A reviewer's gold answers in a workflow after {@code since}, newest first. */
    public static List<Boolean> goldCorrectness(Connection c, String workflowKey, String reviewer, Instant since,
            int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT correct FROM task_gold_answer WHERE workflow_key = ? "
                + "AND reviewer = ? AND answered_at > ? ORDER BY answered_at DESC, task_id LIMIT ?")) {
            select.setString(1, workflowKey);
            select.setString(2, reviewer);
            select.setObject(3, utc(since));
            select.setInt(4, limit);
            List<Boolean> answers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    answers.add(rows.getBoolean(1));
                }
            }
            return answers;
        }
    }

    /** Every gold answer of a workflow since {@code since}, oldest first (for accuracy and its trend). */
    public static List<GoldAnswer> goldAnswers(Connection c, String workflowKey, Instant since) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT workflow_key, reviewer, correct, answered_at "
                + "FROM task_gold_answer WHERE workflow_key = ? AND answered_at >= ? ORDER BY answered_at")) {
            select.setString(1, workflowKey);
            select.setObject(2, utc(since));
            List<GoldAnswer> answers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    answers.add(new GoldAnswer(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            instant(rows, 4).orElseThrow()));
                }
            }
            return answers;
        }
    }

    // ---- pauses

    public static Optional<Pause> activePause(Connection c, String reviewer, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PAUSE_SELECT
                + " WHERE reviewer = ? AND workflow_key = ? AND resumed_at IS NULL")) {
            select.setString(1, reviewer);
            select.setString(2, workflowKey);
            return pauses(select).stream().findFirst();
        }
    }

    public static List<Pause> pauses(Connection c, boolean activeOnly) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PAUSE_SELECT
                + (activeOnly ? " WHERE resumed_at IS NULL" : "") + " ORDER BY paused_at DESC")) {
            return pauses(select);
        }
    }

    public static Optional<Pause> pause(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PAUSE_SELECT + " WHERE id = ?")) {
            select.setString(1, id);
            return pauses(select).stream().findFirst();
        }
    }

    /** When the reviewer was last resumed in the workflow: gold answers before it no longer count. */
    public static Optional<Instant> lastResume(Connection c, String reviewer, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MAX(resumed_at) FROM task_reviewer_pause "
                + "WHERE reviewer = ? AND workflow_key = ?")) {
            select.setString(1, reviewer);
            select.setString(2, workflowKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? instant(rows, 1) : Optional.empty();
            }
        }
    }

    public static void insertPause(Connection c, Pause pause) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_reviewer_pause (id, reviewer, workflow_key, "
                + "reason, accuracy, answers, paused_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, pause.id());
            insert.setString(2, pause.reviewer());
            insert.setString(3, pause.workflowKey());
            insert.setString(4, pause.reason());
            insert.setDouble(5, pause.accuracy());
            insert.setInt(6, pause.answers());
            insert.setObject(7, utc(pause.pausedAt()));
            insert.executeUpdate();
        }
    }

    public static boolean resume(Connection c, String id, String by, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_reviewer_pause SET resumed_at = ?, resumed_by = ? "
                + "WHERE id = ? AND resumed_at IS NULL")) {
            update.setObject(1, utc(at));
            update.setString(2, by);
            update.setString(3, id);
            return update.executeUpdate() == 1;
        }
    }

    private static final String PAUSE_SELECT = "SELECT id, reviewer, workflow_key, reason, accuracy, answers, paused_at, "
            + "resumed_at, resumed_by FROM task_reviewer_pause";

    private static List<Pause> pauses(PreparedStatement select) throws SQLException {
        List<Pause> found = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                found.add(new Pause(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getDouble(5),
                        r.getInt(6), instant(r, 7).orElseThrow(), instant(r, 8), Optional.ofNullable(r.getString(9))));
            }
        }
        return found;
    }

    // ---- notices

    public static void insertNotice(Connection c, String id, String reviewer, String itemId, String workflowKey,
            String message, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_reviewer_notice (id, reviewer, item_id, "
                + "workflow_key, message, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, reviewer);
            insert.setString(3, itemId);
            insert.setString(4, workflowKey);
            insert.setString(5, message);
            insert.setObject(6, utc(at));
            insert.executeUpdate();
        }
    }

    public static List<Notice> notices(Connection c, String reviewer, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, item_id, workflow_key, message, created_at, read_at "
                + "FROM task_reviewer_notice WHERE reviewer = ? ORDER BY created_at DESC, id LIMIT ?")) {
            select.setString(1, reviewer);
            select.setInt(2, limit);
            List<Notice> found = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(new Notice(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            instant(r, 5).orElseThrow(), instant(r, 6)));
                }
            }
            return found;
        }
    }

    public static int markNoticesRead(Connection c, String reviewer, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE task_reviewer_notice SET read_at = ? WHERE reviewer = ? AND read_at IS NULL")) {
            update.setObject(1, utc(at));
            update.setString(2, reviewer);
            return update.executeUpdate();
        }
    }

    // ---- workload
}
