package io.oversight.ledger.format;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A checkpoint: the log's state at a tree size, in the C2SP tlog-checkpoint note text
 * format with two extension lines of ours. {@link #body()} is exactly:
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;root hash, standard padded base64&gt;
 * oversight-chain-head &lt;chain hash of entry size-1, standard padded base64; 32 zero bytes if size is 0&gt;
 * oversight-time &lt;signing time, decimal microseconds since the Unix epoch&gt;
 * </pre>
 *
 * each line ending in a newline (U+000A). The text means nothing until its signature is verified
 * ({@link CheckpointVerifier}); this record is the parsed, unverified text.
 *
 * @param origin     the log's identity, pinned by verifiers: non-empty, no spaces, no '+', no control characters
 * @param size       number of entries covered
 * @param rootHash   RFC 6962 root of the entries' leaf hashes
 * @param chainHead  chain hash of entry {@code size - 1}, or zero for an empty log
 * @param timeMicros when the checkpoint was signed; decides which keys were valid
 */
public record Checkpoint(String origin, long size, Digest rootHash, Digest chainHead, long timeMicros) {

    /** Prefix of the chain-head extension line. */
    public static final String CHAIN_HEAD_LINE = "oversight-chain-head ";
    /** Prefix of the time extension line. */
    public static final String TIME_LINE = "oversight-time ";

    public Checkpoint {
        checkName("origin", origin);
        if (size < 0 || timeMicros < 0) {
            throw new IllegalArgumentException("size and time must be >= 0");
        }
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(chainHead, "chainHead");
    }

    /** The note text that gets signed. */
    public String body() {
        return origin + "\n" + size + "\n" + rootHash.base64() + "\n"
                + CHAIN_HEAD_LINE + chainHead.base64() + "\n"
                + TIME_LINE + timeMicros + "\n";
    }

    /** {@link #timeMicros()} as an instant. */
    public Instant time() {
        return Instant.EPOCH.plus(timeMicros, ChronoUnit.MICROS);
    }

    /** Parses a note text produced by {@link #body()}, and nothing else. */
    public static Checkpoint parse(String body) throws MalformedNoteException {
        if (!body.endsWith("\n")) {
            throw new MalformedNoteException("checkpoint text must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 5) {
            throw new MalformedNoteException("checkpoint text must have 5 lines, has " + lines.length);
        }
        String origin = lines[0];
        try {
            checkName("origin", origin);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(e.getMessage());
        }
        long size = decimal("tree size", lines[1]);
        Digest root = digest("root hash", lines[2]);
        Digest chainHead = digest("chain head", extension(lines[3], CHAIN_HEAD_LINE));
        long time = decimal("time", extension(lines[4], TIME_LINE));
        return new Checkpoint(origin, size, root, chainHead, time);
    }

    /**
     * Checks a key name or origin: non-empty, no whitespace or space characters, no '+', no control
     * characters (C2SP signed-note key name rules, applied to the origin too since it doubles as the
     * key name).
     */
    static void checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (LedgerEntry.utf8Length(name) < 0) {
            throw new IllegalArgumentException(what + " is not well-formed Unicode");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException(what + " contains a forbidden character at " + i + ": \"" + name + "\"");
            }
        }
    }

    private static String extension(String line, String prefix) throws MalformedNoteException {
        if (!line.startsWith(prefix)) {
            throw new MalformedNoteException("expected extension line \"" + prefix.trim() + " ...\", got \"" + line + "\"");
        }
        return line.substring(prefix.length());
    }

    private static long decimal(String what, String text) throws MalformedNoteException {
        if (!text.matches("0|[1-9][0-9]{0,18}")) {
            throw new MalformedNoteException(what + " is not a canonical decimal: \"" + text + "\"");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedNoteException(what + " is out of range: " + text);
        }
    }

    private static Digest digest(String what, String text) throws MalformedNoteException {
        byte[] bytes = SignedNote.strictBase64(what, text);
        if (bytes.length != Digest.LENGTH) {
            throw new MalformedNoteException(what + " is " + bytes.length + " bytes, must be 32");
        }
        return Digest.of(bytes);
    }
}
