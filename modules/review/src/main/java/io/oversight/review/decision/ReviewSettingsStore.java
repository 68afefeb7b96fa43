package io.oversight.review.decision;

import static io.oversight.kernel.SqlValues.utc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Per-workflow review settings (table {@code task_review_settings}). */
@ApplicationScoped
public class ReviewSettingsStore {

    public Optional<ReviewSettings> settings(Connection c, String workflowKey) throws SQLException {
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

    public void saveSettings(Connection c, ReviewSettings s, Instant at) throws SQLException {
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
}
