package io.oversight.ledger.format;

import java.util.List;

/** No signature on a note comes from a trusted key (signed-note: such a note MUST be rejected). */
public final class UnknownKeyException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final List<String> signers;

    /** @param signers the signature lines' keys as {@code name+hexkeyid} */
    public UnknownKeyException(List<String> signers) {
        super("not signed by any trusted key; signed by: " + String.join(", ", signers));
        this.signers = List.copyOf(signers);
    }

    public List<String> signers() {
        return signers;
    }

    @Override
    public Kind kind() {
        return Kind.UNTRUSTED;
    }
}
