package io.oversight.ledger.storage;

import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.VerificationException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Something the server stores beside the entries disagrees with what is recomputed from the entries
 * and the signed checkpoints: a stored leaf hash, a full tile or its root, a filter column, a
 * checkpoint row's columns, the head. Only the online verifier sees these; the offline verifier never
 * trusts them in the first place.
 */
public final class StoredDataMismatchException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final OptionalLong sequence;
    private final Optional<Digest> expected;
    private final Optional<Digest> actual;

    StoredDataMismatchException(String message, OptionalLong sequence, Optional<Digest> expected, Optional<Digest> actual) {
        super(message);
        this.sequence = sequence;
        this.expected = expected;
        this.actual = actual;
    }

    static StoredDataMismatchException hash(String what, long sequence, byte[] expected, byte[] actual) {
        return new StoredDataMismatchException(what + ": stored " + Digest.of(actual) + ", recomputed "
                + Digest.of(expected), OptionalLong.of(sequence), Optional.of(Digest.of(expected)), Optional.of(Digest.of(actual)));
    }

    static StoredDataMismatchException at(long sequence, String message) {
        return new StoredDataMismatchException(message, OptionalLong.of(sequence), Optional.empty(), Optional.empty());
    }

    static StoredDataMismatchException of(String message) {
        return new StoredDataMismatchException(message, OptionalLong.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }

    @Override
    public OptionalLong sequence() {
        return sequence;
    }

    @Override
    public Optional<Digest> expected() {
        return expected;
    }

    @Override
    public Optional<Digest> actual() {
        return actual;
    }
}
