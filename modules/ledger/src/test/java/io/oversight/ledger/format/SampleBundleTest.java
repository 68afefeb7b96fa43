package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the published sample ({@code docs/samples/}) and the auditor guide's worked proof example
 * true: the sample is exactly what {@link SampleBundle} writes, it verifies, and every hash the
 * guide shows is recomputed here from the sample's files alone. Regenerate the sample after a
 * deliberate format change with {@code -Doversight.samples.write=true} and update the guide.
 */
class SampleBundleTest {

    private static final Path SAMPLES = Path.of("../../docs/samples");
    private static final Path GUIDE = Path.of("../../docs/auditor-guide.md");
    private static final String SECTION = "### A range bundle with an inclusion and a consistency proof";
    private static final Pattern VALUE_LINE = Pattern.compile("^\\s*(\\S+)\\s+([0-9a-f]{64})\\s*$");
    private static final Pattern PROOF_LINE = Pattern.compile("^\\s*(inclusion-proof|consistency-proof)\\((\\d+),(\\d+)\\)\\s+(.+)$");

    @TempDir
    Path tmp;

    @Test
    void theCheckedInSampleIsWhatTheWriterProduces() throws IOException {
        SampleBundle sample = new SampleBundle();
        if (Boolean.getBoolean("oversight.samples.write")) {
            sample.write(SAMPLES);
        }
        sample.write(tmp);
        List<Path> expected = files(tmp);
        assertEquals(expected, files(SAMPLES).stream().filter(p -> !p.toString().endsWith(".md")).toList(),
                "docs/samples holds exactly the sample's files");
        for (Path file : expected) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve(file)), Files.readAllBytes(SAMPLES.resolve(file)),
                    "docs/samples/" + file + " differs from what the bundle writer produces: regenerate it");
        }
    }

    @Test
    void theSampleVerifiesAndExtendsTheKeptCheckpoint() throws Exception {
        List<TrustedKey> trust = TrustFile.parse(Files.readAllBytes(SAMPLES.resolve(SampleBundle.TRUST_FILE)));
        try (BundleReader reader = BundleReader.open(SAMPLES.resolve(SampleBundle.BUNDLE_DIR))) {
            VerificationReport report = new BundleVerifier(SampleBundle.ORIGIN, trust)
                    .verify(reader, Optional.of(Files.readAllBytes(SAMPLES.resolve(SampleBundle.KEPT_CHECKPOINT))));
            assertTrue(report.verified(), () -> report.failure().orElseThrow().getMessage());
            assertEquals(SampleBundle.FIRST, report.firstSequence());
            assertEquals(8, report.entriesChecked());
            assertEquals(List.of(7L, 13L), report.verifiedCheckpoints().stream().map(Checkpoint::size).toList());
            assertEquals(4, report.earlierCheckpoint().orElseThrow().size());
        }
    }

    @Test
    void theGuidesWorkedNumbersAreRecomputedFromTheSampleAlone() throws Exception {
        FromTheBundle bundle = new FromTheBundle(SAMPLES.resolve(SampleBundle.BUNDLE_DIR),
                SAMPLES.resolve(SampleBundle.KEPT_CHECKPOINT));
        List<String> section = guideSection();
        int values = 0;
        int proofs = 0;
        for (String line : section) {
            Matcher value = VALUE_LINE.matcher(line);
            if (value.matches()) {
                assertEquals(hex(bundle.value(value.group(1))), value.group(2), "the guide's " + value.group(1));
                values++;
                continue;
            }
            Matcher proof = PROOF_LINE.matcher(line);
            if (proof.matches()) {
                long a = Long.parseLong(proof.group(2));
                long b = Long.parseLong(proof.group(3));
                List<byte[]> hashes = new ArrayList<>();
                for (String name : proof.group(4).trim().split("\\s+")) {
                    hashes.add(bundle.value(name));
                }
                SampleBundle sample = new SampleBundle();
                List<byte[]> leaves = sample.leafHashes();
                if (proof.group(1).equals("inclusion-proof")) {
                    ProofVerifier.verifyInclusion(a, b, bundle.value("leaf(" + a + ")"), hashes, bundle.value("root(" + b + ")"));
                    assertEquals(hexes(MerkleProofs.inclusionProof(a, b, nodes(leaves))), hexes(hashes), line);
                } else {
                    ProofVerifier.verifyConsistency(a, b, hashes, bundle.value("root(" + a + ")"), bundle.value("root(" + b + ")"));
                    assertEquals(hexes(bundle.consistencyProofFile(a, b)), hexes(hashes), "the bundled proof file, " + line);
                }
                proofs++;
            }
        }
        assertTrue(values >= 20, "the worked example shows its hashes: found " + values);
        assertEquals(2, proofs, "the worked example names an inclusion and a consistency proof");
    }

    /** Values named as in the guide, computed only from the bundle's files and the kept checkpoint. */
    private static final class FromTheBundle {
        private final BundlePrefix prefix;
        private final Map<Long, byte[]> entries = new LinkedHashMap<>();
        private final Map<Long, Checkpoint> checkpoints = new LinkedHashMap<>();
        private final Path dir;

        FromTheBundle(Path dir, Path kept) throws Exception {
            this.dir = dir;
            try (BundleReader reader = BundleReader.open(dir); BundleReader.EntryStream stream = reader.entries()) {
                prefix = reader.prefix();
                long s = reader.manifest().firstSequence();
                entries.put(s - 1, prefix.previousEntry().orElseThrow());
                for (Optional<byte[]> e = stream.next(); e.isPresent(); e = stream.next()) {
                    entries.put(s++, e.get());
                }
                for (byte[] note : reader.checkpointNotes()) {
                    Checkpoint c = Checkpoint.parse(SignedNote.parse(note).text());
                    checkpoints.put(c.size(), c);
                }
            }
            Checkpoint keptCheckpoint = Checkpoint.parse(SignedNote.parse(Files.readAllBytes(kept)).text());
            checkpoints.put(keptCheckpoint.size(), keptCheckpoint);
        }

        byte[] value(String name) throws IOException {
            Matcher m = Pattern.compile("(leaf|chain|root|MTH|border)\\((\\d+)(?:,(\\d+))?\\)|prefix-chain").matcher(name);
            assertTrue(m.matches(), "unknown name in the guide: " + name);
            if (name.equals("prefix-chain")) {
                return prefix.previousChainHash().bytes();
            }
            long a = Long.parseLong(m.group(2));
            return switch (m.group(1)) {
                case "leaf" -> LedgerHashes.leafHash(entry(a));
                case "chain" -> LedgerHashes.chainHash(entry(a));
                case "root" -> checkpoint(a).rootHash().bytes();
                case "border" -> prefix.borderHashes().get((int) a);
                default -> mth(a, Long.parseLong(m.group(3)));
            };
        }

        /** RFC 6962 MTH over entries [a, b), the entries before the bundle standing in through prefix.bin. */
        private byte[] mth(long a, long b) {
            if (a == 0 && b == Long.highestOneBit(prefix.treeSize())) {
                return prefix.borderHashes().get(0);
            }
            if (b - a == 1) {
                return LedgerHashes.leafHash(entry(a));
            }
            long k = Long.highestOneBit(b - a - 1);
            return LedgerHashes.nodeHash(mth(a, a + k), mth(a + k, b));
        }

        private byte[] entry(long sequence) {
            byte[] e = entries.get(sequence);
            assertNotNull(e, "entry " + sequence + " is not in the bundle");
            return e;
        }

        private Checkpoint checkpoint(long size) {
            Checkpoint c = checkpoints.get(size);
            assertNotNull(c, "no checkpoint of size " + size + " in the sample");
            return c;
        }

        List<byte[]> consistencyProofFile(long a, long b) throws Exception {
            try (BundleReader reader = BundleReader.open(dir)) {
                return reader.consistencyProof(a, b).orElseThrow();
            }
        }
    }

    private static List<String> guideSection() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int start = lines.indexOf(SECTION);
        assertTrue(start >= 0, "the guide has the section \"" + SECTION + "\"");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("#")) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static NodeHashSource nodes(List<byte[]> leaves) {
        return (level, index) -> MerkleProofs.root(leaves.subList((int) (index << level),
                (int) Math.min(leaves.size(), (index + 1) << level)));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).map(root::relativize)
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(SampleBundleTest::hex).toList();
    }
}
