package io.oversight.review.web;

import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** An item's stored input, indented for reading, with the vault tokens of personal data shown masked. */
final class MaskedJson {

    /** Intake replaces each personal-data value by a token {@code pii:<pseudonym>/<path>}. */
    static final String PII_TOKEN = "pii:";
    static final String MASK = "•••• personal data, masked";

    private MaskedJson() {
    }

    static String of(String json) {
        JsonValue payload;
        try (var reader = Json.createReader(new StringReader(json))) {
            payload = mask(reader.readValue());
        }
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(payload);
        }
        return out.toString().trim();
    }

    static JsonValue mask(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                var object = Json.createObjectBuilder();
                value.asJsonObject().forEach((k, v) -> object.add(k, mask(v)));
                yield object.build();
            }
            case ARRAY -> {
                var array = Json.createArrayBuilder();
                value.asJsonArray().forEach(v -> array.add(mask(v)));
                yield array.build();
            }
            case STRING -> ((JsonString) value).getString().startsWith(PII_TOKEN) ? Json.createValue(MASK) : value;
            default -> value;
        };
    }
}
