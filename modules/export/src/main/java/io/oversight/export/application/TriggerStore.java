package io.oversight.export.application;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.export.RetrainTrigger;
import io.oversight.export.RetrainTriggerKind;
import io.oversight.export.RetrainTriggerRequest;
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

/** SQL of retrain rules and of their round's lock row. Portable between H2 and PostgreSQL. */
@ApplicationScoped
public class TriggerStore {

    private static final String COLUMNS = "id, workflow_key, kind, corrections, rate, window_hours, every_hours, armed, "
            + "created_by, created_at, last_fired_at, last_export_id, firings";

    /**
     * Takes the round's lock row, or answers false at once when another server's round holds it (the
     * monitor tick's pattern: that server is doing this round's work).
     */
    boolean tryLockHead(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT rounds FROM export_trigger_head WHERE id = 1 FOR UPDATE SKIP LOCKED");
                ResultSet rs = lock.executeQuery()) {
            return rs.next();
        }
    }

    void recordRound(Connection c, Instant now, String holder) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE export_trigger_head SET rounds = rounds + 1, last_round_at = ?, last_round_holder = ? WHERE id = 1")) {
            update.setObject(1, utc(now));
            update.setString(2, holder);
            update.executeUpdate();
        }
    }

    void insert(Connection c, RetrainTrigger t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO export_retrain_trigger (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            RetrainTriggerRequest rule = t.rule();
            s.setString(1, t.id());
            s.setString(2, t.workflow());
            s.setString(3, rule.kind().name());
            setOptional(s, 4, rule.corrections().orElse(null), Types.BIGINT);
            setOptional(s, 5, rule.rate().orElse(null), Types.DOUBLE);
            setOptional(s, 6, rule.windowHours().orElse(null), Types.INTEGER);
            setOptional(s, 7, rule.everyHours().orElse(null), Types.INTEGER);
            s.setBoolean(8, t.armed());
            s.setString(9, t.createdBy());
            s.setObject(10, utc(t.createdAt()));
            s.setObject(11, t.lastFiredAt().map(i -> utc(i)).orElse(null));
            s.setString(12, t.lastExportId().orElse(null));
            s.setLong(13, t.firings());
            s.executeUpdate();
        }
    }

    private static void setOptional(PreparedStatement s, int index, Object value, int type) throws SQLException {
        if (value == null) {
            s.setNull(index, type);
        } else {
            s.setObject(index, value);
        }
    }

    /** Every rule, of one workflow when given, oldest first. */
    List<RetrainTrigger> list(Connection c, Optional<String> workflow) throws SQLException {
        String where = workflow.isPresent() ? " WHERE workflow_key = ?" : "";
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM export_retrain_trigger" + where
                + " ORDER BY created_at, id")) {
            if (workflow.isPresent()) {
                s.setString(1, workflow.get());
            }
            List<RetrainTrigger> triggers = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    triggers.add(trigger(r));
                }
            }
            return triggers;
        }
    }

    boolean delete(Connection c, String workflow, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM export_retrain_trigger WHERE workflow_key = ? AND id = ?")) {
            s.setString(1, workflow);
            s.setString(2, id);
            return s.executeUpdate() == 1;
        }
    }

    /** A firing: disarmed, with its time and export. */
    void fired(Connection c, String id, Instant at, String exportId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE export_retrain_trigger SET armed = FALSE, last_fired_at = ?, "
                + "last_export_id = ?, firings = firings + 1 WHERE id = ?")) {
            s.setObject(1, utc(at));
            s.setString(2, exportId);
            s.setString(3, id);
            s.executeUpdate();
        }
    }

    void rearm(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE export_retrain_trigger SET armed = TRUE WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    /**
     * The end of the workflow's last training-set export that has not failed, been cancelled or
     * interrupted: corrections after it are not in any export yet.
     */
    Optional<Instant> lastExportEnd(Connection c, String workflow) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(period_to) FROM export_dataset WHERE workflow_key = ? "
                + "AND state IN ('QUEUED', 'RUNNING', 'COMPLETED')")) {
            s.setString(1, workflow);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return instant(r, 1);
            }
        }
    }

    /** Marks an export as made by a rule's firing. */
    void exportOfTrigger(Connection c, String exportId, String triggerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE export_dataset SET trigger_id = ? WHERE id = ?")) {
            s.setString(1, triggerId);
            s.setString(2, exportId);
            s.executeUpdate();
        }
    }

    /** The rule whose firing made the export, if one did. */
    Optional<String> triggerOfExport(Connection c, String exportId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT trigger_id FROM export_dataset WHERE id = ?")) {
            s.setString(1, exportId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static RetrainTrigger trigger(ResultSet r) throws SQLException {
        long corrections = r.getLong(4);
        Optional<Long> n = r.wasNull() ? Optional.empty() : Optional.of(corrections);
        double rate = r.getDouble(5);
        Optional<Double> rt = r.wasNull() ? Optional.empty() : Optional.of(rate);
        int window = r.getInt(6);
        Optional<Integer> w = r.wasNull() ? Optional.empty() : Optional.of(window);
        int every = r.getInt(7);
        Optional<Integer> e = r.wasNull() ? Optional.empty() : Optional.of(every);
        RetrainTriggerRequest rule = new RetrainTriggerRequest(RetrainTriggerKind.valueOf(r.getString(3)), n, rt, w, e);
        return new RetrainTrigger(r.getString(1), r.getString(2), rule, r.getBoolean(8), r.getString(9),
                instant(r, 10).orElseThrow(), instant(r, 11), Optional.ofNullable(r.getString(12)), r.getLong(13));
    }
}
