package io.oversight.ledger.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bundle starting at entry {@code treeSize} needs of the entries before it: the right border
 * of the tree over them ({@link CompactRange}), so roots can be recomputed; the chain hash of the
 * last of them, which the first bundled entry must record; and (bundle format 2) that last entry
 * itself, whose {@code loggedAt} the first bundled entry and a checkpoint at size {@code treeSize}
 * must not precede. None is trusted on its own: a forged prefix changes every recomputed root and
 * cannot match a signed checkpoint, and the previous entry must hash to the chain hash that the
 * signed chain continues from.
 *
 * <p>File {@code prefix.bin}: {@code u64 treeSize || popcount(treeSize) × 32-byte border hashes,
 * highest level first || 32-byte previous chain hash}, big-endian. File {@code previous-entry.bin}:
 * the stored bytes of entry {@code treeSize - 1}, unframed; present exactly when treeSize &gt; 0
 * in format 2, absent in format 1.
 *
 * @param treeSize          number of entries before the bundle, its first sequence number
 * @param borderHashes      {@link CompactRange#hashes()} of the tree of treeSize leaves (copied in and out)
 * @param previousChainHash chain hash of entry treeSize-1, zero when treeSize is 0
 * @param previousEntry     stored bytes of entry treeSize-1 (copied in and out); empty when treeSize
 *                          is 0 or the bundle is of format 1
 */
public record BundlePrefix(long treeSize, List<byte[]> borderHashes, Digest previousChainHash,
        Optional<byte[]> previousEntry) {

    public BundlePrefix {
        Objects.requireNonNull(previousChainHash, "previousChainHash");
        Objects.requireNonNull(previousEntry, "previousEntry");
        borderHashes = CompactRange.of(treeSize, borderHashes).hashes();
        previousEntry = previousEntry.map(byte[]::clone);
        if (treeSize == 0 && previousEntry.isPresent()) {
            throw new IllegalArgumentException("a bundle starting at entry 0 has no previous entry");
        }
    }

    /** The prefix of a bundle that starts at entry 0. */
    public static BundlePrefix empty() {
        return new BundlePrefix(0, List.of(), Digest.zero(), Optional.empty());
    }

    /**
     * The prefix of a bundle starting after the entries summarized by {@code range}, the last of
     * which is stored as {@code previousEntry}.
     */
    public static BundlePrefix of(CompactRange range, byte[] previousEntry) {
        if (range.size() == 0) {
            throw new IllegalArgumentException("a bundle starting at entry 0 has no previous entry: use empty()");
        }
        return new BundlePrefix(range.size(), range.hashes(), Digest.of(LedgerHashes.chainHash(previousEntry)),
                Optional.of(previousEntry));
    }

    @Override
    public Optional<byte[]> previousEntry() {
        return previousEntry.map(byte[]::clone);
    }

    @Override
    public List<byte[]> borderHashes() {
        List<byte[]> copy = new ArrayList<>(borderHashes.size());
        borderHashes.forEach(h -> copy.add(h.clone()));
        return copy;
    }

    /** A fresh range to continue the tree from. */
    public CompactRange toCompactRange() {
        return CompactRange.of(treeSize, borderHashes);
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(8 + (borderHashes.size() + 1) * Digest.LENGTH);
        out.putLong(treeSize);
        borderHashes.forEach(out::put);
        out.put(previousChainHash.bytes());
        return out.array();
    }

    static BundlePrefix decode(byte[] bytes, Optional<byte[]> previousEntry) throws MalformedBundleException {
        if (bytes.length < 8) {
            throw new MalformedBundleException("prefix.bin is truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long treeSize = in.getLong();
        if (treeSize < 0) {
            throw new MalformedBundleException("prefix.bin tree size exceeds 2^63-1");
        }
        if (treeSize == 0 && previousEntry.isPresent()) {
            throw new MalformedBundleException(BundleWriter.PREVIOUS_ENTRY + " must be absent when prefix.bin covers no entry");
        }
        int count = Long.bitCount(treeSize);
        if (bytes.length != 8 + (count + 1) * Digest.LENGTH) {
            throw new MalformedBundleException("prefix.bin for tree size " + treeSize + " must be "
                    + (8 + (count + 1) * Digest.LENGTH) + " bytes, is " + bytes.length);
        }
        List<byte[]> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] h = new byte[Digest.LENGTH];
            in.get(h);
            hashes.add(h);
        }
        byte[] chain = new byte[Digest.LENGTH];
        in.get(chain);
        return new BundlePrefix(treeSize, hashes, Digest.of(chain), previousEntry);
    }
}
