package io.oversight.governance.domain.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.governance.DriftField;
import io.oversight.governance.domain.stats.InputDrift;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValuesTest {

    private static JsonObject payload(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static final List<DriftField> FIELDS = List.of(new DriftField("amount", DriftField.Kind.NUMERIC),
            new DriftField("merchant.country", DriftField.Kind.CATEGORICAL),
            new DriftField("channel", DriftField.Kind.CATEGORICAL));

    @Test
    void declaredFieldsOnlyEachAsItsCountKey() {
        List<InputValues.Value> values = InputValues.of(payload("""
                {"amount":120.5,"merchant":{"country":"DE","name":"Shop"},"channel":true,"customer":{"email":"a@b.c"}}"""),
                FIELDS);
        assertEquals(List.of(new InputValues.Value("amount", InputDrift.numberKey(120.5)),
                new InputValues.Value("merchant.country", InputDrift.categoryKey("DE")),
                new InputValues.Value("channel", InputDrift.categoryKey("true"))), values);
    }

    @Test
    void aMissingCategoryCountsAsMissingAndANonNumberIsNoValueOfANumericField() {
        List<InputValues.Value> values = InputValues.of(payload("""
                {"amount":"120","merchant":"not an object","channel":null}"""), FIELDS);
        assertEquals(List.of(new InputValues.Value("merchant.country", InputDrift.categoryKey(InputValues.MISSING)),
                new InputValues.Value("channel", InputDrift.categoryKey(InputValues.MISSING))), values);
    }

    @Test
    void objectsAndArraysAreNeverCategories() {
        assertEquals(List.of(), InputValues.of(payload("{\"channel\":[1,2]}"),
                List.of(new DriftField("channel", DriftField.Kind.CATEGORICAL))));
    }
}
