package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.CheckpointVerifier;
import io.oversight.ledger.format.LedgerHashes;
import io.oversight.ledger.format.ProofVerifier;
import io.oversight.ledger.format.TrustFile;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit ledger on a running server: an audited action is sealed with a proof an auditor checks
 * with nothing but the published format code and the trust file; a bundle exported over REST
 * verifies with {@code java -jar oversight-verifier.jar} and fails after one changed byte.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerIT {

    private static final String ORIGIN = "oversight.local/ledger";
    private static final String PASSWORD = "correct-horse-battery";
    private static final Duration SEALING_WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient auditor;

    @BeforeEach
    void createAuditor() {
        String name = "aud-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser(name, PASSWORD, "auditor");
        auditor = ApiClient.as(deployment, name, PASSWORD);
    }

    private static <T> T awaitPresent(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(SEALING_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** The sealed account-created entry whose roles attribute is {@code roles}, once sealed. */
    private JsonObject awaitAccountEntry(String roles) throws InterruptedException {
        return awaitPresent(() -> {
            HttpResponse<String> page = auditor.get("api/v1/ledger/entries?action=app.account.created&limit=1000");
            assertEquals(200, page.statusCode(), page.body());
            return object(page).getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                    .filter(e -> roles.equals(e.getJsonObject("attributes").getString("roles", "")))
                    .reduce((first, second) -> second);
        }, "the account-created entry with roles " + roles);
    }

    @Test
    void anAuditedActionIsSealedAndItsInclusionProofVerifiesAgainstTheSignedCheckpoint() throws Exception {
        ApiClient.asAdmin(deployment).createUser("exp-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD,
                "expert", "governance");

        JsonObject entry = awaitAccountEntry("expert,governance");
        long sequence = entry.getJsonNumber("sequence").longValue();
        JsonObject withProof = awaitPresent(() -> {
            JsonObject e = object(auditor.get("api/v1/ledger/entries/" + sequence + "?proof=true"));
            return e.containsKey("proof") ? Optional.of(e) : Optional.empty();
        }, "a checkpoint covering entry " + sequence);

        assertEquals("admin", withProof.getString("actorRole"));
        assertFalse(withProof.getString("actorPseudonym").contains(ApiClient.ADMIN), "actors appear only as pseudonyms");
        byte[] stored = Base64.getDecoder().decode(withProof.getString("storedBytes"));
        byte[] leaf = LedgerHashes.leafHash(stored);
        assertEquals(withProof.getString("leafHash"), HexFormat.of().formatHex(leaf));

        JsonObject proof = withProof.getJsonObject("proof");
        byte[] note = proof.getString("checkpoint").getBytes(StandardCharsets.UTF_8);
        byte[] trust = auditor.get("api/v1/ledger/trust").body().getBytes(StandardCharsets.UTF_8);
        Checkpoint checkpoint = new CheckpointVerifier(ORIGIN, TrustFile.parse(trust)).verify(note);
        List<byte[]> hashes = proof.getJsonArray("hashes").stream()
                .map(h -> HexFormat.of().parseHex(((jakarta.json.JsonString) h).getString())).toList();
        ProofVerifier.verifyInclusion(sequence, checkpoint.size(), leaf, hashes, checkpoint.rootHash().bytes());
        assertEquals(proof.getJsonNumber("treeSize").longValue(), checkpoint.size());
    }

    @Test
    void anExportedBundleVerifiesWithTheOfflineVerifierAndFailsAfterOneChangedByte(
            @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        ApiClient.asAdmin(deployment).createUser("rev-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD,
                "reviewer", "adjudicator");
        long sequence = awaitAccountEntry("adjudicator,reviewer").getJsonNumber("sequence").longValue();
        awaitPresent(() -> {
            HttpResponse<String> latest = auditor.get("api/v1/ledger/checkpoints/latest");
            // a checkpoint's second line is its tree size (C2SP tlog-checkpoint)
            return latest.statusCode() == 200 && Long.parseLong(latest.body().split("\n")[1]) > sequence
                    ? Optional.of(latest.body()) : Optional.empty();
        }, "a checkpoint covering entry " + sequence);

        Path bundle = work.resolve("bundle.zip");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(deployment + "api/v1/ledger/bundle?from=0"))
                        .header("Authorization", auditor.authorization()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        Files.write(bundle, download.body());
        Path trust = work.resolve("trust.txt");
        Files.writeString(trust, auditor.get("api/v1/ledger/trust").body());

        Path tampered = work.resolve("tampered.zip");
        Files.write(tampered, withOneByteChangedInEntries(download.body()));

        Verification good = runVerifier(bundle, trust);
        Verification bad = runVerifier(tampered, trust);

        assertEquals(0, good.exitCode(), good.output());
        assertEquals(1, bad.exitCode(), bad.output());
        assertTrue(bad.output().toLowerCase().contains("sequence"), bad.output());
    }

    @Test
    void aRangeBundleCarriesThePreviousEntryAndOnlyTheCheckpointsAnAuditorNeeds(
            @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        long kept = latestCheckpointSize();
        ApiClient.asAdmin(deployment).createUser("rng-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, "annotator");
        long later = awaitPresent(() -> {
            long size = latestCheckpointSize();
            return size > kept ? Optional.of(size) : Optional.empty();
        }, "a checkpoint after size " + kept);

        long from = Math.max(1, kept - 1);
        byte[] download = downloadBundle("from=" + from + "&checkpoint=" + kept);
        Map<String, byte[]> files = unzip(download);
        assertTrue(new String(files.get("bundle.properties"), StandardCharsets.UTF_8)
                .startsWith("format-version=2\norigin=" + ORIGIN + "\nfirst-sequence=" + from + "\n"));
        assertArrayEquals(Base64.getDecoder().decode(object(auditor.get("api/v1/ledger/entries/" + (from - 1)))
                .getString("storedBytes")), files.get("previous-entry.bin"), "the entry before the range, as stored");
        List<Long> sizes = files.keySet().stream().filter(n -> n.startsWith("checkpoints/"))
                .map(n -> Long.parseLong(n.substring("checkpoints/".length(), n.length() - ".note".length()))).sorted().toList();
        assertTrue(sizes.contains(kept), "the checkpoint asked for: " + sizes);
        assertTrue(sizes.get(sizes.size() - 1) >= later, "the latest: " + sizes);
        assertTrue(sizes.size() <= 3, "the first at or after from, the one asked for and the latest, no more: " + sizes);

        Path bundle = work.resolve("range.zip");
        Files.write(bundle, download);
        Path trust = work.resolve("trust.txt");
        Files.writeString(trust, auditor.get("api/v1/ledger/trust").body());
        Verification verified = runVerifier(bundle, trust);
        assertEquals(0, verified.exitCode(), verified.output());
        assertTrue(verified.output().contains("checkpoint        size " + kept + ","), verified.output());

        Map<String, byte[]> whole = unzip(downloadBundle("from=0"));
        assertTrue(whole.keySet().stream().filter(n -> n.startsWith("checkpoints/")).count() <= 2,
                "a whole-log bundle carries its two edge checkpoints, not one per second: " + whole.keySet());
        assertFalse(whole.containsKey("previous-entry.bin"));
    }

    private byte[] downloadBundle(String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(deployment + "api/v1/ledger/bundle?" + query))
                        .header("Authorization", auditor.authorization()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), query);
        return download.body();
    }

    private long latestCheckpointSize() {
        HttpResponse<String> latest = auditor.get("api/v1/ledger/checkpoints/latest");
        // a checkpoint's second line is its tree size (C2SP tlog-checkpoint)
        return latest.statusCode() == 200 ? Long.parseLong(latest.body().split("\n")[1]) : 0;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void onlineVerificationOfTheWholeLogSucceeds() throws Exception {
        HttpResponse<String> started = auditor.postJson("api/v1/ledger/verify?from=0", "");
        assertEquals(202, started.statusCode(), started.body());
        String job = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        String jobPath = job.substring(job.indexOf("api/v1/"));

        JsonObject finished = awaitPresent(() -> {
            JsonObject status = object(auditor.get(jobPath));
            return "RUNNING".equals(status.getString("state")) ? Optional.empty() : Optional.of(status);
        }, "verification job " + jobPath);

        assertEquals("VERIFIED", finished.getString("state"), finished.toString());
        assertFalse(finished.containsKey("failure"), finished.toString());
    }

    @Test
    void invalidQueryParametersAreRefusedWithAPreciseProblem() {
        List<String> bad = List.of(
                "api/v1/ledger/entries?afterSequence=-1",
                "api/v1/ledger/entries?from=2026-11-21T10:00:00Z&to=2026-11-20T10:00:00Z",
                "api/v1/ledger/entries?from=yesterday",
                "api/v1/ledger/entries?limit=0",
                "api/v1/ledger/entries/minus-one",
                "api/v1/ledger/proofs/consistency?from=5&to=2",
                "api/v1/ledger/bundle?checkpoint=abc",
                "api/v1/ledger/bundle?checkpoint=0",
                "api/v1/ledger/bundle?checkpoint=999999999",
                "api/v1/ledger/bundle?from=5&checkpoint=2",
                "api/v1/ledger/bundle?to=10&checkpoint=11",
                "api/v1/ledger/bundle?checkpoint=" + String.join(",", java.util.Collections.nCopies(101, "1")));
        for (String path : bad) {
            HttpResponse<String> response = auditor.get(path);
            assertEquals(400, response.statusCode(), path + " -> " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), path);
            assertFalse(object(response).getString("detail").isBlank(), path);
        }
    }

    @Test
    void theLedgerIsForAuditorsOnly() {
        String reviewer = "rv-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser(reviewer, PASSWORD, "reviewer");

        assertEquals(401, ApiClient.anonymous(deployment).get("api/v1/ledger/entries").statusCode());
        assertEquals(403, ApiClient.as(deployment, reviewer, PASSWORD).get("api/v1/ledger/entries").statusCode());
        assertEquals(403, ApiClient.as(deployment, reviewer, PASSWORD).get("api/v1/ledger/bundle").statusCode());
        assertEquals(403, ApiClient.as(deployment, reviewer, PASSWORD)
                .postJson("api/v1/ledger/subjects/ps-any/reveal", "{\"justification\":\"curiosity\"}").statusCode());
        assertEquals(200, auditor.get("api/v1/ledger/entries").statusCode());
    }

    @Test
    void readinessIncludesARunningSequencer() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(deployment.toString()).resolve("/health/ready")).build(), HttpResponse.BodyHandlers.ofString());

        JsonObject ledger = object(response).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("ledger")).findFirst().orElseThrow();
        assertEquals("UP", ledger.getString("status"), response.body());
        assertTrue(ledger.getJsonObject("data").getBoolean("running"));
        assertNotEquals(0, ledger.getJsonObject("data").getJsonNumber("treeSize").longValue());
    }

    @Test
    void anAuditorRevealsAPseudonymForAReasonAndTheRevealIsRecorded() throws Exception {
        String username = "rvl-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser(username, PASSWORD, "adjudicator", "annotator", "auditor");
        String pseudonym = awaitAccountEntry("adjudicator,annotator,auditor").getString("subjectId");
        String justification = "Data subject access request 2026-118";

        HttpResponse<String> revealed = auditor.postJson("api/v1/ledger/subjects/" + pseudonym + "/reveal",
                "{\"justification\":\"" + justification + "\"}");
        HttpResponse<String> withoutReason = auditor.postJson("api/v1/ledger/subjects/" + pseudonym + "/reveal", "{}");
        HttpResponse<String> unknown = auditor.postJson("api/v1/ledger/subjects/ps-unknown/reveal",
                "{\"justification\":\"curiosity\"}");

        assertEquals(200, revealed.statusCode(), revealed.body());
        assertEquals(username, object(revealed).getString("identity"));
        assertEquals("ACTOR", object(revealed).getString("kind"));
        assertEquals(400, withoutReason.statusCode());
        assertEquals("application/problem+json", withoutReason.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, unknown.statusCode());
        String expectedDigest = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(justification.getBytes(StandardCharsets.UTF_8)));
        JsonObject recorded = awaitPresent(() -> object(auditor.get("api/v1/ledger/entries?action=ledger.subject.revealed&limit=1000"))
                .getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .filter(e -> pseudonym.equals(e.getString("subjectId", ""))).findFirst(), "the reveal entry");
        assertEquals(expectedDigest, recorded.getString("rationaleDigest"), "only the justification's digest is recorded");
        assertEquals("auditor", recorded.getString("actorRole"));
    }

    private record Verification(int exitCode, String output) {
    }

    private static Verification runVerifier(Path bundle, Path trust) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("it.verifier.jar"), bundle.toString(), "--trust", trust.toString(),
                "--origin", ORIGIN));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the verifier finished");
        return new Verification(process.exitValue(), output);
    }

    /** The same zip with one byte of the first entry's stored bytes changed. */
    private static byte[] withOneByteChangedInEntries(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith("entries.bin")) {
                    // past the 4-byte length prefix and the format version: inside the first entry
                    content[4 + 20] ^= 0x01;
                }
                rewritten.putNextEntry(new ZipEntry(entry.getName()));
                rewritten.write(content);
                rewritten.closeEntry();
            }
        }
        byte[] result = out.toByteArray();
        assertFalse(java.util.Arrays.equals(zip, result));
        return result;
    }

    @Test
    void storedBytesAreWhatTheLeafHashCovers() throws Exception {
        JsonObject entry = awaitPresent(() -> object(auditor.get("api/v1/ledger/entries?limit=1")).getJsonArray("entries")
                .stream().map(JsonValue::asJsonObject).findFirst(), "a first entry");

        byte[] stored = Base64.getDecoder().decode(entry.getString("storedBytes"));
        assertArrayEquals(HexFormat.of().parseHex(entry.getString("leafHash")), LedgerHashes.leafHash(stored));
        assertEquals(0, entry.getJsonNumber("sequence").longValue());
    }
}
