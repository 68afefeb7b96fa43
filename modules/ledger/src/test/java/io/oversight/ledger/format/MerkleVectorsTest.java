package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the checked-in reference and generated vectors against the production code. */
class MerkleVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void referenceVectorsOfTransparencyDevMerkle() throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        List<byte[]> roots = new ArrayList<>();
        roots.add(LedgerHashes.emptyRoot());
        int inclusions = 0;
        int consistencies = 0;
        for (String line : VectorFiles.resource("vectors/merkle-reference.txt").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            switch (f[0]) {
                case "leaf" -> leaves.add(LedgerHashes.leafHash(f[2].equals("-") ? new byte[0] : HEX.parseHex(f[2])));
                case "root" -> {
                    int size = Integer.parseInt(f[1]);
                    byte[] root = HEX.parseHex(f[2]);
                    roots.add(root);
                    assertArrayEquals(root, MerkleProofs.root(leaves.subList(0, size)), "root of size " + size);
                    assertArrayEquals(root, NaiveMerkle.mth(leaves.subList(0, size)));
                }
                case "inclusion" -> {
                    int index = Integer.parseInt(f[1]);
                    int size = Integer.parseInt(f[2]);
                    List<byte[]> proof = VectorFiles.proof(f[3]);
                    ProofVerifier.verifyInclusion(index, size, leaves.get(index), proof, roots.get(size));
                    assertProofEquals(proof, MerkleProofs.inclusionProof(index, size, memory(leaves)));
                    inclusions++;
                }
                case "consistency" -> {
                    int size1 = Integer.parseInt(f[1]);
                    int size2 = Integer.parseInt(f[2]);
                    List<byte[]> proof = VectorFiles.proof(f[3]);
                    ProofVerifier.verifyConsistency(size1, size2, proof, roots.get(size1), roots.get(size2));
                    assertProofEquals(proof, MerkleProofs.consistencyProof(size1, size2, memory(leaves)));
                    consistencies++;
                }
                default -> fail("unknown vector line " + line);
            }
        }
        assertEquals(5, inclusions);
        assertEquals(5, consistencies);
    }

    @Test
    void generatedVectorFilesAreUpToDate() throws Exception {
        assertEquals(VectorFiles.inclusion(), VectorFiles.resource(VectorFiles.INCLUSION));
        assertEquals(VectorFiles.consistency(), VectorFiles.resource(VectorFiles.CONSISTENCY));
    }

    @Test
    void generatedInclusionVectors() throws Exception {
        List<VectorFiles.Vector> vectors = VectorFiles.read(VectorFiles.INCLUSION);
        NodeHashSource tree = memory(VectorFiles.leaves(1000));
        int ok = 0;
        for (VectorFiles.Vector v : vectors) {
            String what = v.description() + " index " + v.a() + " size " + v.b();
            switch (v.expect()) {
                case "ok" -> {
                    assertDoesNotThrow(() -> ProofVerifier.verifyInclusion(v.a(), v.b(), v.hash1(), v.proof(), v.hash2()), what);
                    assertProofEquals(v.proof(), MerkleProofs.inclusionProof(v.a(), v.b(), tree));
                    ok++;
                }
                case "invalid" -> assertThrows(InvalidProofException.class,
                        () -> ProofVerifier.verifyInclusion(v.a(), v.b(), v.hash1(), v.proof(), v.hash2()), what);
                case "mismatch" -> assertThrows(RootMismatchException.class,
                        () -> ProofVerifier.verifyInclusion(v.a(), v.b(), v.hash1(), v.proof(), v.hash2()), what);
                default -> fail("unknown expectation " + v.expect());
            }
        }
        assertEquals(1 + 2 + 3 + 7 + 8 + 9 + 12, ok);
    }

    @Test
    void generatedConsistencyVectors() throws Exception {
        List<VectorFiles.Vector> vectors = VectorFiles.read(VectorFiles.CONSISTENCY);
        NodeHashSource tree = memory(VectorFiles.leaves(1000));
        int ok = 0;
        int emptyTree = 0;
        for (VectorFiles.Vector v : vectors) {
            String what = v.description() + " " + v.a() + " -> " + v.b();
            switch (v.expect()) {
                case "ok" -> {
                    assertDoesNotThrow(() -> ProofVerifier.verifyConsistency(v.a(), v.b(), v.proof(), v.hash1(), v.hash2()), what);
                    if (v.a() > 0) {
                        assertProofEquals(v.proof(), MerkleProofs.consistencyProof(v.a(), v.b(), tree));
                    }
                    ok++;
                }
                case "empty-tree" -> {
                    assertThrows(EmptyTreeConsistencyException.class,
                            () -> ProofVerifier.verifyConsistency(v.a(), v.b(), v.proof(), v.hash1(), v.hash2()), what);
                    emptyTree++;
                }
                case "invalid" -> {
                    InvalidProofException e = assertThrows(InvalidProofException.class,
                            () -> ProofVerifier.verifyConsistency(v.a(), v.b(), v.proof(), v.hash1(), v.hash2()), what);
                    assertEquals(InvalidProofException.class, e.getClass(), what);
                }
                case "mismatch" -> assertThrows(RootMismatchException.class,
                        () -> ProofVerifier.verifyConsistency(v.a(), v.b(), v.proof(), v.hash1(), v.hash2()), what);
                default -> fail("unknown expectation " + v.expect());
            }
        }
        assertEquals(7, emptyTree);
        assertEquals(1 + 28 + 8, ok);
    }

    static NodeHashSource memory(List<byte[]> leaves) {
        return (level, index) -> NaiveMerkle.mth(leaves.subList((int) (index << level), (int) ((index + 1) << level)));
    }

    static void assertProofEquals(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "proof length");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "proof hash " + i);
        }
    }
}
