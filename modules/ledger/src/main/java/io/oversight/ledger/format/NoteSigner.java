package io.oversight.ledger.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs checkpoints as C2SP signed notes with an Ed25519 key (RFC 8032, BouncyCastle lightweight
 * API). The key name should be the log's origin (tlog-checkpoint). Immutable and thread-safe; holds
 * the private key, so keep instances out of logs and heap dumps you share.
 */
public final class NoteSigner {

    private final Ed25519PrivateKeyParameters privateKey;
    private final VerifierKey verifierKey;

    private NoteSigner(String keyName, Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.verifierKey = VerifierKey.ed25519(keyName, privateKey.generatePublicKey().getEncoded());
    }

    /**
     * A signer from a 32-byte Ed25519 private key (the RFC 8032 seed, as found in the last 32 bytes
     * of a PKCS#8 Ed25519 key).
     *
     * @throws IllegalArgumentException if the key name breaks the signed-note rules or the seed is not 32 bytes
     */
    public static NoteSigner ed25519(String keyName, byte[] privateKeySeed) {
        if (privateKeySeed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key seed is 32 bytes, got " + privateKeySeed.length);
        }
        return new NoteSigner(keyName, new Ed25519PrivateKeyParameters(privateKeySeed, 0));
    }

    /** The public half, for trust files. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The signed note of a checkpoint: its body, a blank line and one signature line. */
    public String sign(Checkpoint checkpoint) {
        return signNote(checkpoint.body());
    }

    /** Signs a note text, which must end with a newline and contain no other control characters. */
    String signNote(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end with a newline");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        byte[] signature = signer.generateSignature();
        byte[] line = ByteBuffer.allocate(4 + signature.length).putInt(verifierKey.keyId()).put(signature).array();
        return text + "\n" + SignedNote.SIGNATURE_PREFIX + verifierKey.name() + " "
                + Base64.getEncoder().encodeToString(line) + "\n";
    }
}
