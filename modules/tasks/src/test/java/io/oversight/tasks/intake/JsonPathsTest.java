package io.oversight.tasks.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

    private static final JsonObject PAYLOAD = object("""
            {"customer": {"email": "m@example.org", "address": {"city": "Oslo", "zip": "0150"}, "phone": null},
             "items": [{"sku": "A-1"}], "amount": 1250}""");

    private static JsonObject object(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void findsNestedFields() {
        assertEquals(Optional.of(Json.createValue("m@example.org")), JsonPaths.find(PAYLOAD, "customer.email"));
        assertEquals(Optional.of(Json.createValue("Oslo")), JsonPaths.find(PAYLOAD, "customer.address.city"));
        assertEquals(Optional.of(Json.createValue(1250)), JsonPaths.find(PAYLOAD, "amount"));
        assertEquals(Optional.of(object("{\"city\": \"Oslo\", \"zip\": \"0150\"}")), JsonPaths.find(PAYLOAD, "customer.address"));
    }

    @Test
    void aJsonNullIsPresent() {
        assertEquals(Optional.of(JsonValue.NULL), JsonPaths.find(PAYLOAD, "customer.phone"));
    }

    @Test
    void absentFieldsAndPathsThroughScalarsOrArraysAreNotFound() {
        assertEquals(Optional.empty(), JsonPaths.find(PAYLOAD, "customer.name"));
        assertEquals(Optional.empty(), JsonPaths.find(PAYLOAD, "customer.email.domain"));
        assertEquals(Optional.empty(), JsonPaths.find(PAYLOAD, "items.sku"));
        assertEquals(Optional.empty(), JsonPaths.find(PAYLOAD, "items.0.sku"));
    }

    @Test
    void replaceReturnsACopyWithTheNewValueInPlace() {
        JsonObject replaced = JsonPaths.replace(PAYLOAD, "customer.address.city", Json.createValue("Bergen"));
        assertEquals(Optional.of(Json.createValue("Bergen")), JsonPaths.find(replaced, "customer.address.city"));
        assertEquals(Optional.of(Json.createValue("0150")), JsonPaths.find(replaced, "customer.address.zip"));
        assertEquals(List.of("customer", "items", "amount"), List.copyOf(replaced.keySet()));
        assertEquals(List.of("email", "address", "phone"), List.copyOf(replaced.getJsonObject("customer").keySet()));
        assertEquals(Optional.of(Json.createValue("Oslo")), JsonPaths.find(PAYLOAD, "customer.address.city"));
    }

    @Test
    void replaceCanReplaceAWholeObject() {
        JsonObject replaced = JsonPaths.replace(PAYLOAD, "customer", JsonValue.NULL);
        assertEquals(object("{\"customer\": null, \"items\": [{\"sku\": \"A-1\"}], \"amount\": 1250}"), replaced);
    }

    @Test
    void replacingAnAbsentPathChangesNothing() {
        assertSame(PAYLOAD, JsonPaths.replace(PAYLOAD, "customer.name", Json.createValue("x")));
        assertSame(PAYLOAD, JsonPaths.replace(PAYLOAD, "customer.email.domain", Json.createValue("x")));
        assertSame(PAYLOAD, JsonPaths.replace(PAYLOAD, "items.sku", Json.createValue("x")));
    }

    @Test
    void malformedPathsAreRejected() {
        for (String path : List.of("", ".email", "customer.", "customer..email")) {
            assertThrows(IllegalArgumentException.class, () -> JsonPaths.find(PAYLOAD, path), path);
            assertThrows(IllegalArgumentException.class, () -> JsonPaths.replace(PAYLOAD, path, JsonValue.NULL), path);
        }
    }
}
