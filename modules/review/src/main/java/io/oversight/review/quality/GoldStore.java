package io.oversight.review.quality;

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

/** Gold items and reviewers' answers to them (tables {@code task_gold}, {@code task_gold_answer}). */
@ApplicationScoped
public class GoldStore {

    public record Gold(String itemId, String workflowKey, Verdict verdict, List<String> labels, Optional<String> output,
            String markedBy, Instant markedAt) {
    }

    public record GoldAnswer(String workflowKey, String reviewer, boolean correct, Instant answeredAt) {
    }

    public void insertGold(Connection c, Gold gold) throws SQLException {
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

    public boolean retireGold(Connection c, String itemId, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE task_gold SET retired_at = ? WHERE item_id = ? AND retired_at IS NULL")) {
            update.setObject(1, utc(at));
            update.setString(2, itemId);
            return update.executeUpdate() == 1;
        }
    }

    /** The active gold item of {@code itemId}, if it is one. */
    public Optional<Gold> gold(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT item_id, workflow_key, verdict, answer_labels, "
                + "answer_output, marked_by, marked_at FROM task_gold WHERE item_id = ? AND retired_at IS NULL")) {
            select.setString(1, itemId);
            return golds(select).stream().findFirst();
        }
    }

    public List<Gold> activeGold(Connection c, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT item_id, workflow_key, verdict, answer_labels, "
                + "answer_output, marked_by, marked_at FROM task_gold WHERE workflow_key = ? AND retired_at IS NULL "
                + "ORDER BY marked_at")) {
            select.setString(1, workflowKey);
            return golds(select);
        }
    }

    /** Ids of the active gold items of a workflow, the longest-standing first. */
    public List<String> activeGoldItemIds(Connection c, String workflowKey) throws SQLException {
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

    public void insertGoldAnswer(Connection c, String taskId, String itemId, String workflowKey, String reviewer,
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
    public List<Boolean> goldCorrectness(Connection c, String workflowKey, String reviewer, Instant since,
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
    public List<GoldAnswer> goldAnswers(Connection c, String workflowKey, Instant since) throws SQLException {
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
}
