package io.oversight.review.quality;

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

/** Notices to reviewers, such as an adjudication that overturned their answer (table {@code task_reviewer_notice}). */
@ApplicationScoped
public class NoticeStore {

    public record Notice(String id, String itemId, String workflowKey, String message, Instant createdAt,
            Optional<Instant> readAt) {
    }

    public void insertNotice(Connection c, String id, String reviewer, String itemId, String workflowKey,
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

    public List<Notice> notices(Connection c, String reviewer, int limit) throws SQLException {
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

    /** Marks the reviewer's notice read, keeping the first time it was; false if they have no such notice. */
    public boolean markNoticeRead(Connection c, String reviewer, String id, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE task_reviewer_notice SET read_at = COALESCE(read_at, ?) WHERE id = ? AND reviewer = ?")) {
            update.setObject(1, utc(at));
            update.setString(2, id);
            update.setString(3, reviewer);
            return update.executeUpdate() == 1;
        }
    }
}
