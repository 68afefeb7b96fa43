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

/** Reviewers' pauses per workflow (table {@code task_reviewer_pause}). */
@ApplicationScoped
public class PauseStore {

    public record Pause(String id, String reviewer, String workflowKey, String reason, double accuracy, int answers,
            Instant pausedAt, Optional<Instant> resumedAt, Optional<String> resumedBy) {
    }

    public Optional<Pause> activePause(Connection c, String reviewer, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PAUSE_SELECT
                + " WHERE reviewer = ? AND workflow_key = ? AND resumed_at IS NULL")) {
            select.setString(1, reviewer);
            select.setString(2, workflowKey);
            return pauses(select).stream().findFirst();
        }
    }

    public List<Pause> pauses(Connection c, boolean activeOnly) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PAUSE_SELECT
                + (activeOnly ? " WHERE resumed_at IS NULL" : "") + " ORDER BY paused_at DESC")) {
            return pauses(select);
        }
    }

    public Optional<Pause> pause(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PAUSE_SELECT + " WHERE id = ?")) {
            select.setString(1, id);
            return pauses(select).stream().findFirst();
        }
    }

    /** When the reviewer was last resumed in the workflow: gold answers before it no longer count. */
    public Optional<Instant> lastResume(Connection c, String reviewer, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MAX(resumed_at) FROM task_reviewer_pause "
                + "WHERE reviewer = ? AND workflow_key = ?")) {
            select.setString(1, reviewer);
            select.setString(2, workflowKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? instant(rows, 1) : Optional.empty();
            }
        }
    }

    public void insertPause(Connection c, Pause pause) throws SQLException {
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

    public boolean resume(Connection c, String id, String by, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_reviewer_pause SET resumed_at = ?, resumed_by = ? "
                + "WHERE id = ? AND resumed_at IS NULL")) {
            update.setObject(1, utc(at));
            update.setString(2, by);
            update.setString(3, id);
            return update.executeUpdate() == 1;
        }
    }

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

    private static final String PAUSE_SELECT = "SELECT id, reviewer, workflow_key, reason, accuracy, answers, paused_at, "
            + "resumed_at, resumed_by FROM task_reviewer_pause";
}
