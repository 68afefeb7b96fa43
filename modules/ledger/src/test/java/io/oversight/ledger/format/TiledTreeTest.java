package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TiledTreeTest {

    /** Insert-only in-memory tile storage, as the server's tables would be. */
    static final class MemoryTileStore implements TileStore {
        final Map<TileId, byte[]> tiles = new HashMap<>();
        final List<byte[]> leaves = new ArrayList<>();

        void grow(List<byte[]> newLeaves) {
            long oldSize = leaves.size();
            leaves.addAll(newLeaves);
            for (Tile tile : TiledTree.newFullTiles(this, oldSize, leaves.size())) {
                if (tiles.putIfAbsent(tile.id(), tile.hashes()) != null) {
                    throw new AssertionError("tile " + tile.id() + " written twice");
                }
            }
        }

        @Override
        public Optional<byte[]> fullTile(int tileLevel, long tileIndex) {
            return Optional.ofNullable(tiles.get(new TileId(tileLevel, tileIndex)));
        }

        @Override
        public List<byte[]> leafHashes(long from, long to) {
            assertTrue(to - from <= 256, "leaf range too long: " + (to - from));
            return new ArrayList<>(leaves.subList((int) from, (int) to));
        }
    }

    /** Every complete node of a tree, from CompactRange.append: the naive reference. */
    static final class AllNodes implements NodeHashSource {
        final List<List<byte[]>> levels = new ArrayList<>();
        final CompactRange range = CompactRange.empty();

        void append(byte[] leaf) {
            for (MerkleNode n : range.append(leaf)) {
                while (levels.size() <= n.level()) {
                    levels.add(new ArrayList<>());
                }
                levels.get(n.level()).add(n.hash());
            }
        }

        @Override
        public byte[] nodeHash(int level, long index) {
            return levels.get(level).get((int) index);
        }
    }

    @Test
    void locateMapsNodesToTiles() {
        assertEquals(new TiledTree.NodeLocation(new TileId(0, 0), 5, 1), TiledTree.locate(0, 5));
        assertEquals(new TiledTree.NodeLocation(new TileId(0, 1), 0, 1), TiledTree.locate(0, 256));
        assertEquals(new TiledTree.NodeLocation(new TileId(0, 1), 128, 128), TiledTree.locate(7, 3));
        assertEquals(new TiledTree.NodeLocation(new TileId(1, 0), 3, 1), TiledTree.locate(8, 3));
        assertEquals(new TiledTree.NodeLocation(new TileId(1, 2), 4, 4), TiledTree.locate(10, 129));
        assertEquals(new TiledTree.NodeLocation(new TileId(2, 0), 0, 2), TiledTree.locate(17, 0));
    }

    @Test
    void tilesCompletedByGrowth() {
        assertEquals(List.of(), TiledTree.tilesCompletedBy(0, 255));
        assertEquals(List.of(new TileId(0, 0)), TiledTree.tilesCompletedBy(0, 256));
        assertEquals(List.of(new TileId(0, 1)), TiledTree.tilesCompletedBy(256, 600));
        assertEquals(List.of(new TileId(0, 255), new TileId(1, 0)), TiledTree.tilesCompletedBy(65_535, 65_536));
        assertEquals(257, TiledTree.tilesCompletedBy(0, 65_536).size());
        assertEquals(65_536, new TileId(1, 0).completingTreeSize());
        assertThrows(IllegalArgumentException.class, () -> TiledTree.tilesCompletedBy(5, 4));
    }

    @Test
    void tiledProofsEqualNaiveProofsAcrossTileBoundaries() {
        Random random = new Random(11);
        List<byte[]> leaves = VectorFiles.leaves(2_000);
        MemoryTileStore store = new MemoryTileStore();
        AllNodes naive = new AllNodes();
        int size = 0;
        while (size < leaves.size()) {
            int batch = Math.min(leaves.size() - size, 1 + random.nextInt(size < 300 ? 3 : 97));
            List<byte[]> add = leaves.subList(size, size + batch);
            store.grow(add);
            add.forEach(naive::append);
            size += batch;
            checkAtSize(store, naive, size, random);
        }
        assertEquals(2_000 / 256, store.tiles.size());
    }

    @Test
    void tiledProofsEqualNaiveProofsAboveTheFirstTileLevel() {
        Random random = new Random(12);
        MemoryTileStore store = new MemoryTileStore();
        AllNodes naive = new AllNodes();
        long size = 0;
        for (long target : new long[] {65_535, 65_536, 65_537, 65_536 + 256 * 3 + 17, 140_000}) {
            List<byte[]> add = new ArrayList<>();
            for (long i = size; i < target; i++) {
                add.add(LedgerHashes.leafHash(Long.toString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            store.grow(add);
            add.forEach(naive::append);
            size = target;
            checkAtSize(store, naive, size, random);
        }
        assertTrue(store.tiles.containsKey(new TileId(1, 1)));
    }

    private static void checkAtSize(MemoryTileStore store, AllNodes naive, long size, Random random) {
        TiledTree tree = new TiledTree(store, size);
        assertArrayEquals(naive.range.root(), tree.root(), "root at size " + size);
        for (int k = 0; k < 4; k++) {
            long index = k == 0 ? size - 1 : (long) (random.nextDouble() * size);
            MerkleVectorsTest.assertProofEquals(MerkleProofs.inclusionProof(index, size, naive), tree.inclusionProof(index));
            long size1 = 1 + (long) (random.nextDouble() * size);
            MerkleVectorsTest.assertProofEquals(MerkleProofs.consistencyProof(size1, size, naive), tree.consistencyProof(size1));
            int level = random.nextInt(64 - Long.numberOfLeadingZeros(size));
            long index2 = (long) (random.nextDouble() * (size >>> level));
            assertArrayEquals(naive.nodeHash(level, index2), tree.nodeHash(level, index2));
        }
        assertThrows(IllegalArgumentException.class, () -> tree.nodeHash(0, size));
    }

    @Test
    void tiledProofsAreVerified() throws Exception {
        MemoryTileStore store = new MemoryTileStore();
        store.grow(VectorFiles.leaves(1_000));
        TiledTree tree = new TiledTree(store, 1_000);
        byte[] root = tree.root();
        ProofVerifier.verifyInclusion(700, 1_000, store.leaves.get(700), tree.inclusionProof(700), root);
        ProofVerifier.verifyConsistency(300, 1_000, tree.consistencyProof(300), new TiledTree(store, 300).root(), root);
    }

    @Test
    void proofInTenMillionEntryLogReadsAHandfulOfTiles() {
        long size = 10_000_000;
        int[] reads = new int[3];
        TileStore synthetic = new TileStore() {
            @Override
            public Optional<byte[]> fullTile(int tileLevel, long tileIndex) {
                reads[0]++;
                assertTrue(tileIndex < size >>> (8 * (tileLevel + 1)), "only full tiles are read");
                byte[] tile = new byte[Tile.BYTES];
                new Random(tileLevel * 31L + tileIndex).nextBytes(tile);
                return Optional.of(tile);
            }

            @Override
            public List<byte[]> leafHashes(long from, long to) {
                reads[1]++;
                List<byte[]> hashes = new ArrayList<>();
                for (long i = from; i < to; i++) {
                    hashes.add(TestLog.sha("leaf" + i));
                }
                return hashes;
            }

            @Override
            public List<byte[]> tileRoots(int tileLevel, long from, long to) {
                reads[2]++;
                List<byte[]> roots = new ArrayList<>();
                for (long i = from; i < to; i++) {
                    roots.add(TestLog.sha("root" + tileLevel + "/" + i));
                }
                return roots;
            }
        };
        TiledTree tree = new TiledTree(synthetic, size);
        for (long index : new long[] {0, 4_999_999, 9_999_999, 9_999_000, 8_388_608}) {
            java.util.Arrays.fill(reads, 0);
            tree.inclusionProof(index);
            assertTrue(reads[0] <= 6 && reads[1] <= 1 && reads[2] <= 2,
                    "reads for index " + index + ": tiles " + reads[0] + ", leaf ranges " + reads[1] + ", root ranges " + reads[2]);
        }
        java.util.Arrays.fill(reads, 0);
        tree.consistencyProof(7_654_321);
        assertTrue(reads[0] + reads[1] + reads[2] <= 12, "consistency proof reads " + java.util.Arrays.toString(reads));
    }
}
