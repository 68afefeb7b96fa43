package io.oversight.ledger.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The auditor's list of trusted checkpoint keys. A UTF-8 text file; each line is blank, a
 * comment starting with {@code #}, or
 *
 * <pre>
 * &lt;verifier key&gt; &lt;notBefore&gt; &lt;notAfter&gt;
 * </pre>
 *
 * separated by single spaces, where the bounds are ISO-8601 UTC instants such as
 * {@code 2025-01-01T00:00:00Z} or {@code -} for an open bound; notBefore is inclusive, notAfter
 * exclusive. A bound is written {@code YYYY-MM-DDTHH:MM:SS[.f]Z} with 1 to 6 fraction digits
 * (checkpoint times are whole microseconds, so a finer bound could not be compared unambiguously),
 * upper-case {@code T} and {@code Z}, no offset and no leap second. At least one key is required.
 */
public final class TrustFile {

    private static final Pattern BOUND =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]{1,6})?Z");

    private TrustFile() {
    }

    /** Parses a trust file's bytes. */
    public static List<TrustedKey> parse(byte[] bytes) throws MalformedTrustException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedTrustException("trust file is not valid UTF-8");
        }
        List<TrustedKey> keys = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ", -1);
            if (fields.length != 3) {
                throw new MalformedTrustException("trust file line " + (i + 1)
                        + ": expected \"<verifier key> <notBefore|-> <notAfter|->\", got \"" + line + "\"");
            }
            try {
                keys.add(new TrustedKey(VerifierKey.parse(fields[0]), bound(fields[1]), bound(fields[2])));
            } catch (MalformedTrustException | DateTimeParseException | IllegalArgumentException e) {
                throw new MalformedTrustException("trust file line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (keys.isEmpty()) {
            throw new MalformedTrustException("trust file lists no keys");
        }
        return List.copyOf(keys);
    }

    /** Formats keys as a trust file, one line each. */
    public static String format(List<TrustedKey> keys) {
        StringBuilder out = new StringBuilder("# verifier-key notBefore notAfter (ISO-8601 instants, - when open)\n");
        for (TrustedKey key : keys) {
            out.append(key.key().encode()).append(' ').append(key.validity()).append('\n');
        }
        return out.toString();
    }

    private static Optional<Instant> bound(String field) throws MalformedTrustException {
        if (field.equals("-")) {
            return Optional.empty();
        }
        // One spelling per instant an auditor can check by eye: UTC only, no leap second, and no
        // fraction finer than the checkpoint time's microseconds, which would compare ambiguously.
        if (!BOUND.matcher(field).matches()) {
            throw new MalformedTrustException("\"" + field + "\" is not a bound: write - or a UTC instant such as"
                    + " 2026-01-01T00:00:00Z or 2026-01-01T00:00:00.250Z (at most 6 fraction digits)");
        }
        try {
            return Optional.of(Instant.parse(field));
        } catch (DateTimeParseException e) {
            throw new MalformedTrustException("\"" + field + "\" is not a date that exists", e);
        }
    }
}
