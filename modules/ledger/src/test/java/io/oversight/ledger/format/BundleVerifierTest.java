package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {

    private static TestLog log;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildLog() {
        log = TestLog.withEntries(5_000);
    }

    private VerificationReport verify(Path bundle, Optional<String> earlier) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            return new BundleVerifier(TestLog.ORIGIN, log.trust())
                    .verify(reader, earlier.map(s -> s.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void assertVerified(VerificationReport report) {
        assertTrue(report.verified(), () -> "unexpected failure: " + report.failure().orElseThrow());
    }

    private static VerificationException failure(VerificationReport report) {
        assertTrue(!report.verified(), "verification should fail");
        return report.failure().orElseThrow();
    }

    @Test
    void completeBundleVerifies() throws Exception {
        VerificationReport report = verify(log.writeBundle(tmp.resolve("b"), 0, 5_000, 1_000, 2_500, 5_000), Optional.empty());
        assertVerified(report);
        assertEquals(5_000, report.entriesChecked());
        assertEquals(List.of(1_000L, 2_500L, 5_000L), report.verifiedCheckpoints().stream().map(Checkpoint::size).toList());
    }

    @Test
    void zipBundleVerifies() throws Exception {
        Path zip = tmp.resolve("b.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                BundleWriter w = BundleWriter.toZip(out, TestLog.ORIGIN, BundlePrefix.empty())) {
            for (int i = 0; i < 3_000; i++) {
                w.addEntry(log.entries.get(i));
            }
            w.addCheckpoint(log.signedCheckpoint(3_000));
            w.addCheckpoint(log.signedCheckpoint(0));
        }
        VerificationReport report = verify(zip, Optional.empty());
        assertVerified(report);
        assertEquals(List.of(0L, 3_000L), report.verifiedCheckpoints().stream().map(Checkpoint::size).toList());
    }

    @Test
    void rangeBundleVerifiesThroughItsPrefix() throws Exception {
        VerificationReport report = verify(log.writeBundle(tmp.resolve("b"), 1_234, 5_000, 1_234, 4_000, 5_000), Optional.empty());
        assertVerified(report);
        assertEquals(3_766, report.entriesChecked());
        assertEquals(1_234, report.firstSequence());
        assertTrue(report.notices().get(0).contains("prefix.bin"));
    }

    @Test
    void forgedPrefixIsCaughtByTheSignedRoot() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 1_234, 5_000, 5_000);
        byte[] prefix = Files.readAllBytes(bundle.resolve("prefix.bin"));
        prefix[10] ^= 1;
        Files.write(bundle.resolve("prefix.bin"), prefix);
        assertInstanceOf(RootMismatchException.class, failure(verify(bundle, Optional.empty())));
    }

    @Test
    void earlierCheckpointInsideTheRangeIsRecomputed() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 0, 5_000, 5_000);
        VerificationReport report = verify(bundle, Optional.of(log.signedCheckpoint(1_000)));
        assertVerified(report);
        assertEquals(1_000, report.earlierCheckpoint().orElseThrow().size());

        TestLog fork = TestLog.withEntries(1_000);
        fork.appendBytes(EntryCodec.encode(TestLog.entry(1_000, Digest.of(fork.chainHashes.get(999)), TestLog.T0 + 2_000_000, new java.util.Random(1))));
        VerificationException e = failure(verify(bundle, Optional.of(fork.signedCheckpoint(1_001))));
        assertInstanceOf(InconsistentCheckpointsException.class, e);
        assertTrue(e.expected().isPresent() && e.actual().isPresent());
    }

    @Test
    void earlierCheckpointBeforeTheRangeNeedsABundledProof() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 2_000, 5_000, 5_000);
        assertInstanceOf(MalformedBundleException.class, failure(verify(bundle, Optional.of(log.signedCheckpoint(1_000)))));

        List<byte[]> proof = MerkleProofs.consistencyProof(1_000, 5_000, log);
        Files.createDirectories(bundle.resolve("proofs"));
        Files.write(bundle.resolve("proofs/consistency-1000-5000.bin"), concat(proof));
        VerificationReport report = verify(bundle, Optional.of(log.signedCheckpoint(1_000)));
        assertVerified(report);
        assertTrue(report.notices().stream().anyMatch(n -> n.contains("consistency proof")));

        proof.set(1, VectorFiles.flip(proof.get(1)));
        Files.write(bundle.resolve("proofs/consistency-1000-5000.bin"), concat(proof));
        assertInstanceOf(InconsistentCheckpointsException.class, failure(verify(bundle, Optional.of(log.signedCheckpoint(1_000)))));
    }

    @Test
    void earlierCheckpointOfTheEmptyLogProvesNothing() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 2_000, 5_000, 5_000);
        VerificationReport report = verify(bundle, Optional.of(log.signedCheckpoint(0)));
        assertVerified(report);
        assertTrue(report.earlierCheckpoint().isEmpty());
        assertTrue(report.notices().stream().anyMatch(n -> n.contains("proves nothing")));
    }

    @Test
    void emptyLogBundleVerifies() throws Exception {
        assertVerified(verify(log.writeBundle(tmp.resolve("b"), 0, 0, 0), Optional.empty()));
    }

    @Test
    void entriesBeyondTheLastCheckpointAreRejected() throws Exception {
        VerificationException e = failure(verify(log.writeBundle(tmp.resolve("b"), 0, 3_001, 3_000), Optional.empty()));
        assertInstanceOf(SequenceMismatchException.class, e);
        assertEquals(3_000, e.sequence().orElseThrow());
    }

    @Test
    void manifestMustMatchTheEntries() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 0, 100, 100);
        Files.writeString(bundle.resolve("bundle.properties"),
                Files.readString(bundle.resolve("bundle.properties")).replace("entry-count=100", "entry-count=101"));
        assertInstanceOf(MalformedBundleException.class, failure(verify(bundle, Optional.empty())));
    }

    @Test
    void wrongOriginAndMissingCheckpointsAreRejected() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 0, 100);
        assertInstanceOf(MalformedBundleException.class, failure(verify(bundle, Optional.empty())));
        Path other = log.writeBundle(tmp.resolve("c"), 0, 100, 100);
        try (BundleReader reader = BundleReader.open(other)) {
            VerificationReport report = new BundleVerifier("other.example/log", log.trust()).verify(reader, Optional.empty());
            assertInstanceOf(OriginMismatchException.class, report.failure().orElseThrow());
        }
    }

    @Test
    void timeGoingBackwardsIsRejected() throws Exception {
        TestLog backwards = TestLog.withEntries(10);
        java.util.Random random = new java.util.Random(5);
        backwards.appendBytes(EntryCodec.encode(TestLog.entry(10, Digest.of(backwards.chainHashes.get(9)), TestLog.T0, random)));
        Path bundle = tmp.resolve("b");
        try (BundleWriter w = BundleWriter.toDirectory(bundle, TestLog.ORIGIN, BundlePrefix.empty())) {
            backwards.entries.forEach(e -> {
                try {
                    w.addEntry(e);
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
            w.addCheckpoint(backwards.signedCheckpoint(11));
        }
        try (BundleReader reader = BundleReader.open(bundle)) {
            VerificationException e = new BundleVerifier(TestLog.ORIGIN, backwards.trust()).verify(reader, Optional.empty())
                    .failure().orElseThrow();
            assertInstanceOf(TimeOrderException.class, e);
            assertEquals(10, e.sequence().orElseThrow());
        }
    }

    static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * 32, 32);
        }
        return out;
    }
}
