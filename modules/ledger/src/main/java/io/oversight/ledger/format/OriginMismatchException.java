package io.oversight.ledger.format;

/**
 * Data that names another log than the origin the verifier pinned out of band (immudb
 * CVE-2022-39199): a checkpoint correctly signed for some other log proves nothing about this one.
 */
public final class OriginMismatchException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final String expectedOrigin;
    private final String actualOrigin;

    public OriginMismatchException(String expectedOrigin, String actualOrigin) {
        this("origin is", expectedOrigin, actualOrigin);
    }

    /** The origin {@code stated} (e.g. "bundle.properties names origin") differs from the pinned one. */
    public OriginMismatchException(String stated, String expectedOrigin, String actualOrigin) {
        super(stated + " \"" + actualOrigin + "\" but the pinned origin is \"" + expectedOrigin + "\"");
        this.expectedOrigin = expectedOrigin;
        this.actualOrigin = actualOrigin;
    }

    public String expectedOrigin() {
        return expectedOrigin;
    }

    public String actualOrigin() {
        return actualOrigin;
    }

    @Override
    public Kind kind() {
        return Kind.UNTRUSTED;
    }
}
