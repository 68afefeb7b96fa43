package io.oversight.tasks.intake;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-P values as the plain Java values routing rules compare (maps, lists, BigDecimal, String,
 * Boolean, null), so governance's rule engine stays free of any JSON library.
 */
public final class JsonPlain {

    private JsonPlain() {
    }

    public static Map<String, Object> of(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, of(value)));
        return map;
    }

    private static Object of(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> of((JsonObject) value);
            case ARRAY -> list((JsonArray) value);
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static List<Object> list(JsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        array.forEach(v -> list.add(of(v)));
        return list;
    }
}
