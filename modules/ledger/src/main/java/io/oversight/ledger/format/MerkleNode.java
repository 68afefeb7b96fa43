package io.oversight.ledger.format;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A complete node of the Merkle tree: the root of the perfect subtree over leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}. Level 0 nodes are leaf hashes. Once complete, a
 * node's hash never changes as the log grows, which is what makes it storable.
 *
 * @param level height above the leaves, 0 to 63
 * @param index position among the nodes of its level, from the left, from 0
 * @param hash  the 32-byte node hash (copied in and out)
 */
public record MerkleNode(int level, long index, byte[] hash) {

    public MerkleNode {
        if (level < 0 || level > 63 || index < 0) {
            throw new IllegalArgumentException("no node at level " + level + " index " + index);
        }
        if (hash.length != Digest.LENGTH) {
            throw new IllegalArgumentException("node hash must be 32 bytes");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MerkleNode n && n.level == level && n.index == index && Arrays.equals(n.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "MerkleNode[level=" + level + ", index=" + index + ", hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}
