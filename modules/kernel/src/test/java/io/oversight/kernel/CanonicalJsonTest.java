package io.oversight.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static String canonical(String text) {
        return CanonicalJson.of(json(text));
    }

    @Test
    void memberOrderAndWhiteSpaceDoNotMatter() {
        String expected = "{\"a\":[true,null],\"b\":1,\"c\":{\"x\":false,\"y\":\"z\"}}";
        assertEquals(expected, canonical("{\"b\": 1, \"a\": [true, null], \"c\": {\"y\": \"z\", \"x\": false}}"));
        assertEquals(expected, canonical("{ \"c\" : { \"x\" : false , \"y\" : \"z\" } ,\n \"a\" : [ true , null ] , \"b\" : 1 }"));
    }

    @Test
    void nestedArraysKeepTheirOrderAndSortTheirObjects() {
        assertEquals("[[1,[2,{\"y\":{\"a\":0,\"b\":0},\"z\":1}]],[],{}]",
                canonical("[[1, [2, {\"z\": 1, \"y\": {\"b\": 0, \"a\": 0}}]], [], {}]"));
    }

    @Test
    void keysSortByUtf16CodeUnits() {
        // U+FB33 sorts before U+1F600 by code point, but after its surrogate pair D83D DE00 by code unit
        assertEquals("{\"\\r\":1,\"1\":2,\"a\":3,\"\u20ac\":4,\"\ud83d\ude00\":5,\"\ufb33\":6}",
                canonical("{\"\ufb33\": 6, \"\ud83d\ude00\": 5, \"\u20ac\": 4, \"a\": 3, \"1\": 2, \"\\r\": 1}"));
    }

    @Test
    void stringsAreEscapedMinimally() {
        JsonValue text = Json.createValue("q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f é € \ud83d\ude00");
        assertEquals("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f é € \ud83d\ude00\"", CanonicalJson.of(text));
    }

    @Test
    void numbersArePlainDecimalsWithoutTrailingZeros() {
        assertEquals("[100,1.5,1000,0,0,-1.25,0.0000001,12345678901234567890.123456789]",
                canonical("[100, 1.50, 1E+3, -0.0, 0.000, -12.5E-1, 1e-7, 12345678901234567890.1234567890]"));
    }

    @Test
    void numbersWhosePlainTextWouldBeHugeAreRefused() {
        assertEquals(1001, canonical("1E+1000").length());
        assertThrows(IllegalArgumentException.class, () -> canonical("1E+1001"));
        assertThrows(IllegalArgumentException.class, () -> canonical("[1e999999999]"));
        assertThrows(IllegalArgumentException.class, () -> canonical("1e-1001"));
    }

    @Test
    void scalarsStandAlone() {
        assertEquals("true", CanonicalJson.of(JsonValue.TRUE));
        assertEquals("false", CanonicalJson.of(JsonValue.FALSE));
        assertEquals("null", CanonicalJson.of(JsonValue.NULL));
        assertEquals("\"x\"", CanonicalJson.of(Json.createValue("x")));
    }

    @Test
    void theDigestIsSha256OfTheUtf8CanonicalText() throws Exception {
        // sha256("{}"), a well-known value
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.sha256Hex(json("{ }")));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("{\"a\":[true,null],\"b\":\"é\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("1228595fd72941f4487537fe9f5556a3ee470acb1f2776db091c356627344654", expected);
        assertEquals(expected, CanonicalJson.sha256Hex(json("{\"b\": \"é\", \"a\": [true, null]}")));
    }
}
