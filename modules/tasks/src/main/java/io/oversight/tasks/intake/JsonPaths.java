package io.oversight.tasks.intake;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Dotted field paths such as {@code customer.email}, the way workflows name payload fields (for PII,
 * routing rules, display). Each segment is an object key; only objects are traversed, arrays are not
 * indexed, so a path ends at the first array or scalar on its way. A key that itself contains a dot
 * cannot be named.
 */
public final class JsonPaths {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonPaths() {
    }

    /** The value at {@code dottedPath}, which may be JSON {@code null}; empty when the path is absent. */
    public static Optional<JsonValue> find(JsonObject root, String dottedPath) {
        Objects.requireNonNull(root, "root");
        JsonValue current = root;
        for (String key : segments(dottedPath)) {
            if (current.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            current = current.asJsonObject().get(key);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /**
     * A copy of {@code root} with the value at {@code dottedPath} replaced, members keeping their order;
     * {@code root} itself when the path is absent, since there is nothing to replace.
     */
    public static JsonObject replace(JsonObject root, String dottedPath, JsonValue replacement) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(replacement, "replacement");
        return replace(root, segments(dottedPath), 0, replacement);
    }

    private static JsonObject replace(JsonObject object, List<String> keys, int depth, JsonValue replacement) {
        String key = keys.get(depth);
        JsonValue current = object.get(key);
        if (current == null) {
            return object;
        }
        JsonValue replaced;
        if (depth == keys.size() - 1) {
            replaced = replacement;
        } else if (current.getValueType() == JsonValue.ValueType.OBJECT) {
            replaced = replace(current.asJsonObject(), keys, depth + 1, replacement);
            if (replaced == current) {
                return object;
            }
        } else {
            return object;
        }
        return JSON.createObjectBuilder(object).add(key, replaced).build();
    }

    private static List<String> segments(String dottedPath) {
        Objects.requireNonNull(dottedPath, "dottedPath");
        List<String> segments = List.of(dottedPath.split("\\.", -1));
        if (segments.contains("")) {
            throw new IllegalArgumentException("not a dotted field path: \"" + dottedPath + "\"");
        }
        return segments;
    }
}
