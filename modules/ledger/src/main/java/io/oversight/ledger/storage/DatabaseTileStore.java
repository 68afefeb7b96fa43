package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerStorageException;
import io.oversight.ledger.format.Tile;
import io.oversight.ledger.format.TileStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link TileStore} over {@code ledger_tile} (full tiles with their roots) and the leaf hashes of
 * {@code ledger_entry}, read through one connection, in that connection's transaction. Not
 * thread-safe (a connection is not); create one per operation.
 */
final class DatabaseTileStore implements TileStore {

    private final Connection connection;

    DatabaseTileStore(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<byte[]> fullTile(int tileLevel, long tileIndex) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT hashes FROM ledger_tile WHERE tile_level = ? AND tile_index = ?")) {
            select.setInt(1, tileLevel);
            select.setLong(2, tileIndex);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("reading tile " + tileLevel + "/" + tileIndex, e);
        }
    }

    @Override
    public List<byte[]> leafHashes(long fromIndex, long toIndexExclusive) {
        List<byte[]> hashes = new ArrayList<>((int) (toIndexExclusive - fromIndex));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, leaf_hash FROM ledger_entry WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            select.setLong(1, fromIndex);
            select.setLong(2, toIndexExclusive);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(1) != fromIndex + hashes.size()) {
                        throw new IllegalStateException("leaf " + (fromIndex + hashes.size()) + " is missing");
                    }
                    hashes.add(rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("reading leaf hashes " + fromIndex + ".." + toIndexExclusive, e);
        }
        return hashes;
    }

    @Override
    public List<byte[]> tileRoots(int tileLevel, long fromTileIndex, long toTileIndexExclusive) {
        List<byte[]> roots = new ArrayList<>((int) (toTileIndexExclusive - fromTileIndex));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tile_index, root_hash FROM ledger_tile WHERE tile_level = ? AND tile_index >= ?"
                        + " AND tile_index < ? ORDER BY tile_index")) {
            select.setInt(1, tileLevel);
            select.setLong(2, fromTileIndex);
            select.setLong(3, toTileIndexExclusive);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(1) != fromTileIndex + roots.size()) {
                        throw new IllegalStateException("missing full tile " + tileLevel + "/" + (fromTileIndex + roots.size()));
                    }
                    roots.add(rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("reading tile roots at level " + tileLevel, e);
        }
        return roots;
    }

    /** Inserts newly completed full tiles with their roots. */
    static void insert(Connection connection, List<Tile> tiles) throws SQLException {
        if (tiles.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_tile (tile_level, tile_index, hashes, root_hash) VALUES (?, ?, ?, ?)")) {
            for (Tile tile : tiles) {
                insert.setInt(1, tile.id().level());
                insert.setLong(2, tile.id().index());
                insert.setBytes(3, tile.hashes());
                insert.setBytes(4, tile.root());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
