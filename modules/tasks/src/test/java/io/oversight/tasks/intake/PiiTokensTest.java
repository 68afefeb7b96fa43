package io.oversight.tasks.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiTokensTest {

    private static final JsonObject PAYLOAD = object("""
            {"customer": {"name": "Maria Lopez", "email": "m@example.org", "age": 41, "phone": null,
                          "address": {"city": "Oslo", "zip": "0150"}},
             "amount": 1250}""");
    private static final List<String> PII_PATHS =
            List.of("customer.email", "customer.age", "customer.phone", "customer.address", "customer.passport");

    private static JsonObject object(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void personalDataIsMovedOutAndReplacedByTokens() {
        PiiTokens.Tokenized tokenized = PiiTokens.tokenize(PAYLOAD, PII_PATHS, "subj-7f3a");
        assertEquals(object("""
                {"customer": {"name": "Maria Lopez", "email": "pii:subj-7f3a/customer.email",
                              "age": "pii:subj-7f3a/customer.age", "phone": "pii:subj-7f3a/customer.phone",
                              "address": "pii:subj-7f3a/customer.address"},
                 "amount": 1250}"""), tokenized.payload());
        assertEquals(Map.of(
                "customer.email", "m@example.org",
                "customer.age", "41",
                "customer.phone", "null",
                "customer.address", "{\"city\":\"Oslo\",\"zip\":\"0150\"}"), tokenized.personalData());
        assertEquals(List.of("customer.email", "customer.age", "customer.phone", "customer.address"),
                List.copyOf(tokenized.personalData().keySet()));
    }

    @Test
    void theOriginalPayloadIsUntouched() {
        PiiTokens.tokenize(PAYLOAD, PII_PATHS, "subj-7f3a");
        assertEquals("m@example.org", PAYLOAD.getJsonObject("customer").getString("email"));
    }

    @Test
    void tokenizingTwiceChangesNothingMore() {
        PiiTokens.Tokenized once = PiiTokens.tokenize(PAYLOAD, PII_PATHS, "subj-7f3a");
        PiiTokens.Tokenized twice = PiiTokens.tokenize(once.payload(), PII_PATHS, "subj-7f3a");
        assertEquals(once.payload(), twice.payload());
        assertEquals(Map.of(), twice.personalData());
    }

    @Test
    void aPathListedTwiceIsMovedOnce() {
        PiiTokens.Tokenized tokenized = PiiTokens.tokenize(PAYLOAD, List.of("customer.email", "customer.email"), "s");
        assertEquals(Map.of("customer.email", "m@example.org"), tokenized.personalData());
    }

    @Test
    void withoutPiiPathsNothingIsTaken() {
        PiiTokens.Tokenized tokenized = PiiTokens.tokenize(PAYLOAD, List.of(), "s");
        assertEquals(PAYLOAD, tokenized.payload());
        assertEquals(Map.of(), tokenized.personalData());
    }

    @Test
    void recognisesTokens() {
        assertTrue(PiiTokens.isToken("pii:subj-7f3a/customer.email"));
        assertFalse(PiiTokens.isToken("pii:/customer.email"));
        assertFalse(PiiTokens.isToken("pii:subj-7f3a/"));
        assertFalse(PiiTokens.isToken("pii:subj-7f3a"));
        assertFalse(PiiTokens.isToken("PII:subj-7f3a/customer.email"));
        assertFalse(PiiTokens.isToken("m@example.org"));
        assertFalse(PiiTokens.isToken(null));
    }

    @Test
    void aPseudonymMustBeNonEmptyAndWithoutSlash() {
        assertThrows(IllegalArgumentException.class, () -> PiiTokens.tokenize(PAYLOAD, PII_PATHS, ""));
        assertThrows(IllegalArgumentException.class, () -> PiiTokens.tokenize(PAYLOAD, PII_PATHS, "a/b"));
    }
}
