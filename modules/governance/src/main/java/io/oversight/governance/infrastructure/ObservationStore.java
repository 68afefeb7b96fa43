package io.oversight.governance.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The observation outbox (table {@code gov_observation}): rows written in the business transaction that
 * caused them, folded into windows and deleted by the monitor tick.
 */
@ApplicationScoped
public class ObservationStore {

    /** One outbox row. Fields unused by a kind are empty. */
    public record Observation(long id, String workflowKey, String snapshotId, String kind, Instant at,
            Optional<Double> score, Optional<String> label, Optional<String> detail, Optional<Boolean> agreed,
            Optional<Long> amount) {
    }

    public void insertObservations(Connection c, List<Observation> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gov_observation (workflow_key, snapshot_id, kind, "
                + "occurred_at, score, label, detail, agreed, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Observation o : rows) {
                insert.setString(1, o.workflowKey());
                insert.setString(2, o.snapshotId());
                insert.setString(3, o.kind());
                insert.setObject(4, JdbcValues.utc(o.at()));
                JdbcValues.setDouble(insert, 5, o.score());
                insert.setString(6, o.label().orElse(null));
                insert.setString(7, o.detail().orElse(null));
                if (o.agreed().isPresent()) {
                    insert.setBoolean(8, o.agreed().get());
                } else {
                    insert.setNull(8, Types.BOOLEAN);
                }
                if (o.amount().isPresent()) {
                    insert.setLong(9, o.amount().get());
                } else {
                    insert.setNull(9, Types.BIGINT);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The oldest committed observations, at most {@code limit}. */
    public List<Observation> oldestObservations(Connection c, int limit) throws SQLException {
        List<Observation> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, workflow_key, snapshot_id, kind, occurred_at, score, label, "
                + "detail, agreed, amount FROM gov_observation ORDER BY id LIMIT ?")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(6);
                    Optional<Double> s = rs.wasNull() ? Optional.empty() : Optional.of(score);
                    boolean agreed = rs.getBoolean(9);
                    Optional<Boolean> a = rs.wasNull() ? Optional.empty() : Optional.of(agreed);
                    long amount = rs.getLong(10);
                    Optional<Long> m = rs.wasNull() ? Optional.empty() : Optional.of(amount);
                    rows.add(new Observation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            JdbcValues.instant(rs, 5), s, Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                            a, m));
                }
            }
        }
        return rows;
    }

    /**
     * Deletes exactly the observations folded in (by id, never by range: a transaction that took a
     * lower id may commit after this read, and its row must wait for the next tick).
     */
    public void deleteObservations(Connection c, List<Observation> rows) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM gov_observation WHERE id = ?")) {
            for (Observation o : rows) {
                delete.setLong(1, o.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    public long pendingObservations(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM gov_observation"); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
