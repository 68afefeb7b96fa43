package io.oversight.governance.domain.monitoring;

import io.oversight.governance.DriftField;
import io.oversight.governance.domain.stats.InputDrift;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the declared drift fields out of a payload and turns each value into its count key. A numeric
 * field counts only numbers (anything else is not a value of it); a categorical field counts strings,
 * booleans and numbers as categories and an absent or null value as the category {@code (missing)},
 * since a field that stops arriving is drift too. Objects and arrays are never values.
 */
public final class InputValues {

    public static final String MISSING = "(missing)";

    /** A field's value as counted: the field path and the value's count key. */
    public record Value(String path, String key) {
    }

    private InputValues() {
    }

    public static List<Value> of(JsonObject payload, List<DriftField> fields) {
        List<Value> values = new ArrayList<>(fields.size());
        for (DriftField field : fields) {
            Optional<JsonValue> value = at(payload, field.path());
            Optional<String> key = switch (field.kind()) {
                case NUMERIC -> value.filter(v -> v.getValueType() == JsonValue.ValueType.NUMBER)
                        .map(v -> ((JsonNumber) v).doubleValue()).filter(Double::isFinite).map(InputDrift::numberKey);
                case CATEGORICAL -> category(value);
            };
            key.ifPresent(k -> values.add(new Value(field.path(), k)));
        }
        return values;
    }

    private static Optional<String> category(Optional<JsonValue> value) {
        if (value.isEmpty() || value.get().getValueType() == JsonValue.ValueType.NULL) {
            return Optional.of(InputDrift.categoryKey(MISSING));
        }
        return switch (value.get().getValueType()) {
            case STRING -> Optional.of(InputDrift.categoryKey(((JsonString) value.get()).getString()));
            case NUMBER -> Optional.of(InputDrift.categoryKey(value.get().toString()));
            case TRUE -> Optional.of(InputDrift.categoryKey("true"));
            case FALSE -> Optional.of(InputDrift.categoryKey("false"));
            default -> Optional.empty();
        };
    }

    /** The value at a dotted path, when every step but the last is an object. */
    static Optional<JsonValue> at(JsonObject payload, String path) {
        JsonValue current = payload;
        for (String step : path.split("\\.")) {
            if (current.getValueType() != JsonValue.ValueType.OBJECT || !current.asJsonObject().containsKey(step)) {
                return Optional.empty();
            }
            current = current.asJsonObject().get(step);
        }
        return Optional.of(current);
    }
}
