package io.oversight.tasks.intake;

import static io.oversight.kernel.SqlValues.utc;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Customers' feedback on decided items (table {@code task_feedback}), each written with the task it opens. */
@ApplicationScoped
public class FeedbackStore {

    public void insertFeedback(Connection c, String id, String itemId, String kind, String comment,
            String taskId, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_feedback (id, item_id, kind, comment, "
                + "task_id, received_at) VALUES (?,?,?,?,?,?)")) {
            insert.setString(1, id);
            insert.setString(2, itemId);
            insert.setString(3, kind);
            insert.setString(4, comment);
            insert.setString(5, taskId);
            insert.setObject(6, utc(at));
            insert.executeUpdate();
        }
    }
}
