package io.oversight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.ledger.format.BundlePrefix;
import io.oversight.ledger.format.BundleWriter;
import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.CompactRange;
import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.EntryCodec;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.ledger.format.LedgerHashes;
import io.oversight.ledger.format.NoteSigner;
import io.oversight.ledger.format.TrustFile;
import io.oversight.ledger.format.TrustedKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process against bundles built and damaged here. */
class MainTest {

    private static final String ORIGIN = "oversight.example/ledger";
    private static final long T0 = 1_767_225_600_000_000L;
    private static final int ENTRIES = 300;
    /** The entry that records a compliance report's digests. */
    private static final int REPORT_ENTRY = 270;
    private static final byte[] REPORT_XML = "<complianceReport id=\"r-1\"/>".getBytes(StandardCharsets.UTF_8);

    private final NoteSigner signer = NoteSigner.ed25519(ORIGIN, sha("verifier test key"));
    private final List<byte[]> entries = new ArrayList<>();
    private final List<byte[]> chain = new ArrayList<>();

    @TempDir
    Path tmp;
    private Path trust;

    /** The outcome of one run. */
    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void buildLog() throws IOException {
        byte[] previous = new byte[32];
        for (int i = 0; i < ENTRIES; i++) {
            LedgerEntry.Builder builder = LedgerEntry.builder()
                    .sequence(i).previousEntryHash(Digest.of(previous))
                    .loggedAtMicros(T0 + i * 1_000L).occurredAtMicros(T0 + i * 1_000L - 500)
                    .workflow("claims").actionType("review.decision.approved").actor("p-" + (i % 7), "reviewer")
                    .subject("item", "item-" + i).payloadDigest(Optional.of(Digest.of(sha("payload " + i))));
            if (i == REPORT_ENTRY) {
                builder.actionType(ReportCommand.ACTION).actor("p-aud", "auditor").subject("report", "r-1")
                        .attribute("xmlSha256", hex(sha256(REPORT_XML))).attribute("pdfSha256", hex(sha("a pdf")));
            }
            byte[] entry = EntryCodec.encode(builder.build());
            entries.add(entry);
            previous = LedgerHashes.chainHash(entry);
            chain.add(previous);
        }
        trust = write("trust.txt", TrustFile.format(List.of(TrustedKey.always(signer.verifierKey()))));
    }

    private String checkpoint(int size) {
        CompactRange tree = CompactRange.empty();
        entries.subList(0, size).forEach(e -> tree.append(LedgerHashes.leafHash(e)));
        Digest head = size == 0 ? Digest.zero() : Digest.of(chain.get(size - 1));
        return signer.sign(new Checkpoint(ORIGIN, size, Digest.of(tree.root()), head, T0 + size * 1_000L));
    }

    private Path bundle(List<byte[]> bundled) throws IOException {
        Path dir = tmp.resolve("bundle");
        try (BundleWriter w = BundleWriter.toDirectory(dir, ORIGIN, BundlePrefix.empty())) {
            for (byte[] e : bundled) {
                w.addEntry(e);
            }
            w.addCheckpoint(checkpoint(100));
            w.addCheckpoint(checkpoint(ENTRIES));
        }
        return dir;
    }

    /** A bundle of entries [first, end) with checkpoints at the given sizes, in directory {@code name}. */
    private Path bundle(String name, int first, int end, long... checkpointSizes) throws IOException {
        Path dir = tmp.resolve(name);
        BundlePrefix prefix = BundlePrefix.empty();
        if (first > 0) {
            CompactRange tree = CompactRange.empty();
            entries.subList(0, first).forEach(e -> tree.append(LedgerHashes.leafHash(e)));
            prefix = BundlePrefix.of(tree, entries.get(first - 1));
        }
        try (BundleWriter w = BundleWriter.toDirectory(dir, ORIGIN, prefix)) {
            for (byte[] e : entries.subList(first, end)) {
                w.addEntry(e);
            }
            for (long size : checkpointSizes) {
                w.addCheckpoint(checkpoint((int) size));
            }
        }
        return dir;
    }

    private static void replaceIn(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " lacks " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result verify(Path bundle, String... extra) {
        List<String> args = new ArrayList<>(List.of(bundle.toString(), "--trust", trust.toString(), "--origin", ORIGIN));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private static void assertOutcome(Result r, int code, String... fragments) {
        assertEquals(code, r.exitCode(), r.out() + r.err());
        for (String f : fragments) {
            assertTrue(r.out().contains(f), "output lacks \"" + f + "\":\n" + r.out());
        }
    }

    @Test
    void goodBundleVerifies() throws IOException {
        Result r = verify(bundle(entries));
        assertOutcome(r, Main.VERIFIED, "VERIFIED", "300 checked", "checkpoint        size 300");
    }

    @Test
    void goodZipBundleWithKeptCheckpointVerifies() throws IOException {
        Path zip = tmp.resolve("bundle.zip");
        try (OutputStream out = Files.newOutputStream(zip); BundleWriter w = BundleWriter.toZip(out, ORIGIN, BundlePrefix.empty())) {
            for (byte[] e : entries) {
                w.addEntry(e);
            }
            w.addCheckpoint(checkpoint(ENTRIES));
        }
        Path kept = write("kept.note", checkpoint(120));
        assertOutcome(verify(zip, "--checkpoint", kept.toString()), Main.VERIFIED, "VERIFIED", "the log extends it");
    }

    @Test
    void oneChangedByteIsTampering() throws IOException {
        List<byte[]> damaged = new ArrayList<>(entries);
        byte[] e = damaged.get(150).clone();
        int at = new String(e, StandardCharsets.ISO_8859_1).indexOf("item-150") + 7;
        e[at] ^= 1;
        damaged.set(150, e);
        // Entry 150 still decodes (its subject became item-151); entry 151 no longer links to it.
        assertOutcome(verify(bundle(damaged)), Main.TAMPERED, "TAMPERING DETECTED", "first bad entry   151",
                "hash chain broken at entry 151", "expected          ", "actual            " + hex(chain.get(150)));
        damaged.set(150, entries.get(150));
        byte[] framing = damaged.get(20).clone();
        framing[framing.length - 5] ^= 1;
        damaged.set(20, framing);
        assertOutcome(verify(bundle(damaged)), Main.TAMPERED, "first bad entry   20", "not a canonical encoding");
    }

    @Test
    void deletedEntryIsTampering() throws IOException {
        List<byte[]> damaged = new ArrayList<>(entries);
        damaged.remove(42);
        assertOutcome(verify(bundle(damaged)), Main.TAMPERED, "first bad entry   42", "expected entry 42 but found entry 43");
    }

    @Test
    void swappedEntriesAreTampering() throws IOException {
        List<byte[]> damaged = new ArrayList<>(entries);
        damaged.set(7, entries.get(8));
        damaged.set(8, entries.get(7));
        assertOutcome(verify(bundle(damaged)), Main.TAMPERED, "first bad entry   7");
    }

    @Test
    void truncatedEntriesFileIsMalformed() throws IOException {
        Path bundle = bundle(entries);
        Path bin = bundle.resolve("entries.bin");
        byte[] bytes = Files.readAllBytes(bin);
        int offset = 0;
        for (int i = 0; i < 200; i++) {
            offset += 4 + ByteBuffer.wrap(bytes, offset, 4).getInt();
        }
        Files.write(bin, Arrays.copyOf(bytes, offset + 10));
        assertOutcome(verify(bundle), Main.MALFORMED, "MALFORMED INPUT", "first bad entry   200", "truncated");
    }

    @Test
    void truncationAtAnEntryBoundaryIsTampering() throws IOException {
        assertOutcome(verify(bundle(entries.subList(0, 250))), Main.TAMPERED, "first bad entry   250", "entries.bin ends");
    }

    @Test
    void unknownKeyIsUntrusted() throws IOException {
        NoteSigner stranger = NoteSigner.ed25519(ORIGIN, sha("someone else"));
        trust = write("other-trust.txt", TrustFile.format(List.of(TrustedKey.always(stranger.verifierKey()))));
        assertOutcome(verify(bundle(entries)), Main.UNTRUSTED, "NOT SIGNED FOR THE TRUSTED LOG", signer.verifierKey().label());
    }

    @Test
    void keyOutsideItsValidityIsUntrusted() throws IOException {
        trust = write("expired.txt", signer.verifierKey().encode() + " - 2025-01-01T00:00:00Z\n");
        assertOutcome(verify(bundle(entries)), Main.UNTRUSTED, "not valid at the checkpoint time");
    }

    @Test
    void badSignatureIsRejected() throws IOException {
        Path bundle = bundle(entries);
        Path note = bundle.resolve("checkpoints/00000000000000000300.note");
        Files.writeString(note, Files.readString(note).replace("oversight-time " + (T0 + 300_000), "oversight-time " + (T0 + 300_001)));
        assertOutcome(verify(bundle), Main.BAD_SIGNATURE, "BAD CHECKPOINT SIGNATURE", signer.verifierKey().label());
    }

    @Test
    void malformedTrustFileIsMalformedInput() throws IOException {
        trust = write("bad-trust.txt", "# keys\n" + signer.verifierKey().encode() + " yesterday -\n");
        assertOutcome(verify(bundle(entries)), Main.MALFORMED, "MALFORMED INPUT", "line 2");
        trust = tmp.resolve("missing.txt");
        assertOutcome(verify(bundle(entries)), Main.MALFORMED, "no such file");
    }

    @Test
    void wrongOriginIsUntrusted() throws IOException {
        Path bundle = bundle(entries);
        Result r = run(bundle.toString(), "--trust", trust.toString(), "--origin", "other.example/log");
        assertOutcome(r, Main.UNTRUSTED, "pinned origin is \"other.example/log\"");
    }

    @Test
    void usageErrors() throws IOException {
        assertEquals(Main.USAGE, run().exitCode());
        assertEquals(Main.USAGE, run("bundle", "--trust", "t").exitCode());
        assertEquals(Main.USAGE, run("bundle", "--trust", "t", "--origin", "o", "--frobnicate").exitCode());
        assertEquals(Main.USAGE, run("bundle", "--trust").exitCode());
        assertEquals(Main.USAGE, run("bundle", "--trust", "t", "--origin", "has space").exitCode());
        Result help = run("--help");
        assertEquals(Main.VERIFIED, help.exitCode());
        assertTrue(help.out().contains("exit codes"));
        assertOutcome(verify(tmp.resolve("no-such-bundle")), Main.MALFORMED, "does not exist");
    }

    @Test
    void aRecordedReportFileIsProvedAndAChangedOneIsNot() throws IOException {
        Path bundle = bundle(entries);
        Path report = Files.write(tmp.resolve("report.xml"), REPORT_XML);
        byte[] changed = REPORT_XML.clone();
        changed[5] ^= 0x01;
        Path other = Files.write(tmp.resolve("changed.xml"), changed);
        String[] common = {"--bundle", bundle.toString(), "--trust", trust.toString(), "--origin", ORIGIN};

        assertOutcome(run(concat(new String[] {"report", report.toString()}, common)), Main.VERIFIED,
                "VERIFIED", "entry " + REPORT_ENTRY, "as its XML", "REPORT RECORDED");
        assertOutcome(run(concat(new String[] {"report", report.toString(), "--entry", "" + REPORT_ENTRY}, common)),
                Main.VERIFIED, "REPORT RECORDED");
        assertOutcome(run(concat(new String[] {"report", other.toString()}, common)), Main.TAMPERED, "REPORT NOT RECORDED");
        assertOutcome(run(concat(new String[] {"report", report.toString(), "--entry", "271"}, common)), Main.TAMPERED,
                "REPORT NOT RECORDED");
        assertEquals(Main.USAGE, run("report", "--bundle", bundle.toString()).exitCode());
    }

    @Test
    void aReportIsNotProvedByATamperedBundle() throws IOException {
        List<byte[]> damaged = new ArrayList<>(entries);
        byte[] copy = damaged.get(10).clone();
        copy[copy.length - 1] ^= 0x01;
        damaged.set(10, copy);
        Path report = Files.write(tmp.resolve("report.xml"), REPORT_XML);
        Result r = run("report", report.toString(), "--bundle", bundle(damaged).toString(), "--trust", trust.toString(),
                "--origin", ORIGIN);
        assertEquals(Main.TAMPERED, r.exitCode(), r.out());
        assertFalse(r.out().contains("REPORT RECORDED"), r.out());
    }

    @Test
    void thePublishedSampleVerifiesWithTheGuidesCommand() {
        Path samples = Path.of("../../docs/samples");
        Result r = run(samples.resolve("bundle").toString(), "--trust", samples.resolve("trust.txt").toString(),
                "--origin", ORIGIN, "--checkpoint", samples.resolve("kept-checkpoint-4.note").toString());
        assertOutcome(r, Main.VERIFIED, "VERIFIED", "sequence 5 to 12, 8 checked", "checkpoint        size 7,",
                "checkpoint        size 13,", "kept checkpoint   size 4, the log extends it", "bundled consistency proof");
    }

    // One test per failure the auditor guide's exit-code table names (section 10).

    @Test
    void aRangeBundleVerifiesAndSaysFromWhichEntry() throws IOException {
        assertOutcome(verify(bundle("range", 120, ENTRIES, 120, ENTRIES)), Main.VERIFIED, "VERIFIED",
                "sequence 120 to 299, 180 checked", "the bundle starts at entry 120");
    }

    @Test
    void anOriginInBundlePropertiesOtherThanThePinnedOneIsUntrusted() throws IOException {
        Path bundle = bundle("b", 0, ENTRIES, ENTRIES);
        replaceIn(bundle.resolve("bundle.properties"), "origin=" + ORIGIN, "origin=other.example/ledger");
        assertOutcome(verify(bundle), Main.UNTRUSTED, "NOT SIGNED FOR THE TRUSTED LOG",
                "bundle.properties names origin \"other.example/ledger\" but the pinned origin is \"" + ORIGIN + "\"");
    }

    @Test
    void aPrefixOfAnotherSizeIsMalformed() throws IOException {
        Path bundle = bundle("b", 120, ENTRIES, ENTRIES);
        replaceIn(bundle.resolve("bundle.properties"), "first-sequence=120", "first-sequence=121");
        replaceIn(bundle.resolve("bundle.properties"), "entry-count=180", "entry-count=179");
        assertOutcome(verify(bundle), Main.MALFORMED, "MALFORMED INPUT",
                "prefix.bin covers 120 entries but the bundle starts at entry 121");
        Files.write(bundle.resolve("prefix.bin"), Arrays.copyOf(Files.readAllBytes(bundle.resolve("prefix.bin")), 50));
        assertOutcome(verify(bundle), Main.MALFORMED, "prefix.bin for tree size 120 must be 168 bytes, is 50");
    }

    @Test
    void twoCheckpointsOfOneSizeAreMalformed() throws IOException {
        Path bundle = bundle("b", 0, ENTRIES, 100, ENTRIES);
        Files.copy(bundle.resolve("checkpoints/00000000000000000100.note"), bundle.resolve("checkpoints/copy.note"));
        assertOutcome(verify(bundle), Main.MALFORMED, "two checkpoints at size 100");
    }

    @Test
    void aCheckpointBeforeTheFirstEntryIsMalformed() throws IOException {
        Path bundle = bundle("b", 120, ENTRIES, ENTRIES);
        Files.writeString(bundle.resolve("checkpoints/00000000000000000100.note"), checkpoint(100));
        assertOutcome(verify(bundle), Main.MALFORMED, "checkpoint at size 100 lies before the bundle's first entry 120");
    }

    @Test
    void aCheckpointBeyondTheEntriesMeansEntriesAreMissing() throws IOException {
        assertOutcome(verify(bundle("b", 0, 250, 100, ENTRIES)), Main.TAMPERED, "first bad entry   250",
                "entries.bin ends there, while the signed checkpoint at size 300 covers entries up to 299");
    }

    @Test
    void checkpointTimesGoingBackwardsAreTampering() throws IOException {
        Path bundle = bundle("b", 0, ENTRIES, ENTRIES);
        CompactRange tree = CompactRange.empty();
        entries.subList(0, 100).forEach(e -> tree.append(LedgerHashes.leafHash(e)));
        Files.writeString(bundle.resolve("checkpoints/00000000000000000100.note"), signer.sign(
                new Checkpoint(ORIGIN, 100, Digest.of(tree.root()), Digest.of(chain.get(99)), T0 + 400_000)));
        assertOutcome(verify(bundle), Main.TAMPERED, "first bad entry   299", "the checkpoint at size 300 is dated",
                "before the checkpoint at size 100");
    }

    @Test
    void aCheckpointDatedBeforeItsLastEntryIsTampering() throws IOException {
        Path bundle = bundle("b", 0, ENTRIES, ENTRIES);
        CompactRange tree = CompactRange.empty();
        entries.subList(0, 100).forEach(e -> tree.append(LedgerHashes.leafHash(e)));
        Files.writeString(bundle.resolve("checkpoints/00000000000000000100.note"), signer.sign(
                new Checkpoint(ORIGIN, 100, Digest.of(tree.root()), Digest.of(chain.get(99)), T0 + 98_000)));
        assertOutcome(verify(bundle), Main.TAMPERED, "first bad entry   99",
                "the checkpoint at size 100 is dated", "before its last entry was sealed");
    }

    @Test
    void anOversizeRecordIsMalformed() throws IOException {
        Path bundle = bundle("b", 0, ENTRIES, ENTRIES);
        byte[] bin = Files.readAllBytes(bundle.resolve("entries.bin"));
        ByteBuffer.wrap(bin).putInt(0, 65_537);
        Files.write(bundle.resolve("entries.bin"), bin);
        assertOutcome(verify(bundle), Main.MALFORMED, "first bad entry   0", "entry 0 claims 65537 bytes, limit 65536");
    }

    @Test
    void aWrongEntryCountIsMalformed() throws IOException {
        Path bundle = bundle("b", 0, ENTRIES, ENTRIES);
        replaceIn(bundle.resolve("bundle.properties"), "entry-count=300", "entry-count=301");
        assertOutcome(verify(bundle), Main.MALFORMED, "bundle.properties declares 301 entries but entries.bin holds 300");
    }

    @Test
    void aBundleWithoutCheckpointsIsMalformed() throws IOException {
        assertOutcome(verify(bundle("b", 0, ENTRIES)), Main.MALFORMED, "bundle has no checkpoint");
    }

    @Test
    void anEntryNoCheckpointCoversIsTampering() throws IOException {
        assertOutcome(verify(bundle("b", 0, ENTRIES, 100)), Main.TAMPERED, "first bad entry   100",
                "found entry data beyond the last signed checkpoint (size 100)");
    }

    @Test
    void anUnknownFormatVersionIsMalformed() throws IOException {
        Path bundle = bundle("b", 0, ENTRIES, ENTRIES);
        replaceIn(bundle.resolve("bundle.properties"), "format-version=2", "format-version=3");
        assertOutcome(verify(bundle), Main.MALFORMED, "unsupported bundle format version 3: this verifier reads versions 1 to 2");
    }

    @Test
    void aMissingPreviousEntryIsMalformedAndAnotherEntryInItsPlaceIsTampering() throws IOException {
        Path bundle = bundle("b", 120, ENTRIES, ENTRIES);
        Files.write(bundle.resolve("previous-entry.bin"), entries.get(118));
        assertOutcome(verify(bundle), Main.TAMPERED, "first bad entry   119",
                "expected entry 119 but previous-entry.bin holds entry 118");
        Files.delete(bundle.resolve("previous-entry.bin"));
        assertOutcome(verify(bundle), Main.MALFORMED, "bundle has no previous-entry.bin",
                "starting at entry 120 must carry entry 119");
    }

    @Test
    void aFormatOneBundleIsStillVerifiedWithANoteOnWhatItCannotShow() throws IOException {
        Path bundle = bundle("b", 120, ENTRIES, ENTRIES);
        Files.delete(bundle.resolve("previous-entry.bin"));
        replaceIn(bundle.resolve("bundle.properties"), "format-version=2", "format-version=1");
        assertOutcome(verify(bundle), Main.VERIFIED, "VERIFIED", "bundle format 1 carries no entry 119");
    }

    @Test
    void aKeptCheckpointBeforeTheRangeNeedsItsBundledProof() throws IOException {
        Path bundle = bundle("b", 120, ENTRIES, ENTRIES);
        Path kept = write("kept.note", checkpoint(100));
        assertOutcome(verify(bundle, "--checkpoint", kept.toString()), Main.MALFORMED,
                "the bundle has no proofs/consistency-100-300.bin");
    }

    @Test
    void trustBoundsIncludeNotBeforeAndExcludeNotAfterToTheMicrosecond() throws IOException {
        Path bundle = bundle("b", 0, ENTRIES, ENTRIES);
        // The checkpoint at size 300 is signed at T0 + 0.3 s = 2026-01-01T00:00:00.300Z.
        String key = signer.verifierKey().encode();
        trust = write("t1.txt", key + " 2026-01-01T00:00:00.3Z -\n");
        assertOutcome(verify(bundle), Main.VERIFIED, "VERIFIED");
        trust = write("t2.txt", key + " 2026-01-01T00:00:00.300001Z -\n");
        assertOutcome(verify(bundle), Main.UNTRUSTED, "is not valid at the checkpoint time 2026-01-01T00:00:00.300Z");
        trust = write("t3.txt", key + " - 2026-01-01T00:00:00.300001Z\n");
        assertOutcome(verify(bundle), Main.VERIFIED, "VERIFIED");
        trust = write("t4.txt", key + " - 2026-01-01T00:00:00.300Z\n");
        assertOutcome(verify(bundle), Main.UNTRUSTED, "is not valid at the checkpoint time");
        trust = write("t5.txt", key + " - 2026-01-01T00:00:00.3000001Z\n");
        assertOutcome(verify(bundle), Main.MALFORMED, "at most 6 fraction digits");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    private static byte[] sha(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
