package io.oversight.verifier;

import io.oversight.ledger.format.BundleManifest;
import io.oversight.ledger.format.BundleReader;
import io.oversight.ledger.format.BundleVerifier;
import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.MalformedTrustException;
import io.oversight.ledger.format.TrustFile;
import io.oversight.ledger.format.TrustedKey;
import io.oversight.ledger.format.VerificationException;
import io.oversight.ledger.format.VerificationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The offline verifier's command line:
 *
 * <pre>
 * java -jar oversight-verifier.jar BUNDLE --trust TRUST_FILE --origin ORIGIN [--checkpoint EARLIER_CHECKPOINT_FILE]
 * java -jar oversight-verifier.jar report FILE... --bundle BUNDLE --trust TRUST_FILE --origin ORIGIN [--entry SEQUENCE]
 * </pre>
 *
 * BUNDLE is a bundle directory or zip file; TRUST_FILE lists the keys the auditor trusts (obtained
 * out of band, never from the bundle); ORIGIN is the log identity the auditor expects; the optional
 * checkpoint is a signed checkpoint of the same log the auditor kept from an earlier audit. Prints a
 * report on standard output and exits with one of the documented codes below. Needs no server, no
 * database and no network.
 */
public final class Main {

    /** Everything verified. */
    public static final int VERIFIED = 0;
    /** Tampering: encoding, sequence, time order, hash chain, Merkle root or consistency. */
    public static final int TAMPERED = 1;
    /** A signature by a trusted key does not verify. */
    public static final int BAD_SIGNATURE = 2;
    /** Not from the trusted log: unknown key, key outside its validity, wrong origin. */
    public static final int UNTRUSTED = 3;
    /** Malformed or truncated input: bundle, trust file or checkpoint file. */
    public static final int MALFORMED = 4;
    /** Wrong command line. */
    public static final int USAGE = 64;
    /** A bug in the verifier itself. */
    public static final int INTERNAL_ERROR = 70;

    private static final String USAGE_TEXT = """
            usage: java -jar oversight-verifier.jar BUNDLE --trust TRUST_FILE --origin ORIGIN [--checkpoint EARLIER_CHECKPOINT_FILE]

              BUNDLE        ledger bundle, a directory or a zip file
              --trust       trust file: one line per trusted key, "<verifier key> <notBefore|-> <notAfter|->"
              --origin      the log's origin, as published by its operator (e.g. oversight.example/ledger)
              --checkpoint  a signed checkpoint of the same log kept from an earlier audit

            exit codes: 0 verified, 1 tampering detected, 2 bad checkpoint signature,
                        3 unknown or not valid key or wrong origin, 4 malformed or truncated input, 64 usage error

            A compliance report (XML or PDF) is checked against a bundle with the report command:
              java -jar oversight-verifier.jar report FILE... --bundle BUNDLE --trust TRUST_FILE --origin ORIGIN [--entry SEQUENCE]
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier and returns its exit code; {@link #main} only adds {@code System.exit}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && "report".equals(args[0])) {
            return ReportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (arguments.help()) {
            out.print(USAGE_TEXT);
            return VERIFIED;
        }
        try {
            return verify(arguments, out);
        } catch (VerificationException e) {
            return reportFailure(e, 0, out);
        } catch (NoSuchFileException e) {
            out.println("MALFORMED INPUT");
            out.println("  problem           cannot read " + e.getFile() + ": no such file");
            return exit(MALFORMED, out);
        } catch (IOException e) {
            out.println("MALFORMED INPUT");
            out.println("  problem           cannot read input: " + e);
            return exit(MALFORMED, out);
        } catch (RuntimeException e) {
            err.println("internal error, please report: " + e);
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        }
    }

    private static int verify(Arguments arguments, PrintStream out) throws IOException, VerificationException {
        List<TrustedKey> trusted;
        try {
            trusted = TrustFile.parse(Files.readAllBytes(arguments.trustFile()));
        } catch (MalformedTrustException e) {
            throw new MalformedTrustException(arguments.trustFile() + ": " + e.getMessage(), e);
        }
        Optional<byte[]> earlier = arguments.checkpoint().isPresent()
                ? Optional.of(Files.readAllBytes(arguments.checkpoint().get()))
                : Optional.empty();
        out.println("Oversight ledger bundle verifier");
        out.println("  bundle            " + arguments.bundle());
        out.println("  origin (pinned)   " + arguments.origin());
        out.println("  trusted keys      " + trusted.stream().map(k -> k.key().label() + " [" + k.validity() + "]")
                .collect(Collectors.joining(", ")));
        arguments.checkpoint().ifPresent(c -> out.println("  kept checkpoint   " + c));
        VerificationReport report;
        BundleManifest manifest;
        try (BundleReader bundle = BundleReader.open(arguments.bundle())) {
            manifest = bundle.manifest();
            report = new BundleVerifier(arguments.origin(), trusted).verify(bundle, earlier);
        }
        out.println("  entries           " + describeRange(manifest) + ", " + report.entriesChecked() + " checked");
        for (Checkpoint c : report.verifiedCheckpoints()) {
            out.println("  checkpoint        size " + c.size() + ", root " + c.rootHash() + ", signed " + c.time());
        }
        report.earlierCheckpoint().ifPresent(c -> out.println("  kept checkpoint   size " + c.size() + ", the log extends it"));
        for (String notice : report.notices()) {
            out.println("  note              " + notice);
        }
        if (report.failure().isPresent()) {
            return reportFailure(report.failure().get(), report.entriesChecked(), out);
        }
        out.println("VERIFIED");
        return VERIFIED;
    }

    private static String describeRange(BundleManifest manifest) {
        return manifest.entryCount() == 0 ? "none"
                : "sequence " + manifest.firstSequence() + " to " + (manifest.endSequence() - 1);
    }

    private static int reportFailure(VerificationException failure, long entriesChecked, PrintStream out) {
        int code = switch (failure.kind()) {
            case TAMPERING -> TAMPERED;
            case BAD_SIGNATURE -> BAD_SIGNATURE;
            case UNTRUSTED -> UNTRUSTED;
            case MALFORMED -> MALFORMED;
        };
        out.println(switch (failure.kind()) {
            case TAMPERING -> "TAMPERING DETECTED";
            case BAD_SIGNATURE -> "BAD CHECKPOINT SIGNATURE";
            case UNTRUSTED -> "NOT SIGNED FOR THE TRUSTED LOG";
            case MALFORMED -> "MALFORMED INPUT";
        });
        failure.sequence().ifPresent(s -> out.println("  first bad entry   " + s));
        out.println("  problem           " + failure.getMessage());
        failure.expected().map(Digest::hex).ifPresent(h -> out.println("  expected          " + h));
        failure.actual().map(Digest::hex).ifPresent(h -> out.println("  actual            " + h));
        if (failure.kind() == VerificationException.Kind.TAMPERING) {
            out.println("  entries checked   " + entriesChecked + " before the failure");
        }
        return exit(code, out);
    }

    private static int exit(int code, PrintStream out) {
        out.println("exit code " + code);
        return code;
    }

    /** The parsed command line. */
    private record Arguments(boolean help, Path bundle, Path trustFile, String origin, Optional<Path> checkpoint) {

        static Arguments parse(String[] args) {
            Path bundle = null;
            Path trust = null;
            String origin = null;
            Path checkpoint = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        return new Arguments(true, null, null, null, Optional.empty());
                    }
                    case "--trust" -> trust = Path.of(value(args, ++i, arg));
                    case "--origin" -> origin = value(args, ++i, arg);
                    case "--checkpoint" -> checkpoint = Path.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        if (bundle != null) {
                            throw new IllegalArgumentException("only one BUNDLE may be given");
                        }
                        bundle = Path.of(arg);
                    }
                }
            }
            if (bundle == null || trust == null || origin == null) {
                throw new IllegalArgumentException("BUNDLE, --trust and --origin are required");
            }
            if (origin.isEmpty() || origin.chars().anyMatch(c -> c <= ' ' || c == '+')) {
                throw new IllegalArgumentException("--origin must be non-empty, without spaces or '+'");
            }
            return new Arguments(false, bundle, trust, origin, Optional.ofNullable(checkpoint));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
