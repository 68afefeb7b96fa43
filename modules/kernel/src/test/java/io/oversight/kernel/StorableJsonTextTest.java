package io.oversight.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableJsonTextTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"plain\"}",
        "{\"name\":\"\\\\u0000 is a backslash and text, not an escape\"}",
        "{\"name\":\"a pair \\uD83D\\uDE00 is one character\"}",
        "{\"name\":\"\\u00e9t\\u00E9 \\n \\\" quoted\"}",
        "{\"name\":\"ü, 😀 and 名 as UTF-8\"}",
        "{\"u0000\":\"a key named u0000\", \"n\":0}",
        "{\"unfinished\":\"\\u00"
    })
    void acceptsTextEveryDatabaseStoresAsSent(String json) {
        assertDoesNotThrow(() -> StorableJsonText.requireStorable(utf8(json)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"a\\u0000b\"}",
        "{\"payload\":{\"deep\":[\"x\",\"\\u0000\"]}}",
        "{\"name\":\"lone high \\uD800\"}",
        "{\"name\":\"lone low \\uDC00 first\"}",
        "{\"name\":\"high then text \\uD800x\"}",
        "{\"name\":\"high then escape \\uD800\\n\"}",
        "{\"name\":\"two highs \\uD800\\uD800\"}",
        "{\"\\u0000\":\"in a key\"}"
    })
    void refusesNulAndLoneSurrogatesNamingWhereTheyAre(String json) {
        InvalidInputException refusal = assertThrows(InvalidInputException.class,
                () -> StorableJsonText.requireStorable(utf8(json)));
        assertEquals("body", refusal.errors().get(0).field());
        // every case is ASCII, so the character index of the first escape is its byte offset
        assertTrue(refusal.getMessage().contains("at byte " + json.indexOf("\\u")), refusal.getMessage());
    }
}
