package io.oversight.ledger.storage;

import io.oversight.ledger.format.TiledTree;
import java.sql.Connection;

/** Test access to the database tile store. */
public final class TileStores {

    private TileStores() {
    }

    public static TiledTree tree(Connection connection, long size) {
        return new TiledTree(new DatabaseTileStore(connection), size);
    }
}
