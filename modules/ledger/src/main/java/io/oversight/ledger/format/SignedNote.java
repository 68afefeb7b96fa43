package io.oversight.ledger.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The syntax of a C2SP signed note: text ending in a newline, a blank line, then one or more lines
 * {@code — <key name> <base64(4-byte big-endian key ID || signature)>}. Parsing checks syntax only;
 * {@link CheckpointVerifier} checks signatures.
 *
 * @param text       the signed text, including its final newline
 * @param signatures the signature lines, in order
 */
record SignedNote(String text, List<Signature> signatures) {

    /** Maximum note size accepted; our checkpoints are a few hundred bytes. */
    static final int MAX_NOTE_BYTES = 64 * 1024;
    /** Signatures per note accepted, the minimum C2SP requires verifiers to allow. */
    static final int MAX_SIGNATURES = 16;
    /** Start of a signature line: em dash (U+2014) and space. */
    static final String SIGNATURE_PREFIX = "\u2014 ";

    /** One signature line. */
    record Signature(String keyName, int keyId, byte[] signature) {
        String keyLabel() {
            return keyName + "+" + String.format("%08x", keyId);
        }
    }

    static SignedNote parse(byte[] note) throws MalformedNoteException {
        if (note.length > MAX_NOTE_BYTES) {
            throw new MalformedNoteException("note is " + note.length + " bytes, limit " + MAX_NOTE_BYTES);
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedNoteException("note is not valid UTF-8");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new MalformedNoteException("note contains control character 0x" + Integer.toHexString(c) + " at " + i);
            }
        }
        if (!s.endsWith("\n")) {
            throw new MalformedNoteException("note must end with a newline");
        }
        int split = s.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException("note has no blank line before its signatures");
        }
        if (split + 2 == s.length()) {
            throw new MalformedNoteException("note has no signature lines");
        }
        String text = s.substring(0, split + 1);
        String[] lines = s.substring(split + 2, s.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new MalformedNoteException("note has " + lines.length + " signatures, limit " + MAX_SIGNATURES);
        }
        List<Signature> signatures = new ArrayList<>(lines.length);
        for (String line : lines) {
            signatures.add(parseSignature(line));
        }
        return new SignedNote(text, List.copyOf(signatures));
    }

    private static Signature parseSignature(String line) throws MalformedNoteException {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new MalformedNoteException("signature line must start with an em dash and a space: \"" + line + "\"");
        }
        String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
        if (parts.length != 2) {
            throw new MalformedNoteException("signature line must be \"— <key name> <base64>\": \"" + line + "\"");
        }
        try {
            Checkpoint.checkName("key name", parts[0]);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(e.getMessage());
        }
        byte[] raw = strictBase64("signature", parts[1]);
        if (raw.length < 5) {
            throw new MalformedNoteException("signature of " + parts[0] + " is too short");
        }
        int keyId = ByteBuffer.wrap(raw, 0, 4).getInt();
        return new Signature(parts[0], keyId, Arrays.copyOfRange(raw, 4, raw.length));
    }

    /** Decodes standard padded base64, rejecting any other spelling of the same bytes. */
    static byte[] strictBase64(String what, String text) throws MalformedNoteException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(what + " is not base64: \"" + text + "\"");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new MalformedNoteException(what + " is not canonical padded base64: \"" + text + "\"");
        }
        return bytes;
    }
}
