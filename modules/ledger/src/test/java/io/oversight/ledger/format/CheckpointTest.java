package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n— PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** The private key of golang.org/x/mod/sumdb/note's example, without its 0x01 type byte. */
    private static final byte[] GO_SEED = Arrays.copyOfRange(
            Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"), 1, 33);

    private static final Checkpoint FIXED = new Checkpoint(TestLog.ORIGIN, 5000,
            Digest.of(TestLog.sha("root")), Digest.of(TestLog.sha("head")), 1_767_225_600_000_000L);
    static final String FIXED_NOTE = "oversight.example/ledger\n"
            + "5000\n"
            + "SBNJTRN+FjG7owHVrKtue7eqdM4RhdRWVl71HXN2d7I=\n"
            + "oversight-chain-head ny5tM6NxfugmNTpAS6RhjRrutoea15Nrzo7V9GgUkk0=\n"
            + "oversight-time 1767225600000000\n"
            + "\n"
            + "\u2014 oversight.example/ledger TAjVX7tA8X/IWz3A+8XueWAqa3A1N5s1nZ6j5FSes/RileNQHVHS9XLebCJpjy2xHtGjr9M8qIwvSmDcbRw05K1f/ws=\n";

    private final NoteSigner signer = NoteSigner.ed25519(TestLog.ORIGIN, TestLog.SEED);
    private final CheckpointVerifier verifier = new CheckpointVerifier(TestLog.ORIGIN,
            List.of(TrustedKey.always(signer.verifierKey())));

    @Test
    void interoperatesWithGoSignedNotes() throws Exception {
        NoteSigner go = NoteSigner.ed25519("PeterNeumann", GO_SEED);
        assertEquals(GO_VKEY, go.verifierKey().encode());
        assertEquals(GO_NOTE, go.signNote(GO_TEXT));
        VerifierKey parsed = VerifierKey.parse(GO_VKEY);
        assertEquals(go.verifierKey(), parsed);
        SignedNote note = SignedNote.parse(GO_NOTE.getBytes(StandardCharsets.UTF_8));
        assertEquals(GO_TEXT, note.text());
        assertTrue(parsed.verifies(GO_TEXT.getBytes(StandardCharsets.UTF_8), note.signatures().get(0).signature()));
        // Signature fine, but the text is not a checkpoint.
        CheckpointVerifier goVerifier = new CheckpointVerifier("PeterNeumann", List.of(TrustedKey.always(parsed)));
        assertThrows(MalformedNoteException.class, () -> goVerifier.verify(GO_NOTE.getBytes(StandardCharsets.UTF_8)));
        String tampered = GO_NOTE.replace("cryptography", "cryptographY");
        assertThrows(BadSignatureException.class, () -> goVerifier.verify(tampered.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fixedSeedCheckpointHasKnownNoteText() throws Exception {
        String note = signer.sign(FIXED);
        assertEquals(FIXED_NOTE, note);
        assertEquals(FIXED, verifier.verify(bytes(note)));
        assertEquals(FIXED, Checkpoint.parse(FIXED.body()));
    }

    @Test
    void rejectsTamperedText() {
        String note = signer.sign(FIXED).replace("\n5000\n", "\n5001\n");
        assertThrows(BadSignatureException.class, () -> verifier.verify(bytes(note)));
    }

    @Test
    void rejectsUnknownKeyButIgnoresExtraUnknownSignatures() throws Exception {
        NoteSigner other = NoteSigner.ed25519(TestLog.ORIGIN, TestLog.sha("other key"));
        UnknownKeyException e = assertThrows(UnknownKeyException.class, () -> verifier.verify(bytes(other.sign(FIXED))));
        assertEquals(List.of(other.verifierKey().label()), e.signers());
        // A witness cosignature by a key we do not know is ignored (C2SP signed-note).
        NoteSigner witness = NoteSigner.ed25519("witness.example/w1", TestLog.sha("witness"));
        String witnessLine = witness.sign(FIXED).substring(FIXED.body().length() + 1);
        assertEquals(FIXED, verifier.verify(bytes(signer.sign(FIXED) + witnessLine)));
    }

    @Test
    void rejectsWrongOriginEvenWithAValidSignature() {
        Checkpoint otherLog = new Checkpoint("other.example/log", 1, FIXED.rootHash(), FIXED.chainHead(), 1);
        OriginMismatchException e = assertThrows(OriginMismatchException.class, () -> verifier.verify(bytes(signer.sign(otherLog))));
        assertEquals("other.example/log", e.actualOrigin());
    }

    @Test
    void keyValidityRangesAllowRotation() throws Exception {
        Instant rotation = Instant.parse("2026-01-01T00:00:00Z");
        NoteSigner newKey = NoteSigner.ed25519(TestLog.ORIGIN, TestLog.sha("new key"));
        CheckpointVerifier rotated = new CheckpointVerifier(TestLog.ORIGIN, List.of(
                new TrustedKey(signer.verifierKey(), Optional.empty(), Optional.of(rotation)),
                new TrustedKey(newKey.verifierKey(), Optional.of(rotation), Optional.empty())));
        Checkpoint before = new Checkpoint(TestLog.ORIGIN, 10, FIXED.rootHash(), FIXED.chainHead(), micros(rotation) - 1);
        Checkpoint after = new Checkpoint(TestLog.ORIGIN, 20, FIXED.rootHash(), FIXED.chainHead(), micros(rotation));
        assertEquals(before, rotated.verify(bytes(signer.sign(before))));
        assertEquals(after, rotated.verify(bytes(newKey.sign(after))));
        KeyNotValidException late = assertThrows(KeyNotValidException.class, () -> rotated.verify(bytes(signer.sign(after))));
        assertEquals(signer.verifierKey().label(), late.key());
        assertThrows(KeyNotValidException.class, () -> rotated.verify(bytes(newKey.sign(before))));
    }

    @Test
    void rejectsMalformedNotes() {
        String good = signer.sign(FIXED);
        List<String> bad = List.of(
                good.replace("\n\n", "\n"),
                good.substring(0, good.indexOf("\n\n") + 2),
                good.substring(0, good.length() - 1),
                good.replace("—", "-"),
                good.replace("— ", "—  "),
                good.replace("=\n", "\n"),
                good.replace("\n5000\n", "\n05000\n"),
                good.replace("oversight-time", "oversight-clock"),
                good.replace("oversight-time", "extra line\noversight-time"),
                good.replace(TestLog.ORIGIN + "\n", TestLog.ORIGIN + "\r\n"),
                good + good.substring(good.indexOf("— ")).repeat(16));
        for (String note : bad) {
            VerificationException e = assertThrows(VerificationException.class, () -> verifier.verify(bytes(note)), note);
            assertTrue(e instanceof MalformedNoteException || e instanceof BadSignatureException, note + " -> " + e);
        }
        assertThrows(MalformedNoteException.class, () -> verifier.verify(new byte[] {(byte) 0xff, '\n', '\n'}));
    }

    @Test
    void verifierKeyStringsAreStrict() {
        String vkey = signer.verifierKey().encode();
        assertEquals(signer.verifierKey(), assertNoThrow(vkey));
        String[] parts = vkey.split("\\+", 3);
        List<String> bad = List.of(
                parts[0] + "+00000000+" + parts[2],
                parts[0] + "+" + parts[1].toUpperCase() + "+" + parts[2],
                parts[0] + "+" + parts[1],
                "other.example+" + parts[1] + "+" + parts[2],
                parts[0] + "+" + parts[1] + "+" + parts[2].substring(0, parts[2].length() - 1),
                parts[0] + "+" + parts[1] + "+B" + parts[2].substring(1),
                parts[0] + "+" + parts[1] + "+" + Base64.getEncoder().encodeToString(new byte[32]),
                parts[0] + "+" + parts[1] + "+" + Base64.getEncoder().encodeToString(notOnTheCurve()));
        for (String b : bad) {
            assertThrows(MalformedTrustException.class, () -> VerifierKey.parse(b), b);
        }
    }

    /** 0x01 followed by an encoding that is no Ed25519 point. */
    private static byte[] notOnTheCurve() {
        byte[] typed = new byte[33];
        Arrays.fill(typed, (byte) 0xff);
        typed[0] = VerifierKey.ED25519;
        typed[32] = 0x7f;
        return typed;
    }

    private static VerifierKey assertNoThrow(String vkey) {
        try {
            return VerifierKey.parse(vkey);
        } catch (MalformedTrustException e) {
            throw new AssertionError(e);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
