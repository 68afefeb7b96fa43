package io.oversight.tasks.intake;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes personal data out of a task payload before it is stored with the task, leaving a token in its
 * place: {@code "pii:<subject pseudonym>/<path>"}. The personal data goes to a separate store that can
 * be erased on request without touching the tamper-evident task history, and the token says whose data
 * was there and which field it was, so that the payload can be shown again while the data exists.
 */
public final class PiiTokens {

    private static final String PREFIX = "pii:";
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * @param payload the payload with tokens in place of personal data
     * @param personalData the removed values by dotted path, in the order of the PII paths: strings as
     *                     they were, anything else as its JSON text
     */
    public record Tokenized(JsonObject payload, Map<String, String> personalData) {

        public Tokenized {
            Objects.requireNonNull(payload, "payload");
            personalData = Collections.unmodifiableMap(new LinkedHashMap<>(personalData));
        }
    }

    private PiiTokens() {
    }

    /**
     * Moves the value at each of {@code piiPaths} (see {@link JsonPaths}) into the personal data. Paths
     * absent from the payload are ignored, since optional fields are routinely left out; values that are
     * already tokens are left alone, so tokenizing a tokenized payload again changes nothing.
     *
     * @param subjectPseudonym whose personal data it is; must not be empty or contain {@code /}
     */
    public static Tokenized tokenize(JsonObject payload, List<String> piiPaths, String subjectPseudonym) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(piiPaths, "piiPaths");
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        if (subjectPseudonym.isEmpty() || subjectPseudonym.contains("/")) {
            throw new IllegalArgumentException("a subject pseudonym must be non-empty and without '/': \"" + subjectPseudonym + "\"");
        }
        JsonObject tokenized = payload;
        Map<String, String> personalData = new LinkedHashMap<>();
        for (String path : piiPaths) {
            Optional<JsonValue> value = JsonPaths.find(tokenized, path);
            if (value.isEmpty() || isToken(value.get())) {
                continue;
            }
            personalData.put(path, text(value.get()));
            tokenized = JsonPaths.replace(tokenized, path, JSON.createValue(PREFIX + subjectPseudonym + "/" + path));
        }
        return new Tokenized(tokenized, personalData);
    }

    /** Whether {@code text} has the form of a token: {@code pii:}, a pseudonym, {@code /} and a path. */
    public static boolean isToken(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return false;
        }
        int slash = text.indexOf('/', PREFIX.length());
        return slash > PREFIX.length() && slash < text.length() - 1;
    }

    private static boolean isToken(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING && isToken(((JsonString) value).getString());
    }

    private static String text(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString();
    }
}
