package io.oversight.ledger.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Generates the checked-in proof vectors under src/test/resources/vectors with {@link NaiveMerkle}
 * (run {@link #main} from the module directory to rewrite them), and reads them back.
 *
 * <p>Line formats, hashes in hex, proofs comma-separated or {@code -} when empty:
 * <pre>
 * inclusion-generated.txt:   expect index size leafHash root proof description
 * consistency-generated.txt: expect size1 size2 root1 root2 proof description
 * </pre>
 * where expect is {@code ok}, {@code invalid} (InvalidProofException), {@code mismatch}
 * (RootMismatchException) or {@code empty-tree} (EmptyTreeConsistencyException).
 */
final class VectorFiles {

    static final String INCLUSION = "vectors/inclusion-generated.txt";
    static final String CONSISTENCY = "vectors/consistency-generated.txt";
    static final int[] SIZES = {0, 1, 2, 3, 7, 8, 9, 1000};
    private static final HexFormat HEX = HexFormat.of();

    private VectorFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("src/test/resources");
        Files.writeString(dir.resolve(INCLUSION), inclusion());
        Files.writeString(dir.resolve(CONSISTENCY), consistency());
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(LedgerHashes.leafHash(("oversight-test-leaf-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    static String inclusion() {
        List<byte[]> all = leaves(1000);
        StringBuilder out = new StringBuilder("# expect index size leafHash root proof description (see VectorFiles)\n");
        byte[] some = TestLog.sha("some hash");
        out.append(line("invalid", 0, 0, some, NaiveMerkle.mth(List.of()), List.of(), "index 0 in the empty tree"));
        for (int size : SIZES) {
            if (size == 0) {
                continue;
            }
            List<byte[]> d = all.subList(0, size);
            byte[] root = NaiveMerkle.mth(d);
            int[] indices = size <= 9 ? range(size) : new int[] {0, 1, 2, 255, 256, 499, 500, 511, 512, 767, 998, 999};
            for (int index : indices) {
                List<byte[]> proof = NaiveMerkle.path(index, d);
                byte[] leaf = d.get(index);
                out.append(line("ok", index, size, leaf, root, proof, "generated"));
                out.append(line("invalid", size, size, leaf, root, proof, "index equal to size"));
                int other = index + 1 < size ? index + 1 : index - 1;
                if (other >= 0) {
                    String expect = NaiveMerkle.path(other, d).size() == proof.size() ? "mismatch" : "invalid";
                    out.append(line(expect, other, size, leaf, root, proof, "wrong index"));
                }
                out.append(line("mismatch", index, size, leaf, flip(root), proof, "wrong root"));
                out.append(line("mismatch", index, size, flip(leaf), root, proof, "wrong leaf"));
                out.append(line("invalid", index, size, leaf, root, append(proof, root), "proof too long"));
                if (!proof.isEmpty()) {
                    out.append(line("invalid", index, size, leaf, root, proof.subList(0, proof.size() - 1), "proof too short"));
                    List<byte[]> flipped = new ArrayList<>(proof);
                    flipped.set(0, flip(proof.get(0)));
                    out.append(line("mismatch", index, size, leaf, root, flipped, "modified proof hash"));
                }
                if (!proof.isEmpty() && size * 2 <= all.size()) {
                    String expect = NaiveMerkle.path(index, all.subList(0, size * 2)).size() == proof.size() ? "mismatch" : "invalid";
                    out.append(line(expect, index, size * 2, leaf, root, proof, "tree size doubled"));
                }
            }
        }
        return out.toString();
    }

    static String consistency() {
        List<byte[]> all = leaves(1000);
        StringBuilder out = new StringBuilder("# expect size1 size2 root1 root2 proof description (see VectorFiles)\n");
        List<int[]> pairs = new ArrayList<>();
        for (int n : SIZES) {
            for (int m : SIZES) {
                if (m <= n) {
                    pairs.add(new int[] {m, n});
                }
            }
        }
        for (int m : new int[] {4, 255, 256, 257, 500, 511, 512, 999}) {
            pairs.add(new int[] {m, 1000});
        }
        for (int[] p : pairs) {
            int m = p[0];
            int n = p[1];
            byte[] root1 = NaiveMerkle.mth(all.subList(0, m));
            byte[] root2 = NaiveMerkle.mth(all.subList(0, n));
            if (m == 0) {
                out.append(cline(n == 0 ? "ok" : "empty-tree", m, n, root1, root2, List.of(),
                        n == 0 ? "empty to empty" : "empty proof from the empty tree proves nothing"));
                if (n > 0) {
                    out.append(cline("invalid", m, n, root1, root2, List.of(root2), "non-empty proof from the empty tree"));
                }
                continue;
            }
            List<byte[]> proof = NaiveMerkle.proof(m, all.subList(0, n));
            out.append(cline("ok", m, n, root1, root2, proof, "generated"));
            out.append(cline("invalid", n, m > 1 ? m - 1 : 0, root2, root1, proof, "sizes reversed"));
            if (m == n) {
                out.append(cline("mismatch", m, n, root1, flip(root2), proof, "equal sizes, different roots"));
                out.append(cline("invalid", m, n, root1, root2, List.of(root1), "equal sizes, non-empty proof"));
                continue;
            }
            out.append(cline("invalid", m, n, root1, root2, List.of(), "empty proof"));
            out.append(cline("invalid", m, n, root1, root2, append(proof, root1), "proof too long"));
            out.append(cline("invalid", m, n, root1, root2, proof.subList(0, proof.size() - 1), "proof too short"));
            out.append(cline("mismatch", m, n, flip(root1), root2, proof, "wrong root1"));
            out.append(cline("mismatch", m, n, root1, flip(root2), proof, "wrong root2"));
            List<byte[]> flipped = new ArrayList<>(proof);
            flipped.set(proof.size() - 1, flip(proof.get(proof.size() - 1)));
            out.append(cline("mismatch", m, n, root1, root2, flipped, "modified proof hash"));
            if (m + 1 < n) {
                String expect = NaiveMerkle.proof(m + 1, all.subList(0, n)).size() == proof.size() ? "mismatch" : "invalid";
                out.append(cline(expect, m + 1, n, root1, root2, proof, "wrong size1"));
            }
        }
        return out.toString();
    }

    /** One parsed vector line. */
    record Vector(String expect, long a, long b, byte[] hash1, byte[] hash2, List<byte[]> proof, String description) {
    }

    static List<Vector> read(String resource) throws IOException {
        List<Vector> vectors = new ArrayList<>();
        for (String line : resource(resource).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ", 7);
            vectors.add(new Vector(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), HEX.parseHex(f[3]),
                    HEX.parseHex(f[4]), proof(f[5]), f[6]));
        }
        return vectors;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = VectorFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<byte[]> proof(String field) {
        List<byte[]> proof = new ArrayList<>();
        if (!field.equals("-")) {
            for (String h : field.split(",")) {
                proof.add(HEX.parseHex(h));
            }
        }
        return proof;
    }

    private static String line(String expect, long index, long size, byte[] leaf, byte[] root, List<byte[]> proof, String what) {
        return expect + " " + index + " " + size + " " + HEX.formatHex(leaf) + " " + HEX.formatHex(root) + " "
                + proofField(proof) + " " + what + "\n";
    }

    private static String cline(String expect, long m, long n, byte[] r1, byte[] r2, List<byte[]> proof, String what) {
        return line(expect, m, n, r1, r2, proof, what);
    }

    private static String proofField(List<byte[]> proof) {
        if (proof.isEmpty()) {
            return "-";
        }
        List<String> hex = new ArrayList<>();
        proof.forEach(h -> hex.add(HEX.formatHex(h)));
        return String.join(",", hex);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(extra);
        return longer;
    }

    static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[0] ^= 0x10;
        return copy;
    }
}
