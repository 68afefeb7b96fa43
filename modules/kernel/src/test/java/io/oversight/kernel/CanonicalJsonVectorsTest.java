package io.oversight.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in vectors the auditor guide cites: for each {@code NN-name.json} input, the exact
 * canonical bytes ({@code NN-name.canonical}) and their SHA-256 ({@code NN-name.sha256}, lower-case hex).
 * An independent implementation of the encoder passes when it reproduces both files for every input.
 */
class CanonicalJsonVectorsTest {

    static Path vectors() throws URISyntaxException {
        return Path.of(CanonicalJsonVectorsTest.class.getResource("canonical-json").toURI());
    }

    static Stream<String> inputs() throws IOException, URISyntaxException {
        List<String> names;
        try (Stream<Path> files = Files.list(vectors())) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        return names.stream();
    }

    @Test
    void thereAreVectorsForBothEntryPoints() throws Exception {
        assertFalse(inputs().toList().isEmpty());
        assertEquals(2, BuilderVectors.values().length);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void sortedEntryPointReproducesTheCheckedInBytesAndDigest(String name) throws Exception {
        String input = Files.readString(vectors().resolve(name + ".json"), StandardCharsets.UTF_8);
        String canonical = CanonicalJson.of(Json.createReader(new StringReader(input)).readValue());
        assertExpected(name, canonical);
    }

    @ParameterizedTest
    @MethodSource("builderVectors")
    void builderEntryPointReproducesTheCheckedInBytesAndDigest(BuilderVectors vector) throws Exception {
        assertExpected(vector.fileName, vector.build().toString());
    }

    static Stream<BuilderVectors> builderVectors() {
        return Stream.of(BuilderVectors.values());
    }

    private static void assertExpected(String name, String canonical) throws Exception {
        byte[] expectedBytes = Files.readAllBytes(vectors().resolve(name + ".canonical"));
        assertArrayEquals(expectedBytes, canonical.getBytes(StandardCharsets.UTF_8), name + ".canonical");
        String expectedDigest = Files.readString(vectors().resolve(name + ".sha256"), StandardCharsets.US_ASCII).strip();
        assertEquals(expectedDigest, HexFormat.of().formatHex(CanonicalJson.sha256(canonical)), name + ".sha256");
    }

    /** Records the platform builds in call order; the calls mirror the auditor guide's field lists. */
    enum BuilderVectors {
        WORKFLOW_SETTINGS("b1-call-order-object") {
            @Override
            CanonicalJson build() {
                return new CanonicalJson().beginObject().field("workflow", "loan-dispute-triage")
                        .field("riskProfile", "HIGH").field("integrationMode", "ASYNC").field("reviewersPerItem", 2)
                        .field("slaMinutes", 30).field("hotlRate", 0.050).field("shadow", false).endObject();
            }
        },
        NESTED_ARRAYS("b2-call-order-arrays") {
            @Override
            CanonicalJson build() {
                return new CanonicalJson().beginObject().field("z", "first despite the name").beginArray("labels")
                        .element("duplicate-charge").element("fraud \"suspected\"\n").endArray()
                        .beginArray("bands").beginObject().field("atOrAbove", 0.9).field("tier", 1).endObject()
                        .beginObject().field("atOrAbove", 1E-7).field("tier", 2).endObject().endArray().endObject();
            }
        };

        final String fileName;

        BuilderVectors(String fileName) {
            this.fileName = fileName;
        }

        abstract CanonicalJson build();
    }
}
