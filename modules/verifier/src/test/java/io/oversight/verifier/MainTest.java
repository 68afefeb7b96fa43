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
