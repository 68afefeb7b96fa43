package io.oversight.ledger.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * File {@code bundle.properties}: what a bundle claims to hold. Exactly these four UTF-8 lines, in
 * this order, each ending in a newline:
 *
 * <pre>
 * format-version=2
 * origin=&lt;origin&gt;
 * first-sequence=&lt;decimal&gt;
 * entry-count=&lt;decimal&gt;
 * </pre>
 *
 * Unsigned, so only a hint: every claim is checked against the entries and the signed checkpoints.
 * Version 2 (ADR 0024) adds {@code previous-entry.bin} to bundles that do not start at entry 0;
 * version 1 bundles are still read.
 *
 * @param formatVersion the bundle layout version, {@link #OLDEST_READABLE_VERSION} to {@link #FORMAT_VERSION}
 * @param origin        the log the bundle comes from
 * @param firstSequence sequence number of the first bundled entry
 * @param entryCount    number of bundled entries
 */
public record BundleManifest(int formatVersion, String origin, long firstSequence, long entryCount) {

    /** The bundle layout version written. */
    public static final int FORMAT_VERSION = 2;
    /** The oldest layout still read: version 1 lacks {@code previous-entry.bin}. */
    public static final int OLDEST_READABLE_VERSION = 1;

    public BundleManifest {
        if (formatVersion < OLDEST_READABLE_VERSION || formatVersion > FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported bundle format version " + formatVersion);
        }
        Checkpoint.checkName("origin", origin);
        if (firstSequence < 0 || entryCount < 0 || firstSequence + entryCount < 0) {
            throw new IllegalArgumentException("first sequence and entry count must be >= 0 and not overflow");
        }
    }

    /** Sequence number one past the last bundled entry. */
    public long endSequence() {
        return firstSequence + entryCount;
    }

    String encode() {
        return "format-version=" + formatVersion + "\norigin=" + origin + "\nfirst-sequence=" + firstSequence
                + "\nentry-count=" + entryCount + "\n";
    }

    static BundleManifest parse(byte[] bytes) throws MalformedBundleException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBundleException("bundle.properties is not valid UTF-8");
        }
        if (!text.endsWith("\n")) {
            throw new MalformedBundleException("bundle.properties must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        String[] keys = {"format-version", "origin", "first-sequence", "entry-count"};
        if (lines.length != keys.length) {
            throw new MalformedBundleException("bundle.properties must have exactly the lines " + String.join(", ", keys));
        }
        String[] values = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (!lines[i].startsWith(keys[i] + "=")) {
                throw new MalformedBundleException("bundle.properties line " + (i + 1) + " must be " + keys[i] + "=...");
            }
            values[i] = lines[i].substring(keys[i].length() + 1);
        }
        if (!values[0].matches("[1-9][0-9]{0,8}")
                || Integer.parseInt(values[0]) < OLDEST_READABLE_VERSION || Integer.parseInt(values[0]) > FORMAT_VERSION) {
            throw new MalformedBundleException("unsupported bundle format version " + values[0] + ": this verifier reads"
                    + " versions " + OLDEST_READABLE_VERSION + " to " + FORMAT_VERSION);
        }
        try {
            return new BundleManifest(Integer.parseInt(values[0]), values[1], decimal(keys[2], values[2]),
                    decimal(keys[3], values[3]));
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException("bundle.properties: " + e.getMessage());
        }
    }

    private static long decimal(String key, String value) throws MalformedBundleException {
        if (!value.matches("0|[1-9][0-9]{0,18}")) {
            throw new MalformedBundleException("bundle.properties " + key + " is not a decimal: \"" + value + "\"");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedBundleException("bundle.properties " + key + " is out of range");
        }
    }
}
