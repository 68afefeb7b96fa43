package io.oversight.tasks.learning;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Charikar's 64-bit SimHash of a JSON payload: payloads that share most of their features get
 * fingerprints a small Hamming {@link #distance} apart, so near-duplicate tasks can be told apart from
 * different ones without comparing payloads pairwise.
 *
 * <p>The features of a payload are {@code path=token} for every leaf: strings are lower-cased and split
 * into words of letters and digits; numbers are reduced to their order of magnitude and first
 * significant digit ({@code 1000} and {@code 1010} are both {@code 1e3}), so small differences in
 * amounts do not make payloads look unrelated; {@code true}, {@code false} and {@code null} are
 * themselves. Paths join object keys with dots; array elements share their array's path with
 * {@code []} appended, so one inserted element does not shift every later feature. Member order does
 * not matter, since the fingerprint sums over the features.
 */
public final class SimHash {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SimHash() {
    }

    public static long of(JsonValue payload) {
        int[] votes = new int[Long.SIZE];
        features(payload, "", feature -> {
            long hash = hash(feature);
            for (int bit = 0; bit < Long.SIZE; bit++) {
                votes[bit] += (hash >>> bit & 1) == 1 ? 1 : -1;
            }
        });
        long fingerprint = 0;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** Number of differing bits, 0 (same features) to 64; unrelated payloads are about 32 apart. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static void features(JsonValue value, String path, Consumer<String> sink) {
        switch (value.getValueType()) {
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    features(member.getValue(), path.isEmpty() ? member.getKey() : path + "." + member.getKey(), sink);
                }
            }
            case ARRAY -> value.asJsonArray().forEach(element -> features(element, path + "[]", sink));
            case STRING -> {
                for (String word : NOT_A_WORD.split(((JsonString) value).getString().toLowerCase(Locale.ROOT))) {
                    // split leaves one empty token before leading punctuation
                    if (!word.isEmpty()) {
                        sink.accept(path + "=" + word);
                    }
                }
            }
            case NUMBER -> sink.accept(path + "=" + magnitude(((JsonNumber) value).bigDecimalValue()));
            case TRUE -> sink.accept(path + "=true");
            case FALSE -> sink.accept(path + "=false");
            case NULL -> sink.accept(path + "=null");
        }
    }

    /** First significant digit and power of ten: 1010 is {@code 1e3}, -0.052 is {@code -5e-2}. */
    private static String magnitude(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        int exponent = number.precision() - number.scale() - 1;
        char firstDigit = number.unscaledValue().abs().toString().charAt(0);
        return (number.signum() < 0 ? "-" : "") + firstDigit + "e" + exponent;
    }

    /** FNV-1a, whose low bits are poorly mixed, followed by the splitmix64 finalizer so that every bit is usable. */
    private static long hash(String feature) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
