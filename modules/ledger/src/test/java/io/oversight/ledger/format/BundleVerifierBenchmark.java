package io.oversight.ledger.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Offline verification throughput (SPEC section 4 target: at least 200,000 entries/s on 2 cores).
 * Not a unit test; run by hand: {@code java -cp <test classpath> ...BundleVerifierBenchmark [entries] [dir]}.
 */
public final class BundleVerifierBenchmark {

    private BundleVerifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("oversight-bench");
        NoteSigner signer = NoteSigner.ed25519(TestLog.ORIGIN, TestLog.SEED);
        Random random = new Random(1);
        CompactRange tree = CompactRange.empty();
        byte[] chain = Digest.zero().bytes();
        try (BundleWriter writer = BundleWriter.toDirectory(dir, TestLog.ORIGIN, BundlePrefix.empty())) {
            for (int i = 0; i < count; i++) {
                byte[] entry = EntryCodec.encode(TestLog.entry(i, Digest.of(chain), TestLog.T0 + i * 10L, random));
                writer.addEntry(entry);
                tree.append(LedgerHashes.leafHash(entry));
                chain = LedgerHashes.chainHash(entry);
            }
            writer.addCheckpoint(signer.sign(new Checkpoint(TestLog.ORIGIN, count, Digest.of(tree.root()), Digest.of(chain),
                    TestLog.T0 + count * 10L)));
        }
        BundleVerifier verifier = new BundleVerifier(TestLog.ORIGIN, List.of(TrustedKey.always(signer.verifierKey())));
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            VerificationReport report;
            try (BundleReader reader = BundleReader.open(dir)) {
                report = verifier.verify(reader, Optional.empty());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %s, %d entries in %.2f s = %.0f entries/s%n", run,
                    report.verified() ? "verified" : report.failure().orElseThrow().getMessage(),
                    report.entriesChecked(), seconds, report.entriesChecked() / seconds);
        }
    }
}
