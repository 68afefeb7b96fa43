package io.oversight.app.it;

import io.oversight.export.ComplianceReports;
import io.oversight.export.JobState;
import io.oversight.export.ReportJob;
import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.CheckpointVerifier;
import io.oversight.ledger.format.LedgerHashes;
import io.oversight.ledger.format.ProofVerifier;
import io.oversight.ledger.format.TrustFile;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compliance reports end to end on both databases (SPEC X1, X4): a known scenario goes through intake
 * and review, an auditor generates its report, the XML validates and carries the scenario's figures,
 * the PDF shows them and carries the XML byte for byte, the report's ledger entry verifies with its
 * inclusion proof, and the offline verifier proves both files against a bundle and refuses a changed
 * one. Bad requests are refused with problem+json and create nothing; a job whose server stopped is
 * shown as interrupted and runs again when restarted. Writes the sample report to
 * {@code modules/export/target/sample-report.xml} and {@code .pdf}.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ORIGIN = "oversight.local/ledger";
    private static final String NS = "https://oversight.io/schema/compliance-report/1";

    @Deployment
    static WebArchive deployment() {
        return Deployments.productionWarWithTestRunner().addClasses(ApiClient.class, Deployments.class, TasksFixture.class);
    }

    @ArquillianResource
    URL deployment;

    @Inject
    ComplianceReports reports;

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Test
    @RunAsClient
    void aReportOfAKnownScenarioCarriesItsFiguresIsAnchoredAndVerifiesOffline(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        Instant from = Instant.now().minusSeconds(1);
        ApiClient reviewer = f.reviewer("r1", 3);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(object(expect(202, f.submit(f.prediction("rep-" + i, 0.5)))).getString("id"));
        }
        expect(201, f.submit(f.prediction("rep-auto", 0.95))); // decided by the policy at once
        expect(202, f.submit(f.prediction("rep-low", 0.1)));
        List<JsonObject> claimed = f.claim(reviewer, 2, 3);
        assertEquals(3, claimed.size());
        TasksFixture.complete(reviewer, claimed.get(0).getJsonObject("task").getString("id"), "card-not-present");
        TasksFixture.complete(reviewer, claimed.get(1).getJsonObject("task").getString("id"), "card-not-present");
        TasksFixture.complete(reviewer, claimed.get(2).getJsonObject("task").getString("id"), "ok");
        f.sealed("action=tasks.item.decided&workflow=" + f.key, 3);
        Instant to = Instant.now().plusMillis(500);
        pause(6000); // the period must have ended (ReportRequest.SETTLING)

        HttpResponse<String> accepted = expect(202, f.auditor.postJson("api/v1/reports",
                "{\"workflow\":\"" + f.key + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}"));
        String id = object(accepted).getString("id");
        assertTrue(accepted.headers().firstValue("Location").orElseThrow().endsWith("api/v1/reports/" + id));
        JsonObject job = await(() -> {
            JsonObject j = object(expect(200, f.auditor.get("api/v1/reports/" + id)));
            return j.getString("state").equals("QUEUED") || j.getString("state").equals("RUNNING") ? null : j;
        }, "report job " + id);
        assertEquals("COMPLETED", job.getString("state"), job.toString());
        assertEquals(job.getJsonNumber("rowsTotal").longValue(), job.getJsonNumber("rowsDone").longValue());

        byte[] xml = download(f.auditor, "api/v1/reports/" + id + "/xml");
        byte[] pdf = download(f.governance, "api/v1/reports/" + id + "/pdf");
        Path target = Path.of("..", "export", "target");
        Files.createDirectories(target);
        Files.write(target.resolve("sample-report.xml"), xml);
        Files.write(target.resolve("sample-report.pdf"), pdf);
        assertEquals(sha256(xml), job.getString("xmlSha256"));
        assertEquals(sha256(pdf), job.getString("pdfSha256"));

        // the XML: valid against the published schema, with the scenario's figures
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.newSchema(getClass().getResource("/io/oversight/export/report/compliance-report-1.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element volumes = element(doc, "volumes");
        assertEquals("5", volumes.getAttribute("predictions"));
        assertEquals("1", volumes.getAttribute("autoAccepted"));
        assertEquals("3", volumes.getAttribute("reviewed"));
        assertEquals("1", volumes.getAttribute("escalated"));
        Element oversight = element(doc, "humanOversight");
        assertEquals("3", oversight.getAttribute("reviewsCompleted"));
        assertEquals("3", oversight.getAttribute("itemsDecided"));
        assertEquals("1", oversight.getAttribute("itemsCorrected"));
        assertEquals(f.key, element(doc, "scope").getAttribute("workflow"));
        assertEquals(f.key, element(doc, "workflow").getAttribute("key"));
        Element anchoring = element(doc, "anchoring");
        long last = Long.parseLong(anchoring.getAttribute("lastSequence"));
        assertTrue(Long.parseLong(element(doc, "checkpoint").getAttribute("treeSize")) > last);
        List<JsonObject> routed = f.sealed("action=tasks.prediction.routed&workflow=" + f.key, 5);
        assertEquals(5, routed.size());
        assertTrue(routed.stream().allMatch(e -> e.getJsonNumber("sequence").longValue() <= last
                && e.getJsonNumber("sequence").longValue() >= Long.parseLong(anchoring.getAttribute("firstSequence"))));

        // the PDF: same figures, the XML attached byte for byte
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Predictions Auto-accepted Reviewed Escalated Shadow 5 1 3 1 0"), text);
            assertTrue(text.contains("3 3 1 33.3 %"), text);
            assertArrayEquals(xml, document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get("compliance-report.xml").getEmbeddedFile().toByteArray());
        }

        // the report's ledger entry: its digests, with an inclusion proof under the signed checkpoint
        JsonObject anchored = await(() -> {
            JsonObject j = object(f.auditor.get("api/v1/reports/" + id));
            return j.containsKey("ledgerSequence") && !j.isNull("ledgerSequence") ? j : null;
        }, "the report's ledger entry");
        long sequence = anchored.getJsonNumber("ledgerSequence").longValue();
        JsonObject entry = await(() -> {
            JsonObject e = object(f.auditor.get("api/v1/ledger/entries/" + sequence + "?proof=true"));
            return e.containsKey("proof") ? e : null;
        }, "a checkpoint covering entry " + sequence);
        assertEquals(ComplianceReports.REPORT_GENERATED, entry.getString("actionType"));
        assertEquals(sha256(xml), entry.getJsonObject("attributes").getString("xmlSha256"));
        assertEquals(sha256(pdf), entry.getJsonObject("attributes").getString("pdfSha256"));
        assertEquals("auditor", entry.getString("actorRole"));
        byte[] leaf = LedgerHashes.leafHash(Base64.getDecoder().decode(entry.getString("storedBytes")));
        JsonObject proof = entry.getJsonObject("proof");
        byte[] trust = f.auditor.get("api/v1/ledger/trust").body().getBytes(StandardCharsets.UTF_8);
        Checkpoint checkpoint = new CheckpointVerifier(ORIGIN, TrustFile.parse(trust))
                .verify(proof.getString("checkpoint").getBytes(StandardCharsets.UTF_8));
        ProofVerifier.verifyInclusion(sequence, checkpoint.size(), leaf, proof.getJsonArray("hashes").stream()
                .map(h -> HexFormat.of().parseHex(((jakarta.json.JsonString) h).getString())).toList(),
                checkpoint.rootHash().bytes());

        // the offline verifier proves both files against a bundle, and refuses a changed one
        Path bundle = work.resolve("bundle.zip");
        Files.write(bundle, download(f.auditor, "api/v1/ledger/bundle?from=0"));
        Path trustFile = work.resolve("trust.txt");
        Files.write(trustFile, trust);
        Path xmlFile = work.resolve("report.xml");
        Files.write(xmlFile, xml);
        Path pdfFile = work.resolve("report.pdf");
        Files.write(pdfFile, pdf);
        byte[] changed = xml.clone();
        changed[changed.length / 2] ^= 0x01;
        Path changedFile = work.resolve("changed.xml");
        Files.write(changedFile, changed);
        Verified good = verifier("report", xmlFile.toString(), pdfFile.toString(), "--bundle", bundle.toString(),
                "--trust", trustFile.toString(), "--origin", ORIGIN, "--entry", Long.toString(sequence));
        assertEquals(0, good.exitCode(), good.output());
        assertTrue(good.output().contains("entry " + sequence), good.output());
        Verified bad = verifier("report", changedFile.toString(), "--bundle", bundle.toString(),
                "--trust", trustFile.toString(), "--origin", ORIGIN);
        assertEquals(1, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("REPORT NOT RECORDED"), bad.output());
    }

    @Test
    @RunAsClient
    void badRequestsAreRefusedWithProblemJsonAndCreateNothing() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        int before = array(expect(200, f.auditor.get("api/v1/reports?limit=500"))).size();
        Instant now = Instant.now();
        List<String> bad = List.of(
                "{\"workflow\":\"" + f.key + "\",\"from\":\"" + now.minusSeconds(60) + "\",\"to\":\"" + now.minusSeconds(3600) + "\"}",
                "{\"workflow\":\"" + f.key + "\",\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{\"workflow\":\"" + f.key + "\",\"from\":\"" + now.minusSeconds(60) + "\",\"to\":\"" + now.plusSeconds(3600) + "\"}",
                "{\"workflow\":\"" + f.key + "\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{\"workflow\":\"" + f.key + "\",\"from\":\"yesterday\",\"to\":\"" + now.minusSeconds(60) + "\"}",
                "{\"workflow\":\"no-such-workflow\",\"from\":\"" + now.minusSeconds(600) + "\",\"to\":\"" + now.minusSeconds(60) + "\"}");
        for (String body : bad) {
            HttpResponse<String> refused = f.auditor.postJson("api/v1/reports", body);
            assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
            assertEquals(PROBLEM_JSON, refused.headers().firstValue("Content-Type").orElse(""), body);
            assertTrue(object(refused).getString("detail").length() > 5, refused.body());
        }
        String good = "{\"from\":\"" + now.minusSeconds(600) + "\",\"to\":\"" + now.minusSeconds(60) + "\"}";
        String login = "rv-" + UUID.randomUUID().toString().substring(0, 8);
        f.admin.createUser(login, TasksFixture.PASSWORD, "reviewer");
        ApiClient reviewer = ApiClient.as(deployment, login, TasksFixture.PASSWORD);
        assertEquals(403, reviewer.postJson("api/v1/reports", good).statusCode());
        assertEquals(403, reviewer.get("api/v1/reports").statusCode());
        assertEquals(403, f.integration.postJson("api/v1/reports", good).statusCode());
        assertEquals(before, array(expect(200, f.auditor.get("api/v1/reports?limit=500"))).size(), "nothing was created");

        for (String path : List.of("api/v1/reports/no-such-job", "api/v1/reports/no-such-job/xml")) {
            HttpResponse<String> missing = f.auditor.get(path);
            assertEquals(404, missing.statusCode(), path);
            assertEquals(PROBLEM_JSON, missing.headers().firstValue("Content-Type").orElse(""), path);
        }
        assertEquals(404, f.auditor.postJson("api/v1/reports/no-such-job/restart", "").statusCode());
    }

    /**
     * A server stop leaves a job RUNNING with a heartbeat that no longer moves: that is the row made
     * here. Every server shows it as INTERRUPTED; restarting runs it again to completion.
     */
    @Test
    void aJobWhoseServerStoppedIsShownInterruptedAndRunsAgainWhenRestarted() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant stopped = Instant.now().minusSeconds(600);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO export_job (id, kind, workflow_key, period_from, period_to, state, requested_by, requested_role, "
                        + "requested_at, started_at, heartbeat_at, rows_done, rows_total) "
                        + "VALUES (?, 'REPORT', NULL, ?, ?, 'RUNNING', 'system:it', 'auditor', ?, ?, ?, 10, 100)")) {
            s.setString(1, id);
            s.setObject(2, stopped.minusSeconds(3600).atOffset(ZoneOffset.UTC));
            s.setObject(3, stopped.atOffset(ZoneOffset.UTC));
            s.setObject(4, stopped.atOffset(ZoneOffset.UTC));
            s.setObject(5, stopped.atOffset(ZoneOffset.UTC));
            s.setObject(6, stopped.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
        ReportJob interrupted = reports.find(id).orElseThrow();
        assertEquals(JobState.INTERRUPTED, interrupted.state());
        assertTrue(interrupted.failure().orElseThrow().contains("stopped"));

        ReportJob again = reports.restart(id);
        assertNotEquals(JobState.INTERRUPTED, again.state());
        assertEquals(2, again.attempts());
        ReportJob done = await(() -> {
            ReportJob j = reports.find(id).orElseThrow();
            return j.state().finished() ? j : null;
        }, "the restarted job");
        assertEquals(JobState.COMPLETED, done.state(), done.failure().orElse(""));
        assertTrue(done.xmlSha256().isPresent() && done.pdfSha256().isPresent());
    }

    private static Element element(Document doc, String name) {
        return (Element) doc.getElementsByTagNameNS(NS, name).item(0);
    }

    private static byte[] download(ApiClient client, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                client.base() + path)).header("Authorization", client.authorization()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static <T> T await(Supplier<T> probe, String what) {
        for (int attempt = 0; attempt < 600; attempt++) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            pause(200);
        }
        return fail("gave up waiting for " + what);
    }

    private record Verified(int exitCode, String output) {
    }

    private static Verified verifier(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("it.verifier.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the verifier finished");
        return new Verified(process.exitValue(), output);
    }
}
