package io.oversight.governance.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import io.oversight.ledger.format.Digest;

/**
 * The canonical serialization that content digests are computed over: JSON with members in a fixed,
 * documented order (the order of the {@code field} calls, never a map's), no insignificant white
 * space, strings escaped minimally ({@code "}, {@code \} and control characters as {@code \}uXXXX or
 * their short forms), numbers as plain decimals without trailing zeros. Same content, same bytes, on
 * any JVM. Not thread-safe.
 */
public final class CanonicalJson {

    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

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
        string(value);
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
        string(value);
        first = false;
        return this;
    }

    public static String number(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private void name(String name) {
        separator();
        string(name);
        out.append(':');
    }

    private void separator() {
        if (!first) {
            out.append(',');
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public Digest sha256() {
        return sha256(toString());
    }

    public static Digest sha256(String canonical) {
        try {
            return Digest.of(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
