package io.oversight.ledger.format;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A Merkle root recomputed from data or a proof ({@link #calculatedRoot()}) differs from the root it
 * must equal ({@link #expectedRoot()}), as in transparency-dev/merkle {@code RootMismatchError}.
 * The roots are raw bytes because a caller may pass a root of the wrong length.
 */
public final class RootMismatchException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final byte[] expectedRoot;
    private final byte[] calculatedRoot;

    public RootMismatchException(String context, byte[] expectedRoot, byte[] calculatedRoot) {
        super(context + ": calculated root " + hex(calculatedRoot) + " does not match expected root "
                + hex(expectedRoot));
        this.expectedRoot = expectedRoot.clone();
        this.calculatedRoot = calculatedRoot.clone();
    }

    public byte[] expectedRoot() {
        return expectedRoot.clone();
    }

    public byte[] calculatedRoot() {
        return calculatedRoot.clone();
    }

    @Override
    public Kind kind() {
        return Kind.TAMPERING;
    }

    @Override
    public Optional<Digest> expected() {
        return asDigest(expectedRoot);
    }

    @Override
    public Optional<Digest> actual() {
        return asDigest(calculatedRoot);
    }

    private static Optional<Digest> asDigest(byte[] root) {
        return root.length == Digest.LENGTH ? Optional.of(Digest.of(root)) : Optional.empty();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
