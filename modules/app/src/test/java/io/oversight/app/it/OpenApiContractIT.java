package io.oversight.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the server publishes is a contract a generated client can use: every
 * operation answers success with a described body (or 204), every request body and every response
 * body has a schema whose objects list their properties, never a bare {@code object} (downloads whose
 * digest covers their exact bytes, such as a training set's manifest, are described as bytes). A new
 * operation that returns an untyped {@code Response} without saying what it holds fails here, and so
 * does one whose JSON bodies show no example.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiContractIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void everyOperationDescribesItsRequestAndSuccessBodies() {
        String document = ApiClient.anonymous(deployment).get("../openapi?format=JSON").body();
        JsonObject openApi = Json.createReader(new StringReader(document)).readObject();
        JsonObject components = openApi.getJsonObject("components").getJsonObject("schemas");
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (var path : openApi.getJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonObject details = operation.getValue().asJsonObject();
                JsonObject body = details.getJsonObject("requestBody");
                if (body != null) {
                    described(body.getJsonObject("content"), components, name + " request", gaps);
                }
                JsonObject responses = details.getJsonObject("responses");
                List<String> successes = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
                if (successes.isEmpty()) {
                    gaps.add(name + ": no success response");
                }
                for (String code : successes) {
                    JsonObject response = responses.getJsonObject(code);
                    if (!code.equals("204")) {
                        described(response.getJsonObject("content"), components, name + " " + code, gaps);
                    }
                }
            }
        }
        assertTrue(operations > 50, "operations found: " + operations);
        assertEquals(List.of(), gaps, "operations whose bodies a client cannot know");
    }

    /**
     * Every operation under /api/v1 shows an example of each JSON request body and each JSON success
     * body (2xx but 204), and every example names only properties its schema has, at every depth: a
     * generated client's author sees real values, and an example cannot promise a field the server
     * does not send or read. Other media types (PDF, CSV, JSON Lines, XML, text) need only their
     * schema. No operation is exempt: a JSON body always has a value worth showing.
     */
    @Test
    void everyJsonBodyShowsAnExampleItsSchemaAccepts() {
        String document = ApiClient.anonymous(deployment).get("../openapi?format=JSON").body();
        JsonObject openApi = Json.createReader(new StringReader(document)).readObject();
        JsonObject components = openApi.getJsonObject("components").getJsonObject("schemas");
        List<String> gaps = new ArrayList<>();
        int examples = 0;
        for (var path : openApi.getJsonObject("paths").entrySet()) {
            if (!path.getKey().contains("/api/v1/")) {
                continue;
            }
            for (var operation : path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonObject details = operation.getValue().asJsonObject();
                Map<String, JsonObject> contents = new LinkedHashMap<>();
                if (details.containsKey("requestBody")) {
                    contents.put(name + " request", details.getJsonObject("requestBody").getJsonObject("content"));
                }
                details.getJsonObject("responses").forEach((code, response) -> {
                    if (code.startsWith("2") && !code.equals("204")) {
                        contents.put(name + " " + code, response.asJsonObject().getJsonObject("content"));
                    }
                });
                for (var content : contents.entrySet()) {
                    if (content.getValue() == null) {
                        continue; // everyOperationDescribesItsRequestAndSuccessBodies reports it
                    }
                    for (var media : content.getValue().entrySet()) {
                        if (!isJson(media.getKey())) {
                            continue;
                        }
                        String where = content.getKey() + " " + media.getKey();
                        JsonObject mediaType = media.getValue().asJsonObject();
                        JsonObject named = mediaType.getJsonObject("examples");
                        if (named == null || named.isEmpty()) {
                            gaps.add(where + ": no example");
                            continue;
                        }
                        for (var example : named.entrySet()) {
                            examples++;
                            conforms(exampleValue(example.getValue().asJsonObject().get("value")),
                                    mediaType.getJsonObject("schema"), components,
                                    where + " example '" + example.getKey() + "'", gaps);
                        }
                    }
                }
            }
        }
        assertTrue(examples >= 150, "examples found: " + examples);
        assertEquals(List.of(), gaps, "JSON bodies without an example their schema accepts");
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** An example value as JSON: the document carries it parsed, or as the JSON text it was written in. */
    private static JsonValue exampleValue(JsonValue value) {
        if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
            return Json.createReader(new StringReader(((jakarta.json.JsonString) value).getString())).readValue();
        }
        return value;
    }

    private static void conforms(JsonValue value, JsonObject schema, JsonObject components, String where, List<String> gaps) {
        if (value == null) {
            gaps.add(where + ": no value");
            return;
        }
        JsonObject resolved = resolve(schema, components);
        if (resolved == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonObject items = resolved.getJsonObject("items");
            if (items == null) {
                gaps.add(where + ": an array where the schema has none");
                return;
            }
            value.asJsonArray().forEach(item -> conforms(item, items, components, where + "[]", gaps));
        } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject properties = resolved.getJsonObject("properties");
            if (properties == null) {
                return; // a map (additionalProperties): any key
            }
            value.asJsonObject().forEach((key, v) -> {
                if (!properties.containsKey(key)) {
                    gaps.add(where + ": '" + key + "' is not a property of the schema");
                } else {
                    conforms(v, properties.getJsonObject(key), components, where + "." + key, gaps);
                }
            });
        }
    }

    private static JsonObject resolve(JsonObject schema, JsonObject components) {
        if (schema == null) {
            return null;
        }
        if (schema.containsKey("$ref")) {
            return components.getJsonObject(schema.getString("$ref").substring("#/components/schemas/".length()));
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.containsKey(combined)) {
                return schema.getJsonArray(combined).stream().map(JsonValue::asJsonObject)
                        .map(s -> resolve(s, components)).filter(s -> s != null
                                && (s.containsKey("properties") || s.containsKey("items")))
                        .findFirst().orElse(null);
            }
        }
        return schema;
    }

    private static void described(JsonObject content, JsonObject components, String where, List<String> gaps) {
        if (content == null || content.isEmpty()) {
            gaps.add(where + ": no content");
            return;
        }
        content.forEach((mediaType, media) -> {
            JsonObject schema = media.asJsonObject().getJsonObject("schema");
            if (schema == null) {
                gaps.add(where + " " + mediaType + ": no schema");
            } else {
                schema(schema, components, where + " " + mediaType, gaps);
            }
        });
    }

    private static void schema(JsonObject schema, JsonObject components, String where, List<String> gaps) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            JsonObject component = components.getJsonObject(name);
            if (component == null) {
                gaps.add(where + ": dangling reference " + name);
            } else if (!component.containsKey("properties") && !component.containsKey("enum")) {
                gaps.add(where + ": " + name + " lists no properties");
            }
            return;
        }
        String type = schema.getString("type", "");
        if (type.equals("array")) {
            JsonValue items = schema.get("items");
            if (items == null || items.getValueType() != JsonValue.ValueType.OBJECT) {
                gaps.add(where + ": an array of unknown items");
            } else {
                schema(items.asJsonObject(), components, where + "[]", gaps);
            }
        } else if (type.equals("object") && !schema.containsKey("properties") && !schema.containsKey("additionalProperties")) {
            gaps.add(where + ": a bare object");
        } else if (type.isEmpty()) {
            gaps.add(where + ": no type");
        }
    }
}
