package io.oversight.ledger;

import io.oversight.ledger.format.Digest;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The first failed check of a verification, with its evidence.
 *
 * @param kind              class of failure: TAMPERING, BAD_SIGNATURE, UNTRUSTED or MALFORMED
 *                          ({@link io.oversight.ledger.format.VerificationException.Kind})
 * @param firstBadSequence  the first entry concerned, when the failure concerns one
 * @param message           what was found, in words
 * @param expected          for hash mismatches, the hash the commitment requires
 * @param actual            for hash mismatches, the hash found or recomputed
 */
public record VerificationFailure(String kind, OptionalLong firstBadSequence, String message,
        Optional<Digest> expected, Optional<Digest> actual) {

    public VerificationFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(firstBadSequence, "firstBadSequence");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }
}
