package io.oversight.export.report;

import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report benchmark of docs/benchmarks.md, run on demand only:
 * {@code ./mvnw -o -pl modules/export -am test -Dtest=ReportBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbenchmark=true -DargLine=-Xmx256m}. It feeds 1,000,000 entries of a realistic mix over 30 days to
 * the computation, then writes the XML and the PDF, and checks the targets (50,000 entries/s, PDF
 * under 30 s). Entries are decoded objects made here: reading them from the database is not measured.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReportBenchmarkTest {

    private static final int ENTRIES = 1_000_000;
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] ACTIONS = {"tasks.prediction.routed", "tasks.task.claimed", "tasks.task.completed",
        "tasks.item.decided", "tasks.prediction.routed", "tasks.task.completed", "tasks.audit.completed",
        "tasks.adjudication.decided"};
    private static final String[] OUTCOMES = {"AUTO_ACCEPT", "HUMAN_REVIEW", "HUMAN_REVIEW", "ESCALATE"};

    @Test
    void aMillionEntriesWithABoundedHeap() throws Exception {
        ReportComputation computation = new ReportComputation("bench", Optional.of("loans"), FROM,
                FROM.plus(30, ChronoUnit.DAYS), "pseud", "auditor", Instant.now());
        long start = System.nanoTime();
        for (int i = 0; i < ENTRIES; i++) {
            computation.accept(entry(i));
        }
        computation.anchoring(Optional.of(0L), Optional.of((long) ENTRIES - 1), Optional.empty());
        ComplianceReport report = computation.finish();
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ReportXml.write(report, xml);
        double seconds = (System.nanoTime() - start) / 1e9;
        long pdfStart = System.nanoTime();
        ReportPdf.write(report, xml.toByteArray(), OutputStream.nullOutputStream());
        double pdfSeconds = (System.nanoTime() - pdfStart) / 1e9;
        double rate = ENTRIES / seconds;
        System.out.printf("report benchmark: %d entries in %.2f s = %.0f entries/s; XML %d bytes; PDF in %.2f s; "
                + "max heap %d MB%n", ENTRIES, seconds, rate, xml.size(), pdfSeconds,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertEquals(ENTRIES, report.anchoring().entriesCounted());
        assertTrue(rate >= 50_000, "entries/s " + rate);
        assertTrue(pdfSeconds < 30, "PDF seconds " + pdfSeconds);
    }

    private static LedgerEntry entry(int i) {
        String action = ACTIONS[i % ACTIONS.length];
        long micros = FROM.toEpochMilli() * 1000 + (long) i * 2_500_000L;
        LedgerEntry.Builder b = LedgerEntry.builder().sequence(i).previousEntryHash(Digest.zero())
                .loggedAtMicros(micros).occurredAtMicros(micros).workflow("loans").actionType(action)
                .actor("reviewer-" + (i % 40), "reviewer").subject("item", "item-" + i)
                .guideline("", Optional.empty()).modelSnapshot("", Optional.empty())
                .payloadDigest(Optional.empty()).rationaleDigest(Optional.empty());
        Map<String, String> attributes = switch (action) {
            case "tasks.prediction.routed" -> Map.of("outcome", OUTCOMES[i % OUTCOMES.length], "tier",
                    Integer.toString(1 + i % 3), "mode", "ASYNC");
            case "tasks.task.completed" -> Map.of("verdict", i % 5 == 0 ? "CORRECT" : "APPROVE", "gold",
                    Boolean.toString(i % 20 == 0), "goldCorrect", "true");
            case "tasks.item.decided", "tasks.audit.completed" -> Map.of("modelAgreed", Boolean.toString(i % 6 != 0));
            case "tasks.adjudication.decided" -> Map.of("leadTimeSeconds", Integer.toString(i % 7200));
            default -> Map.of();
        };
        attributes.forEach(b::attribute);
        return b.build();
    }
}
