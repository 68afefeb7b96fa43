package io.oversight.tasks.domain;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One text per JSON value, so that a payload's digest does not depend on who serialised it, in the
 * style of RFC 8785 (JSON Canonicalization Scheme): object members sorted by key in UTF-16 code unit
 * order ({@link String#compareTo}), no white space, strings escaped minimally ({@code \"}, {@code \\},
 * {@code \b \f \n \r \t}, other control characters as {@code \}{@code u00xx} in lower-case hex, all
 * else as is).
 *
 * <p>Numbers deviate from RFC 8785, which prints them as ECMAScript does with IEEE doubles: here they
 * are exact decimals, {@link BigDecimal#stripTrailingZeros()} then {@link BigDecimal#toPlainString()},
 * so integers have no exponent, {@code 1.50} is {@code 1.5}, {@code 1E+3} is {@code 1000}, and digits
 * beyond a double's precision are kept rather than rounded. Numbers whose plain form would need more
 * than 1000 zeros of padding (such as {@code 1e999999999}) are refused, as their
 * text would exhaust memory.
 */
public final class CanonicalJson {

    private static final int MAX_PLAIN_ZEROS = 1000;

    private CanonicalJson() {
    }

    public static String of(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 canonical text. */
    public static String sha256Hex(JsonValue value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(of(value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                List<String> keys = new ArrayList<>(object.keySet());
                keys.sort(null);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(keys.get(i), out);
                    out.append(':');
                    write(object.get(keys.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                List<JsonValue> elements = value.asJsonArray();
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(elements.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(((JsonString) value).getString(), out);
            case NUMBER -> out.append(number(((JsonNumber) value).bigDecimalValue()));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static String number(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (Math.abs(stripped.scale()) > MAX_PLAIN_ZEROS) {
            throw new IllegalArgumentException("number too large or too small for canonical text: " + number);
        }
        return stripped.toPlainString();
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HexFormat.of().toHexDigits((byte) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
