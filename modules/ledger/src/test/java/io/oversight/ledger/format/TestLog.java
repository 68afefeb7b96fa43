package io.oversight.ledger.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A deterministic in-memory ledger for tests: entries as the server would store them, every tree
 * node, and a fixed signing key, so bundles and checkpoints can be built and tampered with.
 */
final class TestLog implements NodeHashSource {

    static final String ORIGIN = "oversight.example/ledger";
    /** Fixed test signing seed: never use outside tests. */
    static final byte[] SEED = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final long T0 = 1_700_000_000_000_000L;

    final NoteSigner signer = NoteSigner.ed25519(ORIGIN, SEED);
    final List<byte[]> entries = new ArrayList<>();
    final List<byte[]> chainHashes = new ArrayList<>();
    /** levels.get(l).get(i) = hash of complete node (l, i). */
    final List<List<byte[]>> levels = new ArrayList<>();
    private final CompactRange range = CompactRange.empty();
    private final Random random;

    TestLog(long seed) {
        this.random = new Random(seed);
    }

    static TestLog withEntries(int count) {
        TestLog log = new TestLog(42);
        log.append(count);
        return log;
    }

    static LedgerEntry entry(long sequence, Digest previous, long loggedAt, Random random) {
        LedgerEntry.Builder b = LedgerEntry.builder()
                .sequence(sequence)
                .previousEntryHash(previous)
                .loggedAtMicros(loggedAt)
                .occurredAtMicros(loggedAt - 1_000 - random.nextInt(5_000))
                .workflow("wf-" + random.nextInt(3))
                .actionType(random.nextBoolean() ? "review.decision.approved" : "task.claimed")
                .actor("p-" + Integer.toHexString(random.nextInt()), random.nextBoolean() ? "reviewer" : "system")
                .subject("item", "item-" + random.nextInt(100_000))
                .guideline("gv-" + random.nextInt(4), Optional.of(Digest.of(sha("guideline" + random.nextInt(4)))))
                .modelSnapshot("model-7", Optional.empty())
                .payloadDigest(Optional.of(Digest.of(sha("payload" + sequence))));
        if (random.nextBoolean()) {
            b.rationaleDigest(Optional.of(Digest.of(sha("rationale" + sequence))));
        }
        if (random.nextInt(4) == 0) {
            b.attribute("label", "cat").attribute("confidence", "0.93");
        }
        return b.build();
    }

    void append(int count) {
        for (int i = 0; i < count; i++) {
            long sequence = entries.size();
            Digest previous = sequence == 0 ? Digest.zero() : Digest.of(chainHashes.get((int) sequence - 1));
            long loggedAt = T0 + sequence * 1_000 + random.nextInt(900);
            appendBytes(EntryCodec.encode(entry(sequence, previous, loggedAt, random)));
        }
    }

    void appendBytes(byte[] bytes) {
        entries.add(bytes);
        chainHashes.add(LedgerHashes.chainHash(bytes));
        for (MerkleNode node : range.append(LedgerHashes.leafHash(bytes))) {
            while (levels.size() <= node.level()) {
                levels.add(new ArrayList<>());
            }
            levels.get(node.level()).add(node.hash());
        }
    }

    int size() {
        return entries.size();
    }

    @Override
    public byte[] nodeHash(int level, long index) {
        return levels.get(level).get((int) index);
    }

    byte[] root(long size) {
        return MerkleProofs.root(size, this);
    }

    Checkpoint checkpoint(long size, long timeMicros) {
        Digest head = size == 0 ? Digest.zero() : Digest.of(chainHashes.get((int) size - 1));
        return new Checkpoint(ORIGIN, size, Digest.of(root(size)), head, timeMicros);
    }

    Checkpoint checkpoint(long size) {
        return checkpoint(size, T0 + size * 1_000 + 1_000);
    }

    String signedCheckpoint(long size) {
        return signer.sign(checkpoint(size));
    }

    List<TrustedKey> trust() {
        return List.of(TrustedKey.always(signer.verifierKey()));
    }

    BundlePrefix prefix(long first) {
        CompactRange r = CompactRange.empty();
        for (int i = 0; i < first; i++) {
            r.appendLeaf(LedgerHashes.leafHash(entries.get(i)));
        }
        return first == 0 ? BundlePrefix.empty() : BundlePrefix.of(r, entries.get((int) first - 1));
    }

    /** Writes entries [first, end) with checkpoints at the given sizes into a bundle directory. */
    Path writeBundle(Path dir, long first, long end, long... checkpointSizes) throws IOException {
        try (BundleWriter w = BundleWriter.toDirectory(dir, ORIGIN, prefix(first))) {
            for (long s = first; s < end; s++) {
                w.addEntry(entries.get((int) s));
            }
            for (long size : checkpointSizes) {
                w.addCheckpoint(signedCheckpoint(size));
            }
            w.addTrustFile(TrustFile.format(trust()));
        }
        return dir;
    }

    static byte[] sha(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
