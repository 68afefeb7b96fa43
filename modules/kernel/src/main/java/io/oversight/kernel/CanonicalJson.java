package io.oversight.kernel;

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
 * The canonical JSON text that content digests are computed over: same content, same bytes, on any JVM.
 * Two entry points share one encoder:
 * <ul>
 * <li>{@link #of(JsonValue)} for a value received from outside (a prediction's payload): object members
 * sorted by key in UTF-16 code unit order ({@link String#compareTo}), in the style of RFC 8785;</li>
 * <li>{@code new CanonicalJson()} and its {@code field} calls for a record the platform builds itself
 * (workflow settings, policy content, guideline versions): members in the order of the calls, which
 * the auditor guide documents per record.</li>
 * </ul>
 * Both: no white space; strings escaped minimally ({@code \"}, {@code \\}, {@code \b \f \n \r \t},
 * other control characters as {@code \}{@code u00xx} in lower-case hex, everything else as is);
 * numbers as exact decimals, {@link BigDecimal#stripTrailingZeros()} then
 * {@link BigDecimal#toPlainString()}, so {@code 1.50} is {@code 1.5}, {@code 1E+3} is {@code 1000},
 * zero is {@code 0}, and digits beyond a double's precision are kept (this deviates from RFC 8785,
 * which prints IEEE doubles as ECMAScript does). Numbers whose plain text would need more than 1000
 * zeros of padding are refused, as their text would exhaust memory. The checked-in vectors under
 * {@code modules/kernel/src/test/resources/io/oversight/kernel/canonical-json} pin the bytes.
 *
 * <p>An instance (the builder) is not thread-safe.
 */
public final class CanonicalJson {

    private static final int MAX_PLAIN_ZEROS = 1000;

    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    /** The canonical text of a JSON value, object members sorted by key. */
    public static String of(JsonValue value) {
        StringBuilder text = new StringBuilder();
        write(value, text);
        return text.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 canonical text of {@code value}. */
    public static String sha256Hex(JsonValue value) {
        return HexFormat.of().formatHex(sha256(of(value)));
    }

    /** SHA-256 of the UTF-8 bytes of an already canonical text. */
    public static byte[] sha256(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The canonical text of a finite double, as the builder writes it. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " is not a finite number");
        }
        return number(BigDecimal.valueOf(value));
    }

    public CanonicalJson beginObject() {
        separator();
        out.append('{');
        first = true;
        return this;
    }

    public CanonicalJson endObject() {
        out.append('}');
        first = false;
        return this;
    }

    public CanonicalJson beginArray(String name) {
        name(name);
        out.append('[');
        first = true;
        return this;
    }

    public CanonicalJson endArray() {
        out.append(']');
        first = false;
        return this;
    }

    public CanonicalJson field(String name, String value) {
        name(name);
        string(value, out);
        first = false;
        return this;
    }

    public CanonicalJson field(String name, long value) {
        name(name);
        out.append(value);
        first = false;
        return this;
    }

    public CanonicalJson field(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not a finite number");
        }
        name(name);
        out.append(number(value));
        first = false;
        return this;
    }

    public CanonicalJson field(String name, boolean value) {
        name(name);
        out.append(value);
        first = false;
        return this;
    }

    /** A string element of the current array. */
    public CanonicalJson element(String value) {
        separator();
        string(value, out);
        first = false;
        return this;
    }

    /** SHA-256 of the text built so far. */
    public byte[] sha256() {
        return sha256(toString());
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void name(String name) {
        separator();
        string(name, out);
        out.append(':');
    }

    private void separator() {
        if (!first) {
            out.append(',');
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
        if (stripped.signum() == 0) {
            return "0";
        }
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
