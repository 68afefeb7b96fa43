package io.oversight.ledger.format;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 value: exactly 32 immutable bytes. Used for entry fields that hold digests and for
 * evidence carried by verification failures. Hot Merkle code works on raw {@code byte[]} instead,
 * to avoid copies; this type is for values that cross API boundaries.
 */
public final class Digest {

    /** Length in bytes of every digest. */
    public static final int LENGTH = 32;

    private static final Digest ZERO = new Digest(new byte[LENGTH]);

    private final byte[] bytes;

    private Digest(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}, which must be exactly 32 bytes long. */
    public static Digest of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a digest is " + LENGTH + " bytes, got " + bytes.length);
        }
        return new Digest(bytes.clone());
    }

    /** Parses 64 hexadecimal digits. */
    public static Digest fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** The all-zero value: the previous-entry hash of entry 0 and the chain head of an empty log. */
    public static Digest zero() {
        return ZERO;
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether {@code other} holds the same 32 bytes, without copying. */
    public boolean matches(byte[] other) {
        return Arrays.equals(bytes, other);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Standard, padded base64 (RFC 4648 section 4), as used in checkpoints. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
