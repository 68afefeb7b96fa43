package io.oversight.ledger.storage;

import io.oversight.ledger.SignedCheckpoint;
import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.MalformedNoteException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Signed checkpoints in {@code ledger_checkpoint}, insert-only. */
final class Checkpoints {

    /** A stored row: the note as signed, and the columns that repeat its content for queries. */
    record StoredCheckpoint(long treeSize, long timeMicros, byte[] rootHash, byte[] chainHead, String keyLabel,
            String note) {

        /** The checkpoint as the note states it (unverified). */
        SignedCheckpoint parse() throws SQLException {
            try {
                return new SignedCheckpoint(Checkpoint.parse(noteText(note)), note, keyLabel);
            } catch (MalformedNoteException e) {
                throw new SQLException("stored checkpoint at size " + treeSize + " is not a checkpoint note: "
                        + e.getMessage(), e);
            }
        }
    }

    private static final String COLUMNS = "tree_size, time_micros, root_hash, chain_head, key_label, note";

    private Checkpoints() {
    }

    static void insert(Connection connection, Checkpoint checkpoint, String keyLabel, String note) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.size());
            insert.setLong(2, checkpoint.timeMicros());
            insert.setBytes(3, checkpoint.rootHash().bytes());
            insert.setBytes(4, checkpoint.chainHead().bytes());
            insert.setString(5, keyLabel);
            insert.setString(6, note);
            insert.executeUpdate();
        }
    }

    static Optional<StoredCheckpoint> latest(Connection connection) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1", -1);
    }

    static Optional<StoredCheckpoint> atSize(Connection connection, long size) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM ledger_checkpoint WHERE tree_size = ?", size);
    }

    /** The smallest checkpoint at or above {@code size}. */
    static Optional<StoredCheckpoint> atOrAbove(Connection connection, long size) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM ledger_checkpoint WHERE tree_size >= ?"
                + " ORDER BY tree_size LIMIT 1", size);
    }

    /** Checkpoints with sizes in {@code [fromSize, toSize]}, by size. */
    static List<StoredCheckpoint> between(Connection connection, long fromSize, long toSize) throws SQLException {
        List<StoredCheckpoint> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM ledger_checkpoint WHERE tree_size >= ? AND tree_size <= ? ORDER BY tree_size")) {
            select.setLong(1, fromSize);
            select.setLong(2, toSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows));
                }
            }
        }
        return found;
    }

    /** The signed text of a note: everything before the blank line, with its final newline. */
    static String noteText(String note) {
        int split = note.lastIndexOf("\n\n");
        return split < 0 ? note : note.substring(0, split + 1);
    }

    private static Optional<StoredCheckpoint> one(Connection connection, String sql, long size) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (size >= 0) {
                select.setLong(1, size);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row(row)) : Optional.empty();
            }
        }
    }

    private static StoredCheckpoint row(ResultSet row) throws SQLException {
        return new StoredCheckpoint(row.getLong(1), row.getLong(2), row.getBytes(3), row.getBytes(4), row.getString(5),
                row.getString(6));
    }
}
