package io.oversight.ledger.format;

import java.util.Arrays;
import java.util.List;

/**
 * Verification of RFC 6962 / 9162 inclusion and consistency proofs, with the semantics of
 * transparency-dev/merkle {@code proof/verify.go}: proof hashes are ordered from the leaves up, a
 * proof must have exactly the expected number of 32-byte hashes, and every failure is an exception
 * carrying its evidence. Pure functions; thread-safe.
 *
 * <p>Consistency from size 0: {@link #verifyConsistency} with {@code size1 == 0 < size2} never
 * succeeds. With an empty proof it throws {@link EmptyTreeConsistencyException}, telling the caller
 * that there is nothing to prove rather than that something was proven
 * (transparency-dev/merkle #140); with a non-empty proof it throws {@link InvalidProofException}.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * Checks that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves with root
     * {@code root}. Requires {@code 0 <= index < size}.
     *
     * @throws InvalidProofException  if the arguments or the proof shape are wrong
     * @throws RootMismatchException  if the proof leads to another root
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InvalidProofException, RootMismatchException {
        byte[] calculated = rootFromInclusionProof(index, size, leafHash, proof);
        if (!Arrays.equals(calculated, root)) {
            throw new RootMismatchException("inclusion proof of leaf " + index + " in tree size " + size, root, calculated);
        }
    }

    /** The root implied by an inclusion proof. Requires {@code 0 <= index < size}. */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof)
            throws InvalidProofException {
        if (index < 0 || index >= size) {
            throw new InvalidProofException("index " + index + " is not in a tree of size " + size);
        }
        if (leafHash.length != Digest.LENGTH) {
            throw new InvalidProofException("leaf hash is " + leafHash.length + " bytes, must be 32");
        }
        int inner = innerProofSize(index, size);
        int border = Long.bitCount(index >>> inner);
        checkShape(proof, inner + border);
        byte[] hash = chainInner(leafHash, proof, 0, inner, index);
        return chainBorderRight(hash, proof, inner);
    }

    /**
     * Checks that the tree of {@code size2} leaves with root {@code root2} extends the tree of
     * {@code size1} leaves with root {@code root1}. Requires {@code 0 <= size1 <= size2}; equal sizes
     * require an empty proof and equal roots.
     *
     * @throws EmptyTreeConsistencyException for {@code size1 == 0 < size2} with an empty proof
     * @throws InvalidProofException         if the arguments or the proof shape are wrong
     * @throws RootMismatchException         if the proof does not lead to root1, or to root2
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws InvalidProofException, RootMismatchException {
        byte[] calculated = rootFromConsistencyProof(size1, size2, proof, root1);
        if (!Arrays.equals(calculated, root2)) {
            throw new RootMismatchException("consistency proof from size " + size1 + " to size " + size2
                    + ", second root", root2, calculated);
        }
    }

    /**
     * The root of the tree of {@code size2} leaves implied by a consistency proof from the tree of
     * {@code size1} leaves with root {@code root1}, after checking that the proof leads to root1.
     */
    public static byte[] rootFromConsistencyProof(long size1, long size2, List<byte[]> proof, byte[] root1)
            throws InvalidProofException, RootMismatchException {
        if (size1 < 0 || size2 < size1) {
            throw new InvalidProofException("need 0 <= size1 <= size2, got " + size1 + ", " + size2);
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("size1 == size2 but the proof is not empty");
            }
            return root1.clone();
        }
        if (size1 == 0) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("a consistency proof from the empty tree must be empty");
            }
            throw new EmptyTreeConsistencyException(size2);
        }
        if (proof.isEmpty()) {
            throw new InvalidProofException("empty consistency proof from size " + size1 + " to size " + size2);
        }
        int inner = innerProofSize(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        // The lowest `shift` levels of the path to leaf size1-1 lie inside a perfect subtree of the
        // old tree; the proof starts above it, with that subtree's hash unless it is the old root.
        inner -= shift;
        byte[] seed;
        int start;
        if (size1 == 1L << shift) {
            seed = root1;
            start = 0;
        } else {
            seed = proof.get(0);
            start = 1;
        }
        checkShape(proof, start + inner + border);
        long mask = (size1 - 1) >>> shift;
        byte[] hash1 = chainInnerRight(seed, proof, start, inner, mask);
        hash1 = chainBorderRight(hash1, proof, start + inner);
        if (!Arrays.equals(hash1, root1)) {
            throw new RootMismatchException("consistency proof from size " + size1 + " to size " + size2
                    + ", first root", root1, hash1);
        }
        byte[] hash2 = chainInner(seed, proof, start, inner, mask);
        return chainBorderRight(hash2, proof, start + inner);
    }

    /** Number of proof hashes below the level where the paths to index and size-1 diverge. */
    private static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    private static void checkShape(List<byte[]> proof, int expectedLength) throws InvalidProofException {
        if (proof.size() != expectedLength) {
            throw new InvalidProofException("wrong proof size " + proof.size() + ", want " + expectedLength);
        }
        for (int i = 0; i < proof.size(); i++) {
            if (proof.get(i).length != Digest.LENGTH) {
                throw new InvalidProofException("proof hash " + i + " is " + proof.get(i).length + " bytes, must be 32");
            }
        }
    }

    /** Hashes up along the path of the node at {@code index}, siblings on either side. */
    private static byte[] chainInner(byte[] seed, List<byte[]> proof, int from, int count, long index) {
        byte[] hash = seed;
        for (int i = 0; i < count; i++) {
            byte[] sibling = proof.get(from + i);
            hash = (index >>> i & 1) == 0 ? LedgerHashes.nodeHash(hash, sibling) : LedgerHashes.nodeHash(sibling, hash);
        }
        return hash;
    }

    /** Like chainInner but only left siblings count: yields the same subtree at the older size. */
    private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, int from, int count, long index) {
        byte[] hash = seed;
        for (int i = 0; i < count; i++) {
            if ((index >>> i & 1) == 1) {
                hash = LedgerHashes.nodeHash(proof.get(from + i), hash);
            }
        }
        return hash;
    }

    /** Hashes along the right border, where every remaining proof hash is a left sibling. */
    private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof, int from) {
        byte[] hash = seed;
        for (int i = from; i < proof.size(); i++) {
            hash = LedgerHashes.nodeHash(proof.get(i), hash);
        }
        return hash;
    }
}
