package io.oversight.ledger.format;

/**
 * A trust file or verifier key string that cannot be parsed.
 */
public final class MalformedTrustException extends VerificationException {

    private static final long serialVersionUID = 1L;

    public MalformedTrustException(String reason) {
        super(reason);
    }

    public MalformedTrustException(String reason, Throwable cause) {
        super(reason, cause);
    }

    @Override
    public Kind kind() {
        return Kind.MALFORMED;
    }
}
