package io.oversight.ledger;

import io.oversight.ledger.format.Digest;
import java.util.List;

/**
 * RFC 9162 consistency proof that the tree of {@code toSize} leaves extends the tree of
 * {@code fromSize} leaves; verify it with
 * {@link io.oversight.ledger.format.ProofVerifier#verifyConsistency} against the roots of two signed
 * checkpoints.
 *
 * @param fromSize the older tree size, at least 1
 * @param toSize   the newer tree size
 * @param hashes   proof hashes, from the leaves up
 */
public record ConsistencyProof(long fromSize, long toSize, List<Digest> hashes) {

    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }
}
