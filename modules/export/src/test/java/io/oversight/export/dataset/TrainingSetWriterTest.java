package io.oversight.export.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.export.DatasetFormat;
import io.oversight.tasks.Candidate;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ReleasedLabels.ReleasedLabel;
import io.oversight.tasks.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class TrainingSetWriterTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<Candidate> PAIR = List.of(new Candidate("v1", "first, \"quoted\"\nanswer"),
            new Candidate("v2", "second answer"));
    private static final GuidelineRef GUIDELINE = new GuidelineRef("g-1", 2, "ab".repeat(32));

    private static ReleasedLabel row(String id, List<String> labels, List<Candidate> candidates, int reviews, int agreeing) {
        return new ReleasedLabel(id, "wf", "{\"text\":\"a, b \\\"c\\\"\\nd\",\"customer\":{\"email\":\"pii:s1/customer.email\"}}",
                "snap-1", List.of("ok"), Optional.empty(), candidates, labels, Optional.empty(), DecisionSource.CONSENSUS,
                Verdict.CORRECT, reviews, agreeing, Optional.of("g-1"), AT);
    }

    @Test
    void preferenceRowsPairByCandidateIdAndSetTiesAndBothBadApart() throws Exception {
        ByteArrayOutputStream pairs = new ByteArrayOutputStream();
        ByteArrayOutputStream unpaired = new ByteArrayOutputStream();
        TrainingSetWriter writer = new TrainingSetWriter(true, DatasetFormat.JSONL, pairs, unpaired);
        writer.write(row("i1", List.of("v2"), PAIR, 2, 2), Optional.of(GUIDELINE));
        writer.write(row("i2", List.of("v1"), PAIR, 2, 1), Optional.of(GUIDELINE));
        writer.write(row("i3", List.of("TIE"), PAIR, 1, 1), Optional.empty());
        writer.write(row("i4", List.of("BOTH_BAD"), PAIR, 1, 1), Optional.empty());
        writer.close();

        List<String> lines = pairs.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"chosen\":\"second answer\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"rejected\":\"first, \\\"quoted\\\"\\nanswer\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"chosen\":\"first, \\\"quoted\\\"\\nanswer\""), lines.get(1));
        assertTrue(lines.get(1).contains("\"agreement\":0.5"), lines.get(1));
        List<String> others = unpaired.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, others.size());
        assertTrue(others.get(0).contains("\"answer\":\"TIE\"") && others.get(1).contains("\"answer\":\"BOTH_BAD\""));
        assertEquals(2, writer.mainFile().rows());
        assertEquals(2, writer.unpairedFile().orElseThrow().rows());
        assertEquals(sha256(pairs.toByteArray()), writer.mainFile().sha256());
        assertEquals(pairs.size(), writer.mainFile().bytes());
        assertEquals(1L, writer.rowsPerLabel().get("TIE"));
    }

    @Test
    void csvQuotesPayloadsAndKeepsTokensAsStored() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrainingSetWriter writer = new TrainingSetWriter(false, DatasetFormat.CSV, out, null);
        writer.write(row("i1", List.of("fraud", "card-not-present"), List.of(), 3, 2), Optional.of(GUIDELINE));
        writer.close();
        try (CSVParser parser = CSVParser.parse(out.toString(StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(1, records.size());
            CSVRecord r = records.get(0);
            assertEquals("fraud|card-not-present", r.get("final_labels"));
            assertEquals("{\"customer\":{\"email\":\"pii:s1/customer.email\"},\"text\":\"a, b \\\"c\\\"\\nd\"}", r.get("payload"));
            assertEquals("0.6667", r.get("agreement"));
            assertEquals(GUIDELINE.contentDigest(), r.get("guideline_digest"));
        }
        assertEquals(1L, writer.rowsPerLabel().get("fraud"));
        assertFalse(writer.unpairedFile().isPresent());
    }

    @Test
    void aPreferenceTrainingSetIsNeverCsv() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingSetWriter(true, DatasetFormat.CSV, new ByteArrayOutputStream(), new ByteArrayOutputStream()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
