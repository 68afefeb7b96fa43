package io.oversight.ledger;

import io.oversight.ledger.format.Digest;
import java.util.List;
import java.util.Objects;

/**
 * RFC 9162 inclusion proof of one entry in the tree of a signed checkpoint; verify it with
 * {@link io.oversight.ledger.format.ProofVerifier#verifyInclusion} against the checkpoint's root
 * after verifying the checkpoint's signature.
 *
 * @param leafIndex  the entry's sequence number
 * @param leafHash   the entry's leaf hash
 * @param hashes     proof hashes, from the leaf up
 * @param checkpoint the signed checkpoint the proof leads to
 */
public record InclusionProof(long leafIndex, Digest leafHash, List<Digest> hashes, SignedCheckpoint checkpoint) {

    public InclusionProof {
        Objects.requireNonNull(leafHash, "leafHash");
        hashes = List.copyOf(hashes);
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    public long treeSize() {
        return checkpoint.size();
    }
}
