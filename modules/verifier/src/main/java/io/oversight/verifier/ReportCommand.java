package io.oversight.verifier;

import io.oversight.ledger.format.BundleReader;
import io.oversight.ledger.format.EntryCodec;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.ledger.format.VerificationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code report FILE... --bundle BUNDLE --trust TRUST_FILE --origin ORIGIN [--entry SEQUENCE]}: proves
 * that each compliance report file (XML or PDF) is the one the platform recorded. It first verifies
 * the bundle exactly as the bundle command does (chain, Merkle roots, signed checkpoints against the
 * trusted keys), then looks in the verified entries for an {@value #ACTION} entry whose
 * {@code xmlSha256} or {@code pdfSha256} is the file's SHA-256 (and, with {@code --entry}, at that
 * sequence number). Trust rests on the trust file alone, as for bundles: the report is recorded if
 * and only if an entry covered by a trusted signed checkpoint names its digest.
 */
final class ReportCommand {

    static final String ACTION = "export.report.generated";

    static final String USAGE_TEXT = """
            usage: java -jar oversight-verifier.jar report FILE... --bundle BUNDLE --trust TRUST_FILE --origin ORIGIN [--entry SEQUENCE]

              FILE          a compliance report file: its XML or its PDF (several may be given)
              --bundle      a ledger bundle that includes the report's export.report.generated entry
              --entry       the sequence number of that entry, as the platform shows it with the report
              --trust, --origin  as for bundles

            exit codes: as for bundles; 1 also when a file is not recorded (changed or unknown report)
            """;

    private ReportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        String bundle = null;
        String trust = null;
        String origin = null;
        OptionalLong entry = OptionalLong.empty();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bundle" -> bundle = value(args, ++i, "--bundle");
                    case "--trust" -> trust = value(args, ++i, "--trust");
                    case "--origin" -> origin = value(args, ++i, "--origin");
                    case "--entry" -> entry = OptionalLong.of(Long.parseLong(value(args, ++i, "--entry")));
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
            if (files.isEmpty() || bundle == null || trust == null || origin == null) {
                throw new IllegalArgumentException("FILE, --bundle, --trust and --origin are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE_TEXT);
            return Main.USAGE;
        }
        int bundleResult = Main.run(new String[] {bundle, "--trust", trust, "--origin", origin}, out, err);
        if (bundleResult != Main.VERIFIED) {
            return bundleResult;
        }
        try {
            int result = Main.VERIFIED;
            for (Path file : files) {
                String digest = sha256(file);
                Optional<LedgerEntry> recorded = find(Path.of(bundle), digest, entry);
                out.println("Report file " + file);
                out.println("  sha-256           " + digest);
                if (recorded.isPresent()) {
                    LedgerEntry e = recorded.get();
                    String format = digest.equals(e.attributes().get("xmlSha256")) ? "XML" : "PDF";
                    out.println("  recorded          entry " + e.sequence() + " (" + ACTION + "), report " + e.subjectId()
                            + ", as its " + format);
                    out.println("REPORT RECORDED");
                } else {
                    out.println("  problem           no " + ACTION + " entry" + (entry.isPresent() ? " at sequence "
                            + entry.getAsLong() : "") + " of the verified bundle records this digest: the file was changed, "
                            + "or it is not a report of this log");
                    out.println("REPORT NOT RECORDED");
                    result = Main.TAMPERED;
                }
            }
            out.println("exit code " + result);
            return result;
        } catch (NoSuchFileException e) {
            out.println("MALFORMED INPUT");
            out.println("  problem           cannot read " + e.getFile() + ": no such file");
            out.println("exit code " + Main.MALFORMED);
            return Main.MALFORMED;
        } catch (IOException | VerificationException e) {
            out.println("MALFORMED INPUT");
            out.println("  problem           " + e.getMessage());
            out.println("exit code " + Main.MALFORMED);
            return Main.MALFORMED;
        }
    }

    private static Optional<LedgerEntry> find(Path bundle, String digest, OptionalLong sequence)
            throws IOException, VerificationException {
        try (BundleReader reader = BundleReader.open(bundle); BundleReader.EntryStream entries = reader.entries()) {
            for (Optional<byte[]> stored = entries.next(); stored.isPresent(); stored = entries.next()) {
                LedgerEntry e = EntryCodec.decode(stored.get());
                if (ACTION.equals(e.actionType())
                        && (digest.equals(e.attributes().get("xmlSha256")) || digest.equals(e.attributes().get("pdfSha256")))
                        && (sequence.isEmpty() || sequence.getAsLong() == e.sequence())) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
