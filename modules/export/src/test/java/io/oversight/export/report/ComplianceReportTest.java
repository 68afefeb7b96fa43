package io.oversight.export.report;

import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.LedgerEntry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A known scenario of ledger entries in, figures out: the XML validates against the published
 * schema and carries the scenario's figures; the PDF shows them, carries the XML byte for byte as its
 * associated file, and has the structural properties PDF/A-3b requires (veraPDF does not resolve
 * here, ADR 0015).
 */
class ComplianceReportTest {

    static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");
    static byte[] xml;
    static byte[] pdf;
    static ComplianceReport report;

    @BeforeAll
    static void render() throws Exception {
        ReportComputation computation = new ReportComputation("r-1", Optional.of("loans"), FROM, TO, "pseud-aud",
                "auditor", TO.plusSeconds(60));
        List<LedgerEntry> entries = scenario();
        entries.forEach(computation::accept);
        computation.anchoring(Optional.of(100L), Optional.of(100L + entries.size() - 1), Optional.empty());
        report = computation.finish();
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        ReportXml.write(report, x);
        xml = x.toByteArray();
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        ReportPdf.write(report, xml, p);
        pdf = p.toByteArray();
    }

    /** 7 predictions (4 reviewed in tier 2, 2 auto-accepted, 1 escalated), 5 reviews, 4 decisions of which 1 corrected. */
    static List<LedgerEntry> scenario() {
        List<LedgerEntry> e = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            e.add(entry(e.size(), 1, "tasks.prediction.routed", "integration-1",
                    Map.of("outcome", "HUMAN_REVIEW", "tier", "2", "mode", "ASYNC")));
        }
        e.add(entry(e.size(), 2, "tasks.prediction.routed", "integration-1", Map.of("outcome", "AUTO_ACCEPT", "mode", "ASYNC")));
        e.add(entry(e.size(), 3, "tasks.prediction.routed", "integration-1", Map.of("outcome", "AUTO_ACCEPT", "mode", "SHADOW")));
        e.add(entry(e.size(), 3, "tasks.prediction.routed", "integration-1",
                Map.of("outcome", "ESCALATE", "tier", "3", "mode", "ASYNC")));
        for (int i = 0; i < 4; i++) {
            e.add(entry(e.size(), 4, "tasks.task.completed", "rev-a", Map.of("verdict", "APPROVE")));
        }
        e.add(entry(e.size(), 4, "tasks.task.completed", "rev-b",
                Map.of("verdict", "CORRECT", "gold", "true", "goldCorrect", "true")));
        for (int i = 0; i < 3; i++) {
            e.add(entry(e.size(), 5, "tasks.item.decided", "system:review", Map.of("modelAgreed", "true")));
        }
        e.add(entry(e.size(), 5, "tasks.item.decided", "system:review", Map.of("modelAgreed", "false")));
        e.add(entry(e.size(), 6, "tasks.adjudication.decided", "adj", Map.of("leadTimeSeconds", "30")));
        e.add(entry(e.size(), 6, "tasks.adjudication.decided", "adj", Map.of("leadTimeSeconds", "90")));
        e.add(entry(e.size(), 6, "tasks.adjudication.decided", "adj", Map.of("leadTimeSeconds", "60")));
        e.add(entry(e.size(), 7, "tasks.audit.completed", "rev-a", Map.of("modelAgreed", "false")));
        e.add(entry(e.size(), 7, "tasks.audit.completed", "rev-a", Map.of("modelAgreed", "true")));
        e.add(entry(e.size(), 8, "tasks.sla.breached", "system:sla-monitor",
                Map.of("tier", "2", "measure", "REVIEW_TIME", "observed", "900", "target", "600", "unit", "seconds")));
        e.add(entry(e.size(), 9, "ledger.subject.revealed", "aud-1", Map.of()));
        e.add(entry(e.size(), 9, "tasks.reviewer.paused", "system:gold-monitor", Map.of("reviewer", "rev-b")));
        return e;
    }

    static LedgerEntry entry(int index, int hour, String action, String actor, Map<String, String> attributes) {
        long micros = FROM.plus(hour, ChronoUnit.HOURS).plusSeconds(index).toEpochMilli() * 1000;
        LedgerEntry.Builder b = LedgerEntry.builder().sequence(100 + index).previousEntryHash(Digest.zero())
                .loggedAtMicros(micros).occurredAtMicros(micros).workflow("loans").actionType(action)
                .actor(actor, actor.startsWith("system:") ? "system" : "reviewer").subject("item", "i-" + index)
                .guideline("", Optional.empty()).modelSnapshot("", Optional.empty())
                .payloadDigest(Optional.empty()).rationaleDigest(Optional.empty());
        attributes.forEach(b::attribute);
        return b.build();
    }

    @Test
    void theXmlValidatesAgainstThePublishedSchemaAndCarriesTheScenariosFigures() throws Exception {
        ReportXml.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        ComplianceReport read = ReportXml.read(new ByteArrayInputStream(xml));
        assertEquals(7, read.volumes.predictions);
        assertEquals(2, read.volumes.autoAccepted);
        assertEquals(4, read.volumes.reviewed);
        assertEquals(1, read.volumes.escalated);
        assertEquals(1, read.volumes.shadow);
        assertEquals(5, read.humanOversight.reviewsCompleted);
        assertEquals(4, read.humanOversight.itemsDecided);
        assertEquals(1, read.humanOversight.itemsCorrected);
        assertEquals(0.25, read.humanOversight.correctionRate);
        assertEquals(3, read.humanOversight.adjudications.decided);
        assertEquals(60L, read.humanOversight.adjudications.medianLeadTimeSeconds);
        assertEquals(90L, read.humanOversight.adjudications.maxLeadTimeSeconds);
        assertEquals(2, read.humanOversight.hotlAudit.checked);
        assertEquals(0.5, read.humanOversight.hotlAudit.errorRate);
        assertEquals(1, read.sla.breaches);
        assertEquals(1, read.monitors.alerts);
        assertEquals(1, read.personalData.reveals);
        assertEquals(List.of("rev-a", "rev-b"), read.reviewerActivity.reviewers.stream().map(r -> r.pseudonym).toList());
        ComplianceReport.Reviewer b = read.reviewerActivity.reviewers.get(1);
        assertEquals(1, b.decisions);
        assertEquals(1.0, b.goldAccuracy);
        assertEquals(1, b.pauses);
        assertEquals(100L, read.anchoring.firstSequence);
        assertEquals(scenario().size(), read.anchoring.entriesCounted);
        assertEquals(7, read.anchoring.actionCounts.stream().filter(c -> c.name.equals("tasks.prediction.routed"))
                .findFirst().orElseThrow().count);
        assertEquals("PT1H", read.volumes.series.bucket);
        assertEquals(4, read.articleMapping.articles.size());
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("xmlns=\"" + ComplianceReport.NAMESPACE + "\""), text.substring(0, 300));
    }

    @Test
    void aDocumentThatBreaksTheSchemaIsRefused() {
        String broken = new String(xml, StandardCharsets.UTF_8).replace("predictions=\"7\"", "predictions=\"seven\"");
        assertThrows(Exception.class, () -> ReportXml.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void thePdfShowsTheSameKeyFigures() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Predictions Auto-accepted Reviewed Escalated Shadow 7 2 4 1 1"), text);
            assertTrue(text.contains("5 4 1 25.0 %"), "reviews, decided, corrected, correction rate: " + text);
            assertTrue(text.contains("3 60 s"), "adjudications and median lead time: " + text);
            assertTrue(text.contains("Entries 100 to " + (100 + scenario().size() - 1)), text);
            assertTrue(text.contains("Contents"), text);
            assertTrue(text.contains("Chart 1.") && text.contains("Chart 2."), text);
            int pages = doc.getNumberOfPages();
            assertTrue(text.contains("Page " + pages + " of " + pages), text);
        }
    }

    @Test
    void theAttachedXmlIsByteIdenticalToTheReport() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDComplexFileSpecification spec = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get(ReportPdf.ATTACHMENT_NAME);
            assertArrayEquals(xml, spec.getEmbeddedFile().toByteArray());
            assertEquals("Data", spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")));
            assertEquals("application/xml", spec.getEmbeddedFile().getSubtype());
            COSArray associated = (COSArray) doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
            assertEquals(1, associated.size(), "the catalog lists the XML as its associated file");
        }
    }

    @Test
    void thePdfHasThePdfA3bStructuralProperties() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertFalse(doc.isEncrypted());
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), xmp);
            var intents = doc.getDocumentCatalog().getOutputIntents();
            assertEquals(1, intents.size());
            assertEquals("sRGB IEC61966-2.1", intents.get(0).getOutputConditionIdentifier());
            assertNotNull(intents.get(0).getDestOutputIntent(), "the ICC profile is embedded");
            assertTrue(doc.getDocument().getTrailer().getCOSArray(COSName.ID) != null, "a file identifier");
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
                COSDictionary resources = page.getResources().getCOSObject();
                assertFalse(resources.containsKey(COSName.EXT_G_STATE) && resources.toString().contains("/CA"),
                        "no transparency");
            }
        }
    }
}
