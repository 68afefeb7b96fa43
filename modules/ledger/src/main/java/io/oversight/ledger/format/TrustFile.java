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
 * exclusive. At least one key is required.
 */
public final class TrustFile {

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

    private static Optional<Instant> bound(String field) {
        return field.equals("-") ? Optional.empty() : Optional.of(Instant.parse(field));
    }
}
