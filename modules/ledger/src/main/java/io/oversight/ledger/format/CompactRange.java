package io.oversight.ledger.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The right border ("frontier") of a tree of {@code size} leaves: one complete node per set bit of
 * {@code size}, from the highest level to the lowest. It is all that is needed to compute the root
 * and to extend the tree, in O(log n) memory. The sequencer appends each batch's leaf hashes to it;
 * the offline verifier streams millions of entries through it.
 *
 * <p>Mutable and not thread-safe: confine an instance to one thread, or {@link #copy()} it.
 */
public final class CompactRange {

    private long size;
    /** hashes.get(i) is the node for the i-th highest set bit of size. */
    private final ArrayList<byte[]> hashes;

    private CompactRange(long size, ArrayList<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    /** The range of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /**
     * A range restored from its {@link #hashes()}.
     *
     * @throws IllegalArgumentException unless there is exactly one 32-byte hash per set bit of size
     */
    public static CompactRange of(long size, List<byte[]> hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
                    + " border nodes, got " + hashes.size());
        }
        ArrayList<byte[]> copy = new ArrayList<>(64);
        for (byte[] h : hashes) {
            if (h.length != Digest.LENGTH) {
                throw new IllegalArgumentException("border hash must be 32 bytes");
            }
            copy.add(h.clone());
        }
        return new CompactRange(size, copy);
    }

    /** Number of leaves appended so far, including those of the restored prefix. */
    public long size() {
        return size;
    }

    /** The border node hashes, highest level first; node i sits at level of the i-th highest set bit. */
    public List<byte[]> hashes() {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        hashes.forEach(h -> copy.add(h.clone()));
        return copy;
    }

    /** Where a node of the tree sits: its level and its index within that level. */
    public record Position(int level, long index) {
    }

    /** The positions of the border nodes of a tree of {@code size} leaves, highest level first. */
    public static List<Position> borderOf(long size) {
        List<Position> positions = new ArrayList<>(Long.bitCount(size));
        long begin = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                positions.add(new Position(level, begin >>> level));
                begin += 1L << level;
            }
        }
        return positions;
    }

    /** The border as nodes with their positions, highest level first. */
    public List<MerkleNode> nodes() {
        List<Position> positions = borderOf(size);
        List<MerkleNode> nodes = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            nodes.add(new MerkleNode(positions.get(i).level(), positions.get(i).index(), hashes.get(i)));
        }
        return nodes;
    }

    /**
     * Appends one leaf and returns every node that became complete: the leaf itself (level 0), then
     * each parent completed by it, bottom up.
     */
    public List<MerkleNode> append(byte[] leafHash) {
        List<MerkleNode> completed = new ArrayList<>(2);
        long index = size;
        byte[] hash = leafHash.clone();
        completed.add(new MerkleNode(0, index, hash));
        int level = 0;
        while ((index >>> level & 1) == 1) {
            hash = LedgerHashes.nodeHash(hashes.remove(hashes.size() - 1), hash);
            level++;
            completed.add(new MerkleNode(level, index >>> level, hash));
        }
        hashes.add(hash);
        size++;
        return completed;
    }

    /** Like {@link #append} without reporting completed nodes; the verifier's hot path. */
    void appendLeaf(byte[] leafHash) {
        if (leafHash.length != Digest.LENGTH) {
            throw new IllegalArgumentException("leaf hash must be 32 bytes");
        }
        byte[] hash = leafHash;
        long index = size;
        while ((index & 1) == 1) {
            hash = LedgerHashes.nodeHash(hashes.remove(hashes.size() - 1), hash);
            index >>>= 1;
        }
        hashes.add(hash);
        size++;
    }

    /** The RFC 6962 root of the tree of {@link #size()} leaves; {@code SHA-256("")} when empty. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return LedgerHashes.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = LedgerHashes.nodeHash(hashes.get(i), root);
        }
        return root.clone();
    }

    /** An independent copy. */
    public CompactRange copy() {
        return of(size, hashes);
    }
}
