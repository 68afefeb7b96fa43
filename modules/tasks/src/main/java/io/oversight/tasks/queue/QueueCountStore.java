package io.oversight.tasks.queue;

import static io.oversight.kernel.SqlValues.instant;

import io.oversight.tasks.QueueKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Live task counts per queue, for the queue statistics, the SLA monitor and the unclaimable-task sweep. */
@ApplicationScoped
public class QueueCountStore {

    /** Live task counts of one queue. */
    public record QueueCounts(QueueKey queue, long open, long claimed, Optional<Instant> oldestOpen) {
    }

    /** Open and claimed counts and the oldest open task of every queue that has live tasks. */
    public List<QueueCounts> queueCounts(Connection c) throws SQLException {
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
}
