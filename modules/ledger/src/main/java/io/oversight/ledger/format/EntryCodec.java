package io.oversight.ledger.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical byte encoding of a {@link LedgerEntry}, format version 1. Deterministic:
 * one entry has exactly one encoding, on any platform. All integers are big-endian.
 *
 * <pre>
 * u8      version = 1
 * u64     sequence
 * [32]    previousEntryHash
 * i64     loggedAtMicros        (two's complement)
 * i64     occurredAtMicros      (two's complement)
 * str     workflow
 * str     actionType
 * str     actorPseudonym
 * str     actorRole
 * str     subjectKind
 * str     subjectId
 * str     guidelineVersionId
 * bytes   guidelineDigest       (length 0 or 32)
 * str     modelSnapshotId
 * bytes   modelArtifactDigest   (length 0 or 32)
 * bytes   payloadDigest         (length 0 or 32)
 * bytes   rationaleDigest       (length 0 or 32)
 * u32     attributeCount        (at most 64)
 * then attributeCount times: str key, str value, keys strictly increasing by unsigned bytes
 *
 * str   = u32 length || UTF-8 bytes (length at most 4096)
 * bytes = u32 length || bytes
 * </pre>
 *
 * <p>The whole entry is at most {@value #MAX_ENTRY_BYTES} bytes. {@link #decode} is strict: it
 * accepts exactly the outputs of {@link #encode}, so {@code encode(decode(b))} equals {@code b}.
 * Verifiers nevertheless hash the stored bytes, never a re-encoding (Rekor #1943). Thread-safe.
 */
public final class EntryCodec {

    /** The first byte of every entry of this format. */
    public static final int FORMAT_VERSION = 1;
    /** Maximum size of an encoded entry. */
    public static final int MAX_ENTRY_BYTES = 64 * 1024;

    private static final int DIGEST_FIELD_ABSENT = 0;
    private static final int SEQUENCE_OFFSET = 1;
    private static final int PREVIOUS_HASH_OFFSET = 9;
    private static final int LOGGED_AT_OFFSET = PREVIOUS_HASH_OFFSET + Digest.LENGTH;

    private EntryCodec() {
    }

    /**
     * Encodes an entry.
     *
     * @throws IllegalArgumentException if the encoding would exceed {@value #MAX_ENTRY_BYTES} bytes
     */
    public static byte[] encode(LedgerEntry entry) {
        byte[][] strings = {
                utf8(entry.workflow()), utf8(entry.actionType()), utf8(entry.actorPseudonym()),
                utf8(entry.actorRole()), utf8(entry.subjectKind()), utf8(entry.subjectId()),
                utf8(entry.guidelineVersionId()),
        };
        byte[] modelSnapshotId = utf8(entry.modelSnapshotId());
        int size = 1 + 8 + Digest.LENGTH + 8 + 8;
        for (byte[] s : strings) {
            size += 4 + s.length;
        }
        size += 4 + modelSnapshotId.length;
        size += digestFieldSize(entry.guidelineDigest()) + digestFieldSize(entry.modelArtifactDigest())
                + digestFieldSize(entry.payloadDigest()) + digestFieldSize(entry.rationaleDigest());
        size += 4;
        byte[][] attributes = new byte[entry.attributes().size() * 2][];
        int a = 0;
        for (Map.Entry<String, String> e : entry.attributes().entrySet()) {
            attributes[a] = utf8(e.getKey());
            attributes[a + 1] = utf8(e.getValue());
            size += 8 + attributes[a].length + attributes[a + 1].length;
            a += 2;
        }
        if (size > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("entry encodes to " + size + " bytes, limit " + MAX_ENTRY_BYTES);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) FORMAT_VERSION);
        out.putLong(entry.sequence());
        out.put(entry.previousEntryHash().bytes());
        out.putLong(entry.loggedAtMicros());
        out.putLong(entry.occurredAtMicros());
        for (byte[] s : strings) {
            putField(out, s);
        }
        putDigest(out, entry.guidelineDigest());
        putField(out, modelSnapshotId);
        putDigest(out, entry.modelArtifactDigest());
        putDigest(out, entry.payloadDigest());
        putDigest(out, entry.rationaleDigest());
        out.putInt(entry.attributes().size());
        for (byte[] field : attributes) {
            putField(out, field);
        }
        return out.array();
    }

    /**
     * A copy of an encoded entry with the three fields the sequencer assigns replaced: sequence,
     * previous-entry hash and loggedAt. They sit at fixed offsets, so the result is exactly the
     * encoding of the entry with those fields changed; this lets a record be encoded (and so
     * validated) once, inside the business transaction that writes it, and sealed later without
     * re-encoding.
     *
     * @throws IllegalArgumentException if {@code encoded} is too short to be an entry, is not of this
     *                                  format version, or {@code sequence} is negative
     */
    public static byte[] withPosition(byte[] encoded, long sequence, Digest previousEntryHash, long loggedAtMicros) {
        if (encoded.length < LOGGED_AT_OFFSET + 16 || encoded[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("not an encoded entry of format version " + FORMAT_VERSION);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
        }
        byte[] sealed = encoded.clone();
        ByteBuffer out = ByteBuffer.wrap(sealed);
        out.putLong(SEQUENCE_OFFSET, sequence);
        out.put(PREVIOUS_HASH_OFFSET, previousEntryHash.bytes());
        out.putLong(LOGGED_AT_OFFSET, loggedAtMicros);
        return sealed;
    }

    /**
     * Decodes stored entry bytes, accepting only the canonical encoding.
     *
     * @throws MalformedEntryException if {@code bytes} is not exactly the encoding of some entry
     */
    public static LedgerEntry decode(byte[] bytes) throws MalformedEntryException {
        try {
            return read(new Reader(bytes, true));
        } catch (IllegalArgumentException e) {
            throw new MalformedEntryException(e.getMessage());
        }
    }

    /**
     * Checks that {@code bytes} is a canonical encoding exactly as {@link #decode} does, without
     * building the entry: the verifier's hot path, which must not allocate per field.
     */
    static Header validate(byte[] bytes) throws MalformedEntryException {
        read(new Reader(bytes, false));
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new Header(in.getLong(SEQUENCE_OFFSET), in.getLong(LOGGED_AT_OFFSET));
    }

    /** The fixed-position fields of a validated entry. */
    record Header(long sequence, long loggedAtMicros) {
    }

    /** Whether the previous-entry hash of validated entry bytes equals {@code hash}. */
    static boolean previousHashEquals(byte[] entryBytes, byte[] hash) {
        return Arrays.equals(entryBytes, PREVIOUS_HASH_OFFSET, PREVIOUS_HASH_OFFSET + Digest.LENGTH, hash, 0, hash.length);
    }

    /** The previous-entry hash of validated entry bytes. */
    static Digest previousHash(byte[] entryBytes) {
        return Digest.of(Arrays.copyOfRange(entryBytes, PREVIOUS_HASH_OFFSET, PREVIOUS_HASH_OFFSET + Digest.LENGTH));
    }

    /**
     * Walks every field in encoding order, checking it. Returns the entry when the reader
     * materializes values, and null when it only validates (the single private use of null, so that
     * the field order is written down once).
     */
    private static LedgerEntry read(Reader in) throws MalformedEntryException {
        if (in.bytes.length > MAX_ENTRY_BYTES) {
            throw new MalformedEntryException("entry is " + in.bytes.length + " bytes, limit " + MAX_ENTRY_BYTES);
        }
        int version = in.u8("version");
        if (version != FORMAT_VERSION) {
            throw new MalformedEntryException("unsupported format version " + version);
        }
        long sequence = in.u64("sequence");
        if (sequence < 0) {
            throw new MalformedEntryException("sequence exceeds 2^63-1");
        }
        Optional<Digest> previous = in.fixedDigest("previousEntryHash");
        long loggedAt = in.u64("loggedAtMicros");
        long occurredAt = in.u64("occurredAtMicros");
        String workflow = in.string("workflow", false);
        String actionType = in.string("actionType", true);
        String actorPseudonym = in.string("actorPseudonym", true);
        String actorRole = in.string("actorRole", true);
        String subjectKind = in.string("subjectKind", false);
        String subjectId = in.string("subjectId", false);
        String guidelineVersionId = in.string("guidelineVersionId", false);
        Optional<Digest> guidelineDigest = in.digest("guidelineDigest");
        String modelSnapshotId = in.string("modelSnapshotId", false);
        Optional<Digest> modelArtifactDigest = in.digest("modelArtifactDigest");
        Optional<Digest> payloadDigest = in.digest("payloadDigest");
        Optional<Digest> rationaleDigest = in.digest("rationaleDigest");
        long count = in.u32("attributeCount");
        if (count > LedgerEntry.MAX_ATTRIBUTES) {
            throw new MalformedEntryException(count + " attributes, limit " + LedgerEntry.MAX_ATTRIBUTES);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        int previousKeyStart = -1;
        int previousKeyEnd = -1;
        for (int i = 0; i < count; i++) {
            int keyStart = in.pos + 4;
            String key = in.string("attribute key", true);
            int keyEnd = in.pos;
            if (previousKeyStart >= 0 && Arrays.compareUnsigned(in.bytes, previousKeyStart, previousKeyEnd,
                    in.bytes, keyStart, keyEnd) >= 0) {
                throw new MalformedEntryException("attribute keys not strictly increasing at attribute " + i);
            }
            previousKeyStart = keyStart;
            previousKeyEnd = keyEnd;
            String value = in.string("attribute value", false);
            if (in.materialize) {
                attributes.put(key, value);
            }
        }
        if (in.remaining() != 0) {
            throw new MalformedEntryException(in.remaining() + " trailing bytes after the last field");
        }
        if (!in.materialize) {
            return null;
        }
        return new LedgerEntry(sequence, previous.orElseThrow(), loggedAt, occurredAt, workflow, actionType,
                actorPseudonym, actorRole, subjectKind, subjectId, guidelineVersionId, guidelineDigest,
                modelSnapshotId, modelArtifactDigest, payloadDigest, rationaleDigest, attributes);
    }

    private static byte[] utf8(String s) {
        // LedgerEntry guarantees well-formed strings, so this conversion is exact.
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int digestFieldSize(Optional<Digest> digest) {
        return 4 + (digest.isPresent() ? Digest.LENGTH : DIGEST_FIELD_ABSENT);
    }

    private static void putField(ByteBuffer out, byte[] field) {
        out.putInt(field.length);
        out.put(field);
    }

    private static void putDigest(ByteBuffer out, Optional<Digest> digest) {
        putField(out, digest.map(Digest::bytes).orElse(new byte[DIGEST_FIELD_ABSENT]));
    }

    /**
     * Bounds-checked big-endian reader naming the field in every error. When not materializing it
     * only validates, and its value-returning methods return empty values.
     */
    private static final class Reader {
        private final byte[] bytes;
        private final boolean materialize;
        private int pos;

        Reader(byte[] bytes, boolean materialize) {
            this.bytes = bytes;
            this.materialize = materialize;
        }

        int remaining() {
            return bytes.length - pos;
        }

        private void need(String field, long n) throws MalformedEntryException {
            if (n > remaining()) {
                throw new MalformedEntryException("truncated in " + field + " at offset " + pos
                        + ": needs " + n + " bytes, " + remaining() + " left");
            }
        }

        int u8(String field) throws MalformedEntryException {
            need(field, 1);
            return bytes[pos++] & 0xff;
        }

        long u32(String field) throws MalformedEntryException {
            need(field, 4);
            long v = ((bytes[pos] & 0xffL) << 24) | ((bytes[pos + 1] & 0xffL) << 16)
                    | ((bytes[pos + 2] & 0xffL) << 8) | (bytes[pos + 3] & 0xffL);
            pos += 4;
            return v;
        }

        long u64(String field) throws MalformedEntryException {
            need(field, 8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes[pos + i] & 0xffL);
            }
            pos += 8;
            return v;
        }

        Optional<Digest> fixedDigest(String field) throws MalformedEntryException {
            need(field, Digest.LENGTH);
            Optional<Digest> digest = materialize
                    ? Optional.of(Digest.of(Arrays.copyOfRange(bytes, pos, pos + Digest.LENGTH)))
                    : Optional.empty();
            pos += Digest.LENGTH;
            return digest;
        }

        String string(String field, boolean required) throws MalformedEntryException {
            long length = u32(field + " length");
            if (length > LedgerEntry.MAX_STRING_BYTES) {
                throw new MalformedEntryException(field + " is " + length + " bytes, limit " + LedgerEntry.MAX_STRING_BYTES);
            }
            if (required && length == 0) {
                throw new MalformedEntryException(field + " must not be empty");
            }
            need(field, length);
            int start = pos;
            pos += (int) length;
            if (!isWellFormedUtf8(bytes, start, pos)) {
                throw new MalformedEntryException(field + " is not valid UTF-8");
            }
            return materialize ? new String(bytes, start, (int) length, StandardCharsets.UTF_8) : "";
        }

        Optional<Digest> digest(String field) throws MalformedEntryException {
            long length = u32(field + " length");
            if (length == DIGEST_FIELD_ABSENT) {
                return Optional.empty();
            }
            if (length != Digest.LENGTH) {
                throw new MalformedEntryException(field + " has length " + length + ", must be 0 or 32");
            }
            return fixedDigest(field);
        }
    }

    /**
     * Strict UTF-8 (RFC 3629): rejects overlong forms, encoded surrogates (U+D800..U+DFFF), values
     * above U+10FFFF and truncated sequences, exactly like the JDK's REPORTing decoder.
     */
    static boolean isWellFormedUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int continuation;
            int min = 0x80;
            int max = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                continuation = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                continuation = 2;
                if (c == 0xe0) {
                    min = 0xa0;
                } else if (c == 0xed) {
                    max = 0x9f;
                }
            } else if (c >= 0xf0 && c <= 0xf4) {
                continuation = 3;
                if (c == 0xf0) {
                    min = 0x90;
                } else if (c == 0xf4) {
                    max = 0x8f;
                }
            } else {
                return false;
            }
            if (i + continuation >= to) {
                return false;
            }
            int second = b[i + 1] & 0xff;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k <= continuation; k++) {
                if ((b[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }
}
