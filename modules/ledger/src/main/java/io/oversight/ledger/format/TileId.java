package io.oversight.ledger.format;

/**
 * The address of a hash tile (golang.org/x/mod/sumdb/tlog layout, tile height 8): tile
 * {@code (level, index)} holds the 256 node hashes of tree level {@code 8 * level} with node indices
 * {@code [256 * index, 256 * index + 256)}. Tile level 0 holds leaf hashes.
 *
 * @param level tile level, 0 to 7
 * @param index tile index within its level, from 0
 */
public record TileId(int level, long index) {

    public TileId {
        if (level < 0 || level >= 8 || index < 0) {
            throw new IllegalArgumentException("no tile at level " + level + " index " + index);
        }
    }

    /** Tree level of the hashes this tile holds. */
    public int nodeLevel() {
        return level * TiledTree.TILE_HEIGHT;
    }

    /** Smallest tree size at which this tile is full. */
    public long completingTreeSize() {
        return (index + 1) << (TiledTree.TILE_HEIGHT * (level + 1));
    }
}
