package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

    private static final List<byte[]> LEAVES = VectorFiles.leaves(1100);

    @Test
    void theBorderOfThirteenLeavesIsTheSubtreesOfEightFourAndOne() {
        assertEquals(List.of(new CompactRange.Position(3, 0), new CompactRange.Position(2, 2),
                new CompactRange.Position(0, 12)), CompactRange.borderOf(13));
        assertEquals(List.of(), CompactRange.borderOf(0));
    }

    @Test
    void rootEqualsNaiveRootAtEverySize() {
        CompactRange range = CompactRange.empty();
        assertArrayEquals(LedgerHashes.emptyRoot(), range.root());
        for (int n = 1; n <= LEAVES.size(); n++) {
            range.append(LEAVES.get(n - 1));
            assertEquals(n, range.size());
            assertEquals(Long.bitCount(n), range.hashes().size());
            if (n < 70 || n % 37 == 0) {
                assertArrayEquals(NaiveMerkle.mth(LEAVES.subList(0, n)), range.root(), "size " + n);
            }
        }
    }

    @Test
    void appendReportsExactlyTheNodesItCompletes() {
        CompactRange range = CompactRange.empty();
        NodeHashSource naive = MerkleVectorsTest.memory(LEAVES);
        int total = 0;
        for (int n = 0; n < 600; n++) {
            List<MerkleNode> nodes = range.append(LEAVES.get(n));
            // Leaf n completes one node per trailing one bit of n, plus the leaf itself.
            assertEquals(1 + Long.numberOfTrailingZeros(~(long) n), nodes.size());
            for (MerkleNode node : nodes) {
                assertEquals(n + 1, (node.index() + 1) << node.level(), "node ends at the new leaf");
                assertArrayEquals(naive.nodeHash(node.level(), node.index()), node.hash());
            }
            total += nodes.size();
        }
        assertEquals(2 * 600 - Long.bitCount(600), total, "every complete node reported once");
    }

    @Test
    void restoredRangeContinuesLikeTheOriginal() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int split = random.nextInt(500);
            CompactRange original = CompactRange.empty();
            LEAVES.subList(0, split).forEach(original::append);
            CompactRange restored = CompactRange.of(original.size(), original.hashes());
            assertEquals(original.nodes(), restored.nodes());
            int end = split + random.nextInt(500);
            for (int i = split; i < end; i++) {
                restored.append(LEAVES.get(i));
            }
            assertArrayEquals(NaiveMerkle.mth(LEAVES.subList(0, end)), restored.root());
        }
    }

    @Test
    void nodesNameTheBorder() {
        CompactRange range = CompactRange.empty();
        LEAVES.subList(0, 13).forEach(range::append);
        List<MerkleNode> nodes = range.nodes();
        assertEquals(List.of(3, 2, 0), nodes.stream().map(MerkleNode::level).toList());
        assertEquals(List.of(0L, 2L, 12L), nodes.stream().map(MerkleNode::index).toList());
    }

    @Test
    void rejectsWrongBorder() {
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(3, List.of(new byte[32])));
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(1, List.of(new byte[31])));
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(-1, List.of()));
    }
}
