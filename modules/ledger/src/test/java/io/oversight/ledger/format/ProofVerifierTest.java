package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge cases of transparency-dev/merkle proof/verify_test.go, with the size-0 semantics of #140. */
class ProofVerifierTest {

    private static final byte[] ROOT1 = "don't care 1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROOT2 = "don't care 2".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = LedgerHashes.emptyRoot();
    private static final byte[] SOME = TestLog.sha("some hash");

    @Test
    void consistencyEdgeCases() {
        List<byte[]> none = List.of();
        List<byte[]> one = List.of(EMPTY);
        // Equal sizes: empty proof and equal roots, nothing else.
        assertDoesNotThrow(() -> ProofVerifier.verifyConsistency(0, 0, none, ROOT1, ROOT1));
        assertDoesNotThrow(() -> ProofVerifier.verifyConsistency(1, 1, none, ROOT2, ROOT2));
        assertThrows(RootMismatchException.class, () -> ProofVerifier.verifyConsistency(0, 0, none, ROOT1, ROOT2));
        assertThrows(RootMismatchException.class, () -> ProofVerifier.verifyConsistency(1, 1, none, ROOT1, ROOT2));
        assertThrows(RootMismatchException.class, () -> ProofVerifier.verifyConsistency(1, 1, none, EMPTY, ROOT2));
        assertThrows(InvalidProofException.class, () -> ProofVerifier.verifyConsistency(0, 0, one, EMPTY, EMPTY));
        assertThrows(InvalidProofException.class, () -> ProofVerifier.verifyConsistency(1, 1, one, EMPTY, EMPTY));
        // From the empty tree: never a proof of anything (transparency-dev/merkle #140).
        assertThrows(EmptyTreeConsistencyException.class, () -> ProofVerifier.verifyConsistency(0, 1, none, ROOT1, ROOT2));
        assertThrows(EmptyTreeConsistencyException.class, () -> ProofVerifier.verifyConsistency(0, 1, none, EMPTY, EMPTY));
        InvalidProofException nonEmpty = assertThrows(InvalidProofException.class,
                () -> ProofVerifier.verifyConsistency(0, 1, one, EMPTY, EMPTY));
        org.junit.jupiter.api.Assertions.assertFalse(nonEmpty instanceof EmptyTreeConsistencyException);
        // Time travel to the past.
        assertThrows(InvalidProofException.class, () -> ProofVerifier.verifyConsistency(1, 0, none, ROOT1, ROOT2));
        assertThrows(InvalidProofException.class, () -> ProofVerifier.verifyConsistency(2, 1, none, ROOT1, ROOT2));
        // Growth needs a proof.
        assertThrows(InvalidProofException.class, () -> ProofVerifier.verifyConsistency(1, 2, none, ROOT1, ROOT2));
    }

    @Test
    void inclusionEdgeCases() {
        for (long[] p : new long[][] {{0, 0}, {1, 0}, {2, 1}, {-1, 1}}) {
            assertThrows(InvalidProofException.class, () -> ProofVerifier.verifyInclusion(p[0], p[1], SOME, List.of(), EMPTY));
        }
        assertThrows(RootMismatchException.class, () -> ProofVerifier.verifyInclusion(0, 1, SOME, List.of(), EMPTY));
        assertThrows(InvalidProofException.class, () -> ProofVerifier.verifyInclusion(0, 1, new byte[0], List.of(), SOME));
    }

    @Test
    void singleEntryTreeRootIsItsLeafHash() throws Exception {
        byte[] leaf = LedgerHashes.leafHash("data".getBytes(StandardCharsets.UTF_8));
        ProofVerifier.verifyInclusion(0, 1, leaf, List.of(), leaf);
        assertArrayEquals(leaf, ProofVerifier.rootFromInclusionProof(0, 1, leaf, List.of()));
        assertThrows(RootMismatchException.class, () -> ProofVerifier.verifyInclusion(0, 1, leaf, List.of(), new byte[0]));
        assertThrows(InvalidProofException.class, () -> ProofVerifier.verifyInclusion(0, 1, new byte[0], List.of(), leaf));
    }

    @Test
    void rootMismatchCarriesBothRoots() {
        RootMismatchException e = assertThrows(RootMismatchException.class,
                () -> ProofVerifier.verifyInclusion(0, 1, SOME, List.of(), EMPTY));
        assertArrayEquals(EMPTY, e.expectedRoot());
        assertArrayEquals(SOME, e.calculatedRoot());
        assertArrayEquals(EMPTY, e.expected().orElseThrow().bytes());
    }

    @Test
    void hashesAreDomainSeparated() {
        byte[] data = "entry".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(TestLog.sha("\u0000entry"), LedgerHashes.leafHash(data));
        assertArrayEquals(TestLog.sha("\u0002entry"), LedgerHashes.chainHash(data));
        assertArrayEquals(TestLog.sha(""), LedgerHashes.emptyRoot());
    }
}
