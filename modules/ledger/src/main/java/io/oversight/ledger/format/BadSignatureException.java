package io.oversight.ledger.format;

/**
 * A note carries a signature line whose key name and key ID match a trusted key, but the signature
 * does not verify over the note text. The whole note is rejected (C2SP signed-note).
 */
public final class BadSignatureException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final String keyName;
    private final int keyId;

    public BadSignatureException(String keyName, int keyId) {
        super("signature by " + keyName + "+" + String.format("%08x", keyId) + " does not verify");
        this.keyName = keyName;
        this.keyId = keyId;
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    @Override
    public Kind kind() {
        return Kind.BAD_SIGNATURE;
    }
}
