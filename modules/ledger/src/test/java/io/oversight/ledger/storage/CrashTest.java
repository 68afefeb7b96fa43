package io.oversight.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.LocalPostgres;
import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.format.VerificationReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 4 (reliability): a process recording and sealing on PostgreSQL is killed with SIGKILL under
 * load. Afterwards a new sequencer seals every record the process saw committed, each exactly once,
 * and the log verifies online and offline.
 */
class CrashTest {

    private static final String DATABASE = "oversight_ledger_crash";
    private static final int COMMITTED_BEFORE_KILL = 4_000;

    @TempDir
    Path tmp;

    @Test
    void killMinusNineLosesNoCommittedRecordAndLeavesAVerifiableLog() throws Exception {
        LedgerHarness ledger = new LedgerHarness(TestDatabase.POSTGRES, TestDatabase.freshPostgres(DATABASE, LedgerTestSchema.MIGRATIONS), tmp, 1_000, 1_000);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Doversight.test.db.suffix=" + TestDatabase.SUFFIX,
                "-Doversight.test.postgres.host=" + LocalPostgres.HOST,
                "-Doversight.test.postgres.port=" + LocalPostgres.PORT,
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), DATABASE,
                tmp.resolve("ledger.p12").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Set<Long> reported = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (reported.size() < COMMITTED_BEFORE_KILL && System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                if (line.startsWith("C ")) {
                    reported.add(Long.parseLong(line.substring(2)));
                }
            }
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of its stdout.
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            // Lines the child flushed before dying still count: their transactions committed.
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("C ")) {
                    try {
                        reported.add(Long.parseLong(line.substring(2)));
                    } catch (NumberFormatException cutOff) {
                        // the kill cut this line short; its id was printed after the commit, so
                        // missing it only makes the check weaker, never wrong
                    }
                }
            }
        }
        assertTrue(reported.size() >= COMMITTED_BEFORE_KILL, "the child committed under load: " + reported.size());
        long sealedBeforeRecovery = LedgerHead.readSize(ledger.dataSource);

        ledger.sealAll();
        ledger.checkpointNow();

        Map<Long, Integer> sealed = new HashMap<>();
        try (Connection connection = ledger.dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT record_id FROM ledger_entry")) {
            while (rows.next()) {
                sealed.merge(rows.getLong(1), 1, Integer::sum);
            }
        }
        assertTrue(sealed.values().stream().allMatch(n -> n == 1), "no record sealed twice");
        Set<Long> lost = new HashSet<>(reported);
        lost.removeAll(sealed.keySet());
        assertEquals(Set.of(), lost, "committed records missing from the log");
        assertTrue(sealedBeforeRecovery > 0, "the child's sequencer was sealing when it died");

        OnlineVerifier.Outcome online = ledger.verifyOnline(0);
        assertTrue(online.verified(), () -> online.failure().orElseThrow().getMessage());
        VerificationReport offline = LedgerHarness.verifyOffline(ledger.export(BundleRequest.wholeLog()), ledger.trust(),
                Optional.empty());
        assertTrue(offline.verified(), () -> offline.failure().orElseThrow().getMessage());
    }
}
