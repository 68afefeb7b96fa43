package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void aRangeBundleCarriesThePreviousEntryAndFormatOneIsStillRead() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 1_234, 5_000, 1_234, 5_000);
        assertArrayEquals(log.entries.get(1_233), Files.readAllBytes(bundle.resolve("previous-entry.bin")));
        assertTrue(Files.readString(bundle.resolve("bundle.properties")).startsWith("format-version=2\n"));
        VerificationReport report = verify(bundle, Optional.empty());
        assertVerified(report);
        assertTrue(report.notices().stream().noneMatch(n -> n.contains("cannot be checked")), report.notices().toString());

        asFormatOne(bundle);
        VerificationReport old = verify(bundle, Optional.empty());
        assertVerified(old);
        assertTrue(old.notices().stream().anyMatch(n -> n.contains("bundle format 1 carries no entry 1233")), old.notices().toString());
        assertFalse(Files.exists(log.writeBundle(tmp.resolve("whole"), 0, 100, 100).resolve("previous-entry.bin")),
                "a bundle from entry 0 has no previous entry");
    }

    @Test
    void timeGoingBackwardsAcrossTheBundleStartIsCaughtThroughThePreviousEntry() throws Exception {
        TestLog backwards = TestLog.withEntries(10);
        backwards.appendBytes(EntryCodec.encode(TestLog.entry(10, Digest.of(backwards.chainHashes.get(9)), TestLog.T0,
                new java.util.Random(5))));
        Path bundle = backwards.writeBundle(tmp.resolve("b"), 10, 11, 11);
        VerificationException e = failureWith(backwards, bundle);
        assertInstanceOf(TimeOrderException.class, e);
        assertEquals(10, e.sequence().orElseThrow());
        assertTrue(e.getMessage().contains("before entry 9"), e.getMessage());

        asFormatOne(bundle);
        assertTrue(verifyWith(backwards, bundle).verified(), "format 1 cannot see entry 9's time");
    }

    @Test
    void aCheckpointAtTheBundleStartDatedBeforeThePreviousEntryIsCaught() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 1_234, 5_000, 5_000);
        Files.writeString(bundle.resolve("checkpoints/00000000000000001234.note"),
                log.signer.sign(log.checkpoint(1_234, TestLog.T0)));
        VerificationException e = failure(verify(bundle, Optional.empty()));
        assertInstanceOf(TimeOrderException.class, e);
        assertEquals(1_233, e.sequence().orElseThrow());
        assertTrue(e.getMessage().contains("before its last entry was sealed"), e.getMessage());
    }

    @Test
    void aMissingOrWrongPreviousEntryIsRejected() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 1_234, 5_000, 5_000);
        Path previous = bundle.resolve("previous-entry.bin");

        Files.write(previous, log.entries.get(1_232));
        VerificationException wrongEntry = failure(verify(bundle, Optional.empty()));
        assertInstanceOf(SequenceMismatchException.class, wrongEntry);
        assertEquals(1_233, wrongEntry.sequence().orElseThrow());

        byte[] altered = log.entries.get(1_233).clone();
        altered[41 + 7] ^= 1;  // loggedAtMicros: still a well-formed entry 1233
        Files.write(previous, altered);
        VerificationException unlinked = failure(verify(bundle, Optional.empty()));
        assertInstanceOf(MalformedBundleException.class, unlinked);
        assertTrue(unlinked.getMessage().contains("prefix.bin gives"), unlinked.getMessage());

        Files.write(previous, java.util.Arrays.copyOf(log.entries.get(1_233), 60));
        assertInstanceOf(MalformedEntryException.class, failure(verify(bundle, Optional.empty())));

        Files.delete(previous);
        MalformedBundleException missing = assertThrows(MalformedBundleException.class, () -> BundleReader.open(bundle));
        assertTrue(missing.getMessage().contains("must carry entry 1233"), missing.getMessage());
    }

    @Test
    void unknownFormatVersionsAreRejected() throws Exception {
        Path bundle = log.writeBundle(tmp.resolve("b"), 0, 100, 100);
        for (String version : List.of("0", "3", "02", "two")) {
            Files.writeString(bundle.resolve("bundle.properties"), Files.readString(bundle.resolve("bundle.properties"))
                    .replaceFirst("format-version=[^\n]*", "format-version=" + version));
            MalformedBundleException e = assertThrows(MalformedBundleException.class, () -> BundleReader.open(bundle));
            assertTrue(e.getMessage().contains("unsupported bundle format version " + version), e.getMessage());
        }
    }

    /** Rewrites a format-2 bundle as the format-1 bundle of the same range. */
    static void asFormatOne(Path bundle) throws IOException {
        Files.deleteIfExists(bundle.resolve("previous-entry.bin"));
        Path manifest = bundle.resolve("bundle.properties");
        Files.writeString(manifest, Files.readString(manifest).replace("format-version=2", "format-version=1"));
    }

    private static VerificationReport verifyWith(TestLog signer, Path bundle) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            return new BundleVerifier(TestLog.ORIGIN, signer.trust()).verify(reader, Optional.empty());
        }
    }

    private static VerificationException failureWith(TestLog signer, Path bundle) throws Exception {
        return failure(verifyWith(signer, bundle));
    }

    static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * 32, 32);
        }
        return out;
    }
}
