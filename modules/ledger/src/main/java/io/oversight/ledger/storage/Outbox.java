package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.RecordId;
import io.oversight.ledger.format.EntryCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's outbox table ({@code ledger_pending}). Business transactions append to it; the
 * sequencer reads committed rows oldest first and deletes them in the transaction that seals them,
 * so each committed record is sealed exactly once and a rolled-back one never. Appending takes no
 * lock shared with other writers or with the sequencer.
 */
public final class Outbox {

    /** A committed record waiting to be sealed: its id and its entry encoding with position fields zero. */
    public record PendingRecord(long id, long recordedAtMicros, byte[] template) {
    }

    /** How many records wait and since when. */
    public record Backlog(long count, Optional<Long> oldestRecordedAtMicros) {
    }

    private Outbox() {
    }

    /**
     * Appends a record in the connection's current transaction. The record is encoded here, so a
     * record the entry format cannot hold fails in the caller's transaction, never in the sequencer.
     */
    public static RecordId append(Connection connection, LedgerRecord record, long nowMicros) throws SQLException {
        byte[] template = EntryCodec.encode(record.toUnsequencedEntry());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_pending (recorded_at_micros, template) VALUES (?, ?)", new String[] {"id"})) {
            insert.setLong(1, nowMicros);
            insert.setBytes(2, template);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new RecordId(keys.getLong(1));
            }
        }
    }

    /**
     * Appends records in the connection's current transaction as one JDBC batch, in their order (so
     * the sequencer seals them in it). Encoded first, as in {@link #append}: a record the entry format
     * cannot hold fails before anything is written.
     */
    public static void appendAll(Connection connection, List<LedgerRecord> records, long nowMicros) throws SQLException {
        List<byte[]> templates = new ArrayList<>(records.size());
        for (LedgerRecord record : records) {
            templates.add(EntryCodec.encode(record.toUnsequencedEntry()));
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_pending (recorded_at_micros, template) VALUES (?, ?)")) {
            for (byte[] template : templates) {
                insert.setLong(1, nowMicros);
                insert.setBytes(2, template);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The oldest committed records, by id (insertion order), at most {@code limit}. */
    static List<PendingRecord> oldest(Connection connection, int limit) throws SQLException {
        List<PendingRecord> records = new ArrayList<>(Math.min(limit, 4096));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, recorded_at_micros, template FROM ledger_pending ORDER BY id LIMIT ?")) {
            select.setInt(1, limit);
            select.setFetchSize(Math.min(limit, 4096));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new PendingRecord(rows.getLong(1), rows.getLong(2), rows.getBytes(3)));
                }
            }
        }
        return records;
    }

    /** Deletes exactly the given records, which the caller has just sealed. */
    static void remove(Connection connection, List<PendingRecord> sealed) throws SQLException {
        Long[] ids = new Long[sealed.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sealed.get(i).id();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ledger_pending WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("BIGINT", ids));
            int deleted = delete.executeUpdate();
            if (deleted != ids.length) {
                // Only a sequencer holding the head lock deletes outbox rows, so this means a second
                // writer is deleting them: abort rather than risk sealing a record twice.
                throw new SQLException("outbox rows vanished while sealing: deleted " + deleted + " of " + ids.length);
            }
        }
    }

    public static Backlog backlog(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*), MIN(recorded_at_micros) FROM ledger_pending");
                ResultSet row = select.executeQuery()) {
            row.next();
            long count = row.getLong(1);
            long oldest = row.getLong(2);
            return new Backlog(count, row.wasNull() ? Optional.empty() : Optional.of(oldest));
        }
    }
}
