package io.oversight.ledger.storage;

import io.oversight.ledger.format.BundlePrefix;
import io.oversight.ledger.format.CompactRange;
import io.oversight.ledger.format.TiledTree;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a range starting at entry {@code first} needs of the entries before it: the Merkle border,
 * read from stored tiles (a few reads, never a scan), and entry {@code first - 1} as stored, with
 * its chain hash. None is trusted by verifiers: the signed roots and chain recomputed with them must
 * match.
 */
final class Prefixes {

    private Prefixes() {
    }

    static BundlePrefix of(Connection connection, long first, long treeSize) throws SQLException {
        if (first == 0) {
            return BundlePrefix.empty();
        }
        TiledTree tree = new TiledTree(new DatabaseTileStore(connection), treeSize);
        List<byte[]> border = new ArrayList<>();
        for (CompactRange.Position position : CompactRange.borderOf(first)) {
            border.add(tree.nodeHash(position.level(), position.index()));
        }
        return BundlePrefix.of(CompactRange.of(first, border), entryBytes(connection, first - 1));
    }

    static byte[] entryBytes(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_bytes FROM ledger_entry WHERE seq = ?")) {
            select.setLong(1, sequence);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("entry " + sequence + " is missing");
                }
                return row.getBytes(1);
            }
        }
    }
}
