package io.oversight.ledger.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A named Ed25519 public key that verifies note signatures, in the C2SP signed-note / Go
 * {@code golang.org/x/mod/sumdb/note} verifier key format:
 *
 * <pre>
 * &lt;name&gt;+&lt;key ID, 8 lowercase hex digits&gt;+&lt;base64(0x01 || 32-byte public key)&gt;
 * key ID = first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key)
 * </pre>
 *
 * Immutable and thread-safe (a BouncyCastle signer is created per verification).
 */
public final class VerifierKey {

    /** Signature type byte of Ed25519 in C2SP signed-note. */
    public static final byte ED25519 = 0x01;

    private static final int SIGNATURE_SIZE = 64;

    private final String name;
    private final byte[] publicKey;
    private final Ed25519PublicKeyParameters parameters;
    private final int keyId;

    private VerifierKey(String name, byte[] publicKey, Ed25519PublicKeyParameters parameters) {
        this.name = name;
        this.publicKey = publicKey;
        this.parameters = parameters;
        this.keyId = computeKeyId(name, publicKey);
    }

    /**
     * The verifier for an Ed25519 public key under a key name.
     *
     * @throws IllegalArgumentException if the name breaks the signed-note rules or the key is not a
     *                                  valid 32-byte Ed25519 public key
     */
    public static VerifierKey ed25519(String name, byte[] publicKey) {
        Checkpoint.checkName("key name", name);
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + publicKey.length);
        }
        byte[] copy = publicKey.clone();
        // BouncyCastle decodes the point here and rejects encodings that are not on the curve.
        return new VerifierKey(name, copy, new Ed25519PublicKeyParameters(copy, 0));
    }

    /** Parses a verifier key string, checking that its key ID matches its name and key. */
    public static VerifierKey parse(String vkey) throws MalformedTrustException {
        // The base64 key may itself contain '+'; name and key ID never do.
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new MalformedTrustException("verifier key must be name+keyid+key: \"" + vkey + "\"");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new MalformedTrustException("key ID must be 8 lowercase hex digits: \"" + parts[1] + "\"");
        }
        byte[] typed;
        try {
            typed = SignedNote.strictBase64("verifier key", parts[2]);
        } catch (MalformedNoteException e) {
            throw new MalformedTrustException(e.getMessage());
        }
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new MalformedTrustException("verifier key must be 0x01 followed by a 32-byte Ed25519 key: \"" + vkey + "\"");
        }
        VerifierKey key;
        try {
            key = ed25519(parts[0], Arrays.copyOfRange(typed, 1, 33));
        } catch (IllegalArgumentException e) {
            throw new MalformedTrustException(e.getMessage());
        }
        if (key.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new MalformedTrustException("key ID " + parts[1] + " does not match the key, which hashes to "
                    + String.format("%08x", key.keyId));
        }
        return key;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** {@code name+hexkeyid}, how reports and errors name the key. */
    public String label() {
        return name + "+" + String.format("%08x", keyId);
    }

    /** The verifier key string. */
    public String encode() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return label() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, parameters);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    static int computeKeyId(String name, byte[] publicKey) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            md.update(ED25519);
            md.update(publicKey);
            return ByteBuffer.wrap(md.digest(), 0, 4).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey k && k.name.equals(name) && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return encode();
    }
}
