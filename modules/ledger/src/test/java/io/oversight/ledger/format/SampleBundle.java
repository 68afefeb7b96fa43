package io.oversight.ledger.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The published sample of {@code docs/samples/} (auditor guide, end of section 9): a log of 13 entries
 * signed with the RFC 8032 test key 1, exported from entry 5 with the checkpoints the server would
 * carry (7, the first at or after entry 5, and 13, the latest) and the consistency proof from a
 * checkpoint of size 4 an auditor kept. Everything is deterministic (Ed25519 signatures included),
 * so {@link SampleBundleTest} can require the checked-in files to be exactly what this writes.
 */
final class SampleBundle {

    static final String ORIGIN = "oversight.example/ledger";
    /** RFC 8032 section 7.1 test key 1, as in the guide's checkpoint example: a test key, never used in production. */
    static final byte[] SEED = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    /** 2026-01-01T09:00:00Z: entry i is sealed i seconds later. */
    static final long T0 = Instant.parse("2026-01-01T09:00:00Z").getEpochSecond() * 1_000_000L;
    static final int SIZE = 13;
    static final int FIRST = 5;
    static final int KEPT = 4;
    static final long[] SIGNED = {4, 7, 10, 13};
    static final long[] BUNDLED = {7, 13};

    static final String BUNDLE_DIR = "bundle";
    static final String TRUST_FILE = "trust.txt";
    static final String KEPT_CHECKPOINT = "kept-checkpoint-4.note";

    final NoteSigner signer = NoteSigner.ed25519(ORIGIN, SEED);
    final List<byte[]> entries = new ArrayList<>();

    SampleBundle() {
        byte[] previous = new byte[Digest.LENGTH];
        for (int i = 0; i < SIZE; i++) {
            byte[] entry = EntryCodec.encode(entry(i, Digest.of(previous)));
            entries.add(entry);
            previous = LedgerHashes.chainHash(entry);
        }
    }

    /** Thirteen entries of one prediction's life: intake, two reviews, the decision, an audit export. */
    private static LedgerEntry entry(int i, Digest previous) {
        long loggedAt = T0 + i * 1_000_000L;
        LedgerEntry.Builder b = LedgerEntry.builder().sequence(i).previousEntryHash(previous)
                .loggedAtMicros(loggedAt).occurredAtMicros(loggedAt - 250_000).workflow("claims-triage");
        String item = "item-" + (40 + i / 4);
        Optional<Digest> guideline = Optional.of(Digest.of(TestLog.sha("guideline v3")));
        switch (i % 4) {
            case 0 -> b.actionType("tasks.prediction.routed").actor("ps-integration01", "integration")
                    .subject("item", item).modelSnapshot("fraud-model-2.1", Optional.of(Digest.of(TestLog.sha("model 2.1"))))
                    .guideline("gv-3", guideline).payloadDigest(Optional.of(Digest.of(TestLog.sha("payload " + i))))
                    .attribute("confidence", "0.6" + i).attribute("outcome", "HUMAN_REVIEW");
            case 1 -> b.actionType("tasks.task.claimed").actor("ps-reviewer0001", "reviewer")
                    .subject("task", "task-" + i).guideline("gv-3", guideline).attribute("item", item);
            case 2 -> b.actionType("tasks.task.completed").actor("ps-reviewer0001", "reviewer")
                    .subject("task", "task-" + (i - 1)).guideline("gv-3", guideline)
                    .rationaleDigest(Optional.of(Digest.of(TestLog.sha("rationale " + i))))
                    .attribute("item", item).attribute("labels", "fraud").attribute("verdict", "APPROVE");
            default -> b.actionType("tasks.item.decided").actor("ps-reviewer0001", "reviewer")
                    .subject("item", item).attribute("labels", "fraud").attribute("source", "REVIEW");
        }
        return b.build();
    }

    /** Leaf hashes of all entries, for checking what is computed from the bundle alone. */
    List<byte[]> leafHashes() {
        return entries.stream().map(LedgerHashes::leafHash).toList();
    }

    String signedCheckpoint(long size) {
        CompactRange tree = CompactRange.empty();
        entries.subList(0, (int) size).forEach(e -> tree.appendLeaf(LedgerHashes.leafHash(e)));
        Digest head = Digest.of(LedgerHashes.chainHash(entries.get((int) size - 1)));
        // Signed half a second after the last entry of the checkpoint.
        return signer.sign(new Checkpoint(ORIGIN, size, Digest.of(tree.root()), head, T0 + (size - 1) * 1_000_000L + 500_000));
    }

    String trustFile() {
        return "# The sample log's key: RFC 8032 test key 1, trusted from 2026-01-01 on. A test key, never trust it elsewhere.\n"
                + signer.verifierKey().encode() + " 2026-01-01T00:00:00Z -\n";
    }

    /** Writes the sample into {@code samples}: the bundle directory, the trust file and the kept checkpoint. */
    void write(Path samples) throws IOException {
        CompactRange prefix = CompactRange.empty();
        entries.subList(0, FIRST).forEach(e -> prefix.appendLeaf(LedgerHashes.leafHash(e)));
        try (BundleWriter w = BundleWriter.toDirectory(samples.resolve(BUNDLE_DIR), ORIGIN,
                BundlePrefix.of(prefix, entries.get(FIRST - 1)))) {
            for (byte[] e : entries.subList(FIRST, SIZE)) {
                w.addEntry(e);
            }
            for (long size : BUNDLED) {
                w.addCheckpoint(signedCheckpoint(size));
            }
            w.addConsistencyProof(KEPT, SIZE, MerkleProofs.consistencyProof(KEPT, SIZE, nodes()));
            w.addTrustFile(trustFile());
        }
        Files.writeString(samples.resolve(TRUST_FILE), trustFile(), StandardCharsets.UTF_8);
        Files.writeString(samples.resolve(KEPT_CHECKPOINT), signedCheckpoint(KEPT), StandardCharsets.UTF_8);
    }

    /** Complete subtree hashes of the whole log, for building proofs as the server does. */
    private NodeHashSource nodes() {
        List<byte[]> leaves = leafHashes();
        return (level, index) -> MerkleProofs.root(leaves.subList((int) (index << level),
                (int) Math.min(leaves.size(), (index + 1) << level)));
    }
}
