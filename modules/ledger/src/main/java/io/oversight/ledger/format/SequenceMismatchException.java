package io.oversight.ledger.format;

import java.util.OptionalLong;

/**
 * The entries are not the contiguous run the bundle and its checkpoints require: at the position
 * where entry {@link #sequence()} is due there is another entry (deleted, inserted, duplicated or
 * reordered entries), no entry at all (entries missing), or an entry the signed checkpoints do not
 * cover.
 */
public final class SequenceMismatchException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final long sequence;

    public SequenceMismatchException(long sequence, String found) {
        super("expected entry " + sequence + " but " + found);
        this.sequence = sequence;
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }

    @Override
    public OptionalLong sequence() {
        return OptionalLong.of(sequence);
    }
}
