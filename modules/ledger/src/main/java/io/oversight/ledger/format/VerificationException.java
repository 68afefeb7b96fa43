package io.oversight.ledger.format;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reason not to trust some ledger data, with its evidence. Every failure of this package's
 * verification functions is a subclass; {@link #kind()} tells what class of problem it is (the
 * offline verifier maps it to its exit code), {@link #sequence()} names the first entry concerned
 * when there is one, and {@link #expected()} / {@link #actual()} carry the two hashes that differ
 * when the failure is a hash mismatch.
 */
public abstract class VerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The class of a verification failure. */
    public enum Kind {
        /** The data contradicts itself or its signed commitments: altered, inserted, removed or reordered. */
        TAMPERING,
        /** A signature by a trusted key does not verify. */
        BAD_SIGNATURE,
        /** The data is not vouched for by the trust anchors: unknown key, key outside validity, wrong origin. */
        UNTRUSTED,
        /** The input cannot be parsed: wrong syntax, truncated file, missing part. */
        MALFORMED
    }

    protected VerificationException(String message) {
        super(message);
    }

    protected VerificationException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Kind kind();

    /** The sequence number of the first entry this failure concerns, when it concerns one. */
    public OptionalLong sequence() {
        return OptionalLong.empty();
    }

    /** The hash the verified commitment requires, for hash mismatches. */
    public Optional<Digest> expected() {
        return Optional.empty();
    }

    /** The hash actually found or computed from the data, for hash mismatches. */
    public Optional<Digest> actual() {
        return Optional.empty();
    }
}
