package io.oversight.ledger.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the server's stored Merkle hashes, as {@link TiledTree} needs them. Storage holds
 * only full tiles (insert-only) plus the leaf hash of every entry; the partial right edge of each
 * tile level is recomputed on demand from at most 255 hashes.
 *
 * <p>Implementations must be safe for the concurrency their callers use; {@link TiledTree} itself
 * adds no synchronization.
 */
public interface TileStore {

    /** The 8192 bytes of full tile {@code (tileLevel, tileIndex)}, if it has been stored. */
    Optional<byte[]> fullTile(int tileLevel, long tileIndex);

    /**
     * Leaf hashes {@code [fromIndex, toIndexExclusive)}, in index order. Called with ranges of at
     * most 256 leaves that all exist.
     */
    List<byte[]> leafHashes(long fromIndex, long toIndexExclusive);

    /**
     * The roots ({@link Tile#root()}) of full tiles {@code [fromTileIndex, toTileIndexExclusive)} at
     * {@code tileLevel}; at most 255 of them are asked for at once, to rebuild the partial edge of the
     * tile level above. This default reads and hashes every tile; a store that keeps each tile's root
     * next to it should override it with a single range read, which keeps an inclusion proof at a
     * handful of reads however large the log.
     *
     * @throws IllegalStateException if one of those tiles is missing
     */
    default List<byte[]> tileRoots(int tileLevel, long fromTileIndex, long toTileIndexExclusive) {
        List<byte[]> roots = new ArrayList<>();
        for (long i = fromTileIndex; i < toTileIndexExclusive; i++) {
            TileId id = new TileId(tileLevel, i);
            byte[] tile = fullTile(tileLevel, i).orElseThrow(() -> new IllegalStateException("missing full tile " + id));
            roots.add(new Tile(id, tile).root());
        }
        return roots;
    }
}
