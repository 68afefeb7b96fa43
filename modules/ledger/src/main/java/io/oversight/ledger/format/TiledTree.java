package io.oversight.ledger.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Merkle tree of a given size, read from tile storage: roots, node hashes, inclusion
 * and consistency proofs cost a few tile reads, never a scan. Layout as in
 * golang.org/x/mod/sumdb/tlog with tile height 8: tile {@code (t, j)} holds the 256 hashes of tree
 * level {@code 8t}, indices {@code [256j, 256j + 256)}; node {@code (level, index)} lives in tile
 * level {@code level / 8} and is hashed from the {@code 2^(level mod 8)} hashes below it there.
 *
 * <p>Only full tiles are stored. For each tile level, the hashes right of the last full tile (the
 * partial edge, at most 255) are rebuilt on demand: leaf hashes for tile level 0, roots of the full
 * tiles one level down above that. So a proof in a log of 10 million entries reads at most 3 full
 * tiles, 3 partial edges and one leaf range of at most 255 hashes.
 *
 * <p>Immutable; thread-safe if the store is. Each call reads through its own small cache.
 */
public final class TiledTree implements NodeHashSource {

    /** Tree levels per tile. */
    public static final int TILE_HEIGHT = 8;
    /** Hashes per full tile. */
    public static final int TILE_WIDTH = 1 << TILE_HEIGHT;

    private final TileStore store;
    private final long size;

    /** The tree of the first {@code size} leaves held by {@code store}. */
    public TiledTree(TileStore store, long size) {
        this.store = Objects.requireNonNull(store, "store");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        this.size = size;
    }

    /** Where a node's hash is computed from: {@code width} hashes from position {@code start} of {@code tile}. */
    public record NodeLocation(TileId tile, int start, int width) {
    }

    /** The tile and positions a node is hashed from. */
    public static NodeLocation locate(int level, long index) {
        if (level < 0 || level > 63 || index < 0) {
            throw new IllegalArgumentException("no node at level " + level + " index " + index);
        }
        int tileLevel = level / TILE_HEIGHT;
        int below = level - tileLevel * TILE_HEIGHT;
        long first = index << below;
        return new NodeLocation(new TileId(tileLevel, first >>> TILE_HEIGHT), (int) (first & (TILE_WIDTH - 1)), 1 << below);
    }

    /**
     * The tiles that become full when the tree grows from {@code oldSize} to {@code newSize}, by tile
     * level then index: what the sequencer must insert after sealing a batch.
     */
    public static List<TileId> tilesCompletedBy(long oldSize, long newSize) {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("need 0 <= oldSize <= newSize, got " + oldSize + ", " + newSize);
        }
        List<TileId> tiles = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            for (long j = fullTiles(oldSize, t); j < fullTiles(newSize, t); j++) {
                tiles.add(new TileId(t, j));
            }
        }
        return tiles;
    }

    /**
     * The contents of {@link #tilesCompletedBy(long, long)}, in the same order. Reads the new leaf
     * hashes from {@code store} (so the batch's leaf hashes must be readable there) and the roots of
     * tiles stored before {@code oldSize}; tiles completed by this same growth are taken from the
     * result being built.
     */
    public static List<Tile> newFullTiles(TileStore store, long oldSize, long newSize) {
        Map<TileId, Tile> built = new LinkedHashMap<>();
        for (TileId id : tilesCompletedBy(oldSize, newSize)) {
            long first = id.index() * TILE_WIDTH;
            List<byte[]> hashes;
            if (id.level() == 0) {
                hashes = store.leafHashes(first, first + TILE_WIDTH);
            } else {
                int below = id.level() - 1;
                long storedEnd = Math.min(first + TILE_WIDTH, Math.max(first, fullTiles(oldSize, below)));
                hashes = new ArrayList<>(storedEnd > first ? store.tileRoots(below, first, storedEnd) : List.of());
                for (long j = storedEnd; j < first + TILE_WIDTH; j++) {
                    hashes.add(built.get(new TileId(below, j)).root());
                }
            }
            built.put(id, new Tile(id, concat(hashes, TILE_WIDTH, id.toString())));
        }
        return new ArrayList<>(built.values());
    }

    public long size() {
        return size;
    }

    /** The root hash of the tree of {@link #size()} leaves. */
    public byte[] root() {
        return MerkleProofs.root(size, new Reader());
    }

    /**
     * The hash of a node complete at this size.
     *
     * @throws IllegalArgumentException if the node is not complete in this tree
     * @throws IllegalStateException    if the store lacks a tile or leaf hash this size implies
     */
    @Override
    public byte[] nodeHash(int level, long index) {
        return new Reader().nodeHash(level, index);
    }

    /** Inclusion proof of leaf {@code index}, requires {@code 0 <= index < size()}. */
    public List<byte[]> inclusionProof(long index) {
        return MerkleProofs.inclusionProof(index, size, new Reader());
    }

    /** Consistency proof from the tree of {@code size1} leaves to this one, requires {@code 0 < size1 <= size()}. */
    public List<byte[]> consistencyProof(long size1) {
        return MerkleProofs.consistencyProof(size1, size, new Reader());
    }

    /** Number of full tiles at tile level {@code t} in a tree of {@code size} leaves. */
    private static long fullTiles(long size, int t) {
        int shift = TILE_HEIGHT * (t + 1);
        return shift >= 64 ? 0 : size >>> shift;
    }

    /** Root of the perfect subtree over {@code width} (a power of two) hashes from position {@code start}. */
    static byte[] subtreeHash(byte[] hashes, int start, int width) {
        if (width == 1) {
            byte[] h = new byte[Digest.LENGTH];
            System.arraycopy(hashes, start * Digest.LENGTH, h, 0, Digest.LENGTH);
            return h;
        }
        int half = width / 2;
        return LedgerHashes.nodeHash(subtreeHash(hashes, start, half), subtreeHash(hashes, start + half, half));
    }

    private static byte[] concat(List<byte[]> hashes, long expected, String what) {
        if (hashes.size() != expected) {
            throw new IllegalStateException("store returned " + hashes.size() + " hashes for " + what + ", want " + expected);
        }
        byte[] out = new byte[hashes.size() * Digest.LENGTH];
        for (int i = 0; i < hashes.size(); i++) {
            byte[] h = hashes.get(i);
            if (h.length != Digest.LENGTH) {
                throw new IllegalStateException("store returned a " + h.length + "-byte hash for " + what);
            }
            System.arraycopy(h, 0, out, i * Digest.LENGTH, Digest.LENGTH);
        }
        return out;
    }

    /** Resolves nodes for one operation, reading each tile and partial edge at most once. */
    private final class Reader implements NodeHashSource {
        private final Map<TileId, byte[]> tiles = new HashMap<>();
        private final Map<Integer, byte[]> edges = new HashMap<>();

        @Override
        public byte[] nodeHash(int level, long index) {
            if (level < 0 || level > 62 || index < 0 || index >= size >>> level) {
                throw new IllegalArgumentException("node (" + level + ", " + index + ") is not complete at size " + size);
            }
            NodeLocation at = locate(level, index);
            int t = at.tile().level();
            byte[] hashes = at.tile().index() < fullTiles(size, t)
                    ? tiles.computeIfAbsent(at.tile(), this::readTile)
                    : edges.computeIfAbsent(t, this::readEdge);
            return subtreeHash(hashes, at.start(), at.width());
        }

        private byte[] readTile(TileId id) {
            byte[] tile = store.fullTile(id.level(), id.index())
                    .orElseThrow(() -> new IllegalStateException("missing full tile " + id + " at tree size " + size));
            if (tile.length != Tile.BYTES) {
                throw new IllegalStateException("tile " + id + " is " + tile.length + " bytes");
            }
            return tile;
        }

        private byte[] readEdge(int t) {
            long first = fullTiles(size, t) * TILE_WIDTH;
            long end = size >>> (TILE_HEIGHT * t);
            List<byte[]> hashes = t == 0 ? store.leafHashes(first, end) : store.tileRoots(t - 1, first, end);
            return concat(hashes, end - first, "partial edge of tile level " + t);
        }
    }
}
