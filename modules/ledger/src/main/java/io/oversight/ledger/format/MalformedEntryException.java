package io.oversight.ledger.format;

import java.util.OptionalLong;

/**
 * Stored entry bytes that are not a canonical encoding: unknown version, truncated,
 * trailing bytes, invalid UTF-8, unsorted or duplicate attribute keys, wrong digest length, size
 * limit exceeded. Since the server only ever stores canonical bytes, this is evidence of
 * alteration, hence {@link Kind#TAMPERING}.
 */
public final class MalformedEntryException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final long sequence;

    /** A decoding failure with no known position in the log. */
    public MalformedEntryException(String reason) {
        super(reason);
        this.sequence = -1;
    }

    /** A decoding failure of the entry expected at {@code sequence}. */
    public MalformedEntryException(long sequence, MalformedEntryException cause) {
        super("entry " + sequence + " is not a canonical encoding: " + cause.getMessage(), cause);
        this.sequence = sequence;
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }

    @Override
    public OptionalLong sequence() {
        return sequence < 0 ? OptionalLong.empty() : OptionalLong.of(sequence);
    }
}
