package io.oversight.ledger.format;

/**
 * A Merkle proof that cannot be checked against the given sizes: wrong number of hashes, hash of the
 * wrong length, index beyond the tree, sizes in the wrong order.
 */
public class InvalidProofException extends VerificationException {

    private static final long serialVersionUID = 1L;

    public InvalidProofException(String reason) {
        super(reason);
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }
}
