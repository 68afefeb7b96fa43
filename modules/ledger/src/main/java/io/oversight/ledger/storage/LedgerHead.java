package io.oversight.ledger.storage;

import io.oversight.ledger.format.CompactRange;
import io.oversight.ledger.format.Digest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The log's state after the last sealed batch, kept in the single row of {@code ledger_head}. Locking
 * that row ({@link #lock}) is the sequencer's mutual exclusion: whoever holds it may append, everyone
 * else waits for the commit and then continues from the state it left.
 *
 * @param treeSize             entries sealed
 * @param chainHead            chain hash of the last entry, zero when empty
 * @param lastLoggedAtMicros   loggedAt of the last entry, 0 when empty
 * @param border               the Merkle tree's right border at treeSize
 * @param checkpointSize       size of the latest signed checkpoint, 0 when none
 * @param checkpointTimeMicros time of the latest signed checkpoint, 0 when none
 */
record LedgerHead(long treeSize, Digest chainHead, long lastLoggedAtMicros, CompactRange border, long checkpointSize,
        long checkpointTimeMicros) {

    private static final String COLUMNS =
            "tree_size, chain_head, last_logged_at_micros, border_hashes, checkpoint_size, checkpoint_time_micros";

    /** Reads the head and locks it until the transaction ends. */
    static LedgerHead lock(Connection connection) throws SQLException {
        return read(connection, "SELECT " + COLUMNS + " FROM ledger_head WHERE id = 1 FOR UPDATE");
    }

    /** Reads the head without locking, as of the connection's snapshot. */
    static LedgerHead read(Connection connection) throws SQLException {
        return read(connection, "SELECT " + COLUMNS + " FROM ledger_head WHERE id = 1");
    }

    private static LedgerHead read(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("ledger_head has no row: the ledger's migrations have not run");
            }
            long size = row.getLong(1);
            byte[] chain = row.getBytes(2);
            byte[] border = row.getBytes(4);
            return new LedgerHead(size, size == 0 ? Digest.zero() : Digest.of(chain), row.getLong(3),
                    CompactRange.of(size, split(size == 0 ? new byte[0] : border)), row.getLong(5), row.getLong(6));
        }
    }

    /** The number of sealed entries, read in a short transaction of its own. */
    static long readSize(javax.sql.DataSource dataSource) {
        return Sql.inTransaction(dataSource, Connection.TRANSACTION_READ_COMMITTED, "reading the ledger head",
                connection -> read(connection).treeSize());
    }

    /** Stores the state after appending entries; requires the lock. */
    void storeAppended(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ledger_head SET tree_size = ?, chain_head = ?, last_logged_at_micros = ?, border_hashes = ?"
                        + " WHERE id = 1")) {
            update.setLong(1, treeSize);
            update.setBytes(2, chainHead.bytes());
            update.setLong(3, lastLoggedAtMicros);
            update.setBytes(4, join(border.hashes()));
            update.executeUpdate();
        }
    }

    /** Stores the latest checkpoint's size and time; requires the lock. */
    static void storeCheckpoint(Connection connection, long size, long timeMicros) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ledger_head SET checkpoint_size = ?, checkpoint_time_micros = ? WHERE id = 1")) {
            update.setLong(1, size);
            update.setLong(2, timeMicros);
            update.executeUpdate();
        }
    }

    private static List<byte[]> split(byte[] joined) throws SQLException {
        if (joined.length % Digest.LENGTH != 0) {
            throw new SQLException("ledger_head.border_hashes is not a whole number of hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < joined.length; i += Digest.LENGTH) {
            hashes.add(Arrays.copyOfRange(joined, i, i + Digest.LENGTH));
        }
        return hashes;
    }

    private static byte[] join(List<byte[]> hashes) {
        byte[] joined = new byte[hashes.size() * Digest.LENGTH];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, joined, i * Digest.LENGTH, Digest.LENGTH);
        }
        return joined;
    }
}
