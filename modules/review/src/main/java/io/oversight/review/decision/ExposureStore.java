package io.oversight.review.decision;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.utc;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether each completed review was made with the model's prediction in view (table {@code task_prediction_exposure}). */
@ApplicationScoped
public class ExposureStore {

    /** One completed review: its item, tier, condition, and its answer and the model's as comparable keys. */
    public record Exposure(String taskId, String itemId, String workflowKey, int tier, boolean predictionShown,
            String answerKey, String modelKey, Instant completedAt) {
    }

    void insert(Connection c, Exposure e) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_prediction_exposure (task_id, item_id, "
                + "workflow_key, tier, prediction_shown, answer_key, model_key, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, e.taskId());
            insert.setString(2, e.itemId());
            insert.setString(3, e.workflowKey());
            insert.setInt(4, e.tier());
            insert.setBoolean(5, e.predictionShown());
            insert.setString(6, e.answerKey());
            insert.setString(7, e.modelKey());
            insert.setObject(8, utc(e.completedAt()));
            insert.executeUpdate();
        }
    }

    /**
     * Reviews of a workflow completed in [from, to) (of one tier when given), and every other recorded review of
     * the same items whenever it was made: a review's peers are all the item's reviews. At most {@code limit}
     * reviews of the period; the peers of those come on top.
     */
    public List<Exposure> withPeers(Connection c, String workflowKey, Instant from, Instant to,
            Optional<Integer> tier, int limit) throws SQLException {
        String inPeriod = "SELECT item_id FROM task_prediction_exposure WHERE workflow_key = ? AND completed_at >= ? "
                + "AND completed_at < ?" + (tier.isPresent() ? " AND tier = ?" : "");
        try (PreparedStatement select = c.prepareStatement("SELECT task_id, item_id, workflow_key, tier, prediction_shown, "
                + "answer_key, model_key, completed_at FROM task_prediction_exposure WHERE item_id IN ("
                + "SELECT item_id FROM (" + inPeriod + " ORDER BY completed_at, task_id LIMIT ?) period) "
                + "ORDER BY completed_at, task_id")) {
            int i = 1;
            select.setString(i++, workflowKey);
            select.setObject(i++, utc(from));
            select.setObject(i++, utc(to));
            if (tier.isPresent()) {
                select.setInt(i++, tier.get());
            }
            select.setInt(i, limit);
            List<Exposure> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new Exposure(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getBoolean(5),
                            r.getString(6), r.getString(7), instant(r, 8).orElseThrow()));
                }
            }
            return rows;
        }
    }
}
