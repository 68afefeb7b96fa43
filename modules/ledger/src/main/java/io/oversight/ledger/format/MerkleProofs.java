package io.oversight.ledger.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds RFC 6962 (section 2.1) roots, inclusion proofs and consistency proofs from the complete
 * nodes a {@link NodeHashSource} provides. Proof hashes are ordered from the leaves up, as
 * {@link ProofVerifier} expects. Every hash is either a complete node or the hash of a right border
 * {@code [begin, end)} where {@code begin} is a multiple of the smallest power of two not below
 * {@code end - begin}; such a range is computed from at most 64 complete nodes.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** The root of a tree of {@code size} leaves ({@code SHA-256("")} for size 0). */
    public static byte[] root(long size, NodeHashSource nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        return size == 0 ? LedgerHashes.emptyRoot() : rangeHash(0, size, nodes);
    }

    /** The root over the given leaf hashes, computed directly; for small in-memory trees. */
    public static byte[] root(List<byte[]> leafHashes) {
        CompactRange range = CompactRange.empty();
        leafHashes.forEach(range::appendLeaf);
        return range.root();
    }

    /**
     * The inclusion proof (audit path) of leaf {@code index} in the tree of {@code size} leaves.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public static List<byte[]> inclusionProof(long index, long size, NodeHashSource nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("need 0 <= index < size, got index " + index + " size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, nodes, proof);
        return proof;
    }

    /**
     * The consistency proof from the tree of {@code size1} leaves to that of {@code size2}; empty when
     * the sizes are equal.
     *
     * @throws IllegalArgumentException unless {@code 0 < size1 <= size2}: a proof from the empty tree
     *                                  is meaningless (RFC 6962 requires {@code 0 < m})
     */
    public static List<byte[]> consistencyProof(long size1, long size2, NodeHashSource nodes) {
        if (size1 <= 0 || size2 < size1) {
            throw new IllegalArgumentException("need 0 < size1 <= size2, got " + size1 + ", " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, nodes, proof);
        }
        return proof;
    }

    /** RFC 6962 PATH(m, D[begin:end]), appended bottom-up. */
    private static void path(long m, long begin, long end, NodeHashSource nodes, List<byte[]> proof) {
        long n = end - begin;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < begin + k) {
            path(m, begin, begin + k, nodes, proof);
            proof.add(rangeHash(begin + k, end, nodes));
        } else {
            path(m, begin + k, end, nodes, proof);
            proof.add(rangeHash(begin, begin + k, nodes));
        }
    }

    /** RFC 6962 SUBPROOF(m, D[begin:end], b), appended bottom-up; m counts from begin. */
    private static void subproof(long m, long begin, long end, boolean complete, NodeHashSource nodes,
            List<byte[]> proof) {
        long n = end - begin;
        if (m == n) {
            if (!complete) {
                proof.add(rangeHash(begin, end, nodes));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, begin, begin + k, complete, nodes, proof);
            proof.add(rangeHash(begin + k, end, nodes));
        } else {
            subproof(m - k, begin + k, end, false, nodes, proof);
            proof.add(rangeHash(begin, begin + k, nodes));
        }
    }

    /**
     * MTH(D[begin:end]) for an aligned range: the complete nodes for the set bits of
     * {@code end - begin}, highest first, folded from the right.
     */
    static byte[] rangeHash(long begin, long end, NodeHashSource nodes) {
        long n = end - begin;
        byte[][] parts = new byte[Long.bitCount(n)][];
        int i = 0;
        long at = begin;
        for (int level = 63 - Long.numberOfLeadingZeros(n); level >= 0; level--) {
            if ((n >>> level & 1) == 1) {
                parts[i++] = nodes.nodeHash(level, at >>> level);
                at += 1L << level;
            }
        }
        byte[] hash = parts[parts.length - 1];
        for (int j = parts.length - 2; j >= 0; j--) {
            hash = LedgerHashes.nodeHash(parts[j], hash);
        }
        return hash;
    }
}
