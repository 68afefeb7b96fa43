package io.oversight.ledger.format;

import java.util.Arrays;
import java.util.Objects;

/**
 * A full tile: its address and its 256 consecutive 32-byte node hashes (8192 bytes). Only full tiles
 * are ever stored, so tile storage is insert-only: a tile's content never changes once written.
 *
 * @param id     the tile's address
 * @param hashes 256 × 32 bytes, node hashes in index order (copied in and out)
 */
public record Tile(TileId id, byte[] hashes) {

    /** Size in bytes of a full tile. */
    public static final int BYTES = TiledTree.TILE_WIDTH * Digest.LENGTH;

    public Tile {
        Objects.requireNonNull(id, "id");
        if (hashes.length != BYTES) {
            throw new IllegalArgumentException("a full tile is " + BYTES + " bytes, got " + hashes.length);
        }
        hashes = hashes.clone();
    }

    @Override
    public byte[] hashes() {
        return hashes.clone();
    }

    /** Hash number {@code position} (0 to 255) of the tile. */
    public byte[] hash(int position) {
        return Arrays.copyOfRange(hashes, position * Digest.LENGTH, (position + 1) * Digest.LENGTH);
    }

    /**
     * The tile's root: the tree node 8 levels above its hashes, that is node
     * {@code (8 * (level + 1), index)}. A store may keep it next to the tile to answer
     * {@link TileStore#tileRoots} without reading whole tiles.
     */
    public byte[] root() {
        return TiledTree.subtreeHash(hashes, 0, TiledTree.TILE_WIDTH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tile t && t.id.equals(id) && Arrays.equals(t.hashes, hashes);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "Tile[" + id + "]";
    }
}
