package io.oversight.kernel;

/**
 * Refuses a JSON text whose strings hold characters no database column keeps as sent: an escaped NUL
 * ({@code \u0000}) and an escaped surrogate without its pair ({@code \uD800} alone).
 *
 * <p>Both are well-formed JSON, so the parser accepts them, but PostgreSQL refuses a NUL in {@code text}
 * and {@code jsonb} (the request would end as a server error from whichever statement met it first), and
 * a lone surrogate has no UTF-8 form: the driver would store {@code ?} instead, so the stored value, and
 * any digest recomputed from it, would differ from what the ledger recorded. Raw control bytes need no
 * check here: JSON forbids them unescaped and the parser refuses them.
 *
 * <p>The scan works on the UTF-8 bytes before parsing: escapes are ASCII, and a multi-byte character
 * never contains a byte below 0x80, so no decoding is needed.
 */
public final class StorableJsonText {

    private StorableJsonText() {
    }

    /**
     * @throws InvalidInputException naming field {@code body} and the byte offset of the first escape
     *     that cannot be stored
     */
    public static void requireStorable(byte[] json) {
        boolean inString = false;
        int pendingHighSurrogateAt = -1;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (!inString) {
                inString = b == '"';
                continue;
            }
            if (b == '"') {
                refuseUnpaired(pendingHighSurrogateAt);
                inString = false;
            } else if (b == '\\' && i + 1 < json.length) {
                if (json[i + 1] == 'u' && i + 5 < json.length) {
                    int unit = hex(json, i + 2);
                    if (unit == 0) {
                        throw refusal("an escaped NUL character (\\u0000)", i);
                    }
                    if (Character.isLowSurrogate((char) unit) && pendingHighSurrogateAt >= 0) {
                        pendingHighSurrogateAt = -1;
                    } else {
                        refuseUnpaired(pendingHighSurrogateAt);
                        if (Character.isLowSurrogate((char) unit)) {
                            throw refusal("an escaped surrogate without its pair", i);
                        }
                        pendingHighSurrogateAt = Character.isHighSurrogate((char) unit) ? i : -1;
                    }
                    i += 5;
                } else {
                    refuseUnpaired(pendingHighSurrogateAt);
                    i++;
                }
            } else {
                refuseUnpaired(pendingHighSurrogateAt);
            }
        }
    }

    private static void refuseUnpaired(int highSurrogateAt) {
        if (highSurrogateAt >= 0) {
            throw refusal("an escaped surrogate without its pair", highSurrogateAt);
        }
    }

    /** The 4-digit hex value at {@code from}, or -1 if it is not one (the parser then refuses the text). */
    private static int hex(byte[] json, int from) {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(json[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static InvalidInputException refusal(String what, int offset) {
        return InvalidInputException.sentence("body", "The request body holds " + what + " at byte " + offset
                + ": Oversight cannot store it as sent, so no value may contain one.");
    }
}
