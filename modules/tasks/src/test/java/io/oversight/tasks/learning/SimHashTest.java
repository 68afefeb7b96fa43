package io.oversight.tasks.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String CLAIM = """
            {"customer": {"name": "Maria Lopez", "tier": "gold", "since": 2014},
             "claim": {"amount": 1250.00, "currency": "EUR", "fraudSuspected": false, "adjuster": null,
                       "description": "Water damage in the kitchen after the dishwasher hose burst during the night. \
             The floor boards near the sink are swollen and the lower cabinets show mould along the back panel. \
             A plumber replaced the hose the next morning and the invoice is attached together with photos of \
             the floor, the cabinets and the wall behind the dishwasher taken before any repair started."},
             "tags": ["water", "kitchen", "household"]}""";

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static long of(String text) {
        return SimHash.of(json(text));
    }

    @Test
    void identicalPayloadsHaveTheSameFingerprint() {
        assertEquals(0, SimHash.distance(of(CLAIM), of(CLAIM)));
    }

    @Test
    void memberOrderDoesNotMatter() {
        assertEquals(of("{\"a\": \"x y\", \"b\": [1, true, null]}"), of("{\"b\": [1, true, null], \"a\": \"x y\"}"));
    }

    @Test
    void caseAndPunctuationAreNotFeatures() {
        assertEquals(of("{\"note\": \"Hello, World!\"}"), of("{\"note\": \"hello world\"}"));
    }

    @Test
    void amountsOfTheSameMagnitudeAndLeadingDigitAreTheSameFeature() {
        assertEquals(of("{\"amount\": 1000}"), of("{\"amount\": 1010}"));
        assertEquals(of("{\"amount\": 1000}"), of("{\"amount\": 1.0E3}"));
        assertNotEquals(of("{\"amount\": 1000}"), of("{\"amount\": 2000}"));
        assertNotEquals(of("{\"amount\": 1000}"), of("{\"amount\": 100}"));
        assertNotEquals(of("{\"amount\": 1000}"), of("{\"amount\": -1000}"));
    }

    @Test
    void theSameValueUnderAnotherFieldIsAnotherFeature() {
        assertNotEquals(of("{\"from\": \"berlin\"}"), of("{\"to\": \"berlin\"}"));
    }

    @Test
    void aPayloadDifferingInOneOfManyWordsIsNear() {
        int distance = SimHash.distance(of(CLAIM), of(CLAIM.replace("kitchen after", "bathroom after")));
        assertTrue(distance < 20, "distance " + distance);
    }

    @Test
    void anUnrelatedPayloadIsFar() {
        String unrelated = """
                {"order": {"id": "A-77812", "items": [{"sku": "TSHIRT-RED-M", "quantity": 3, "price": 19.99},
                 {"sku": "MUG-LOGO", "quantity": 1, "price": 8.5}], "shipping": "express",
                 "note": "Please leave the parcel with the neighbour if nobody answers the door bell"},
                 "paid": true, "coupon": "SPRING24"}""";
        int distance = SimHash.distance(of(CLAIM), of(unrelated));
        assertTrue(distance > 20, "distance " + distance);
    }

    @Test
    void anEmptyPayloadHasNoFeaturesAndSetsNoBit() {
        assertEquals(0L, of("{}"));
    }

    @Test
    void distanceCountsDifferingBits() {
        assertEquals(0, SimHash.distance(42L, 42L));
        assertEquals(2, SimHash.distance(0b1011L, 0b0001L));
        assertEquals(64, SimHash.distance(0L, -1L));
    }
}
