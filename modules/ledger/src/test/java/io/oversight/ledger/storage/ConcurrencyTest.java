package io.oversight.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.format.VerificationReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC 2 and L2: recorders commit and roll back concurrently while two sequencers (as on two
 * servers, each with its own connection) seal; the result is one linear log with every committed
 * record exactly once, no rolled-back one, no gap, and it verifies online and offline.
 */
class ConcurrencyTest {

    private static final long RUN_MILLIS = 3_000;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoSequencersAndFourRecordersProduceOneLinearLog(TestDatabase database) throws Exception {
        LedgerHarness first = new LedgerHarness(database, tmp, 50, 200);
        // The second sequencer shares only the database with the first, like a second server.
        LedgerHarness second = new LedgerHarness(database, first.dataSource, tmp, 80, 300);
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        Set<Long> rolledBack = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> tasks = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            int recorder = r;
            tasks.add(pool.submit(() -> {
                int n = 0;
                try (Connection connection = first.dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    while (running.get()) {
                        int size = 1 + ThreadLocalRandom.current().nextInt(4);
                        List<Long> ids = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            ids.add(Outbox.append(connection, FixtureRecords.record("r" + recorder + "-" + n++),
                                    Micros.now(first.clock)).value());
                        }
                        if (ThreadLocalRandom.current().nextInt(5) == 0) {
                            connection.rollback();
                            rolledBack.addAll(ids);
                        } else {
                            connection.commit();
                            committed.addAll(ids);
                        }
                    }
                }
                return null;
            }));
        }
        for (LedgerHarness sequencer : List.of(first, second)) {
            tasks.add(pool.submit(() -> {
                try (Connection connection = sequencer.dataSource.getConnection()) {
                    while (running.get()) {
                        sequencer.sequencer.runCycle(connection);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(RUN_MILLIS);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        for (Future<?> task : tasks) {
            task.get();
        }
        first.sealAll();
        first.checkpointNow();

        List<Long> sealedIds = new ArrayList<>();
        try (Connection connection = first.dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT seq, record_id FROM ledger_entry ORDER BY seq")) {
            long expected = 0;
            while (rows.next()) {
                assertEquals(expected++, rows.getLong(1), "no gap in sequence numbers");
                sealedIds.add(rows.getLong(2));
            }
        }
        assertTrue(committed.size() > 500, "the run recorded enough to mean something: " + committed.size());
        assertEquals(committed.size(), sealedIds.size(), "every committed record sealed, once");
        assertEquals(committed, Set.copyOf(sealedIds));
        assertTrue(sealedIds.stream().noneMatch(rolledBack::contains), "no rolled-back record sealed");

        OnlineVerifier.Outcome online = first.verifyOnline(0);
        assertTrue(online.verified(), () -> online.failure().orElseThrow().getMessage());
        // A bundle carries its edge checkpoints and those asked for (ADR 0024): ask for those signed
        // along the way, so the offline verifier checks both sequencers' signatures.
        List<Long> signedAlongTheWay = new ArrayList<>();
        try (Connection connection = first.dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT tree_size FROM ledger_checkpoint WHERE tree_size > 0 ORDER BY tree_size")) {
            while (rows.next() && signedAlongTheWay.size() < BundleRequest.MAX_REQUESTED_CHECKPOINTS) {
                signedAlongTheWay.add(rows.getLong(1));
            }
        }
        VerificationReport offline = LedgerHarness.verifyOffline(
                first.export(BundleRequest.wholeLog().withCheckpoints(signedAlongTheWay)), first.trust(), Optional.empty());
        assertTrue(offline.verified(), () -> offline.failure().orElseThrow().getMessage());
        assertTrue(offline.verifiedCheckpoints().size() > 2, "both sequencers signed along the way");
    }

    @Test
    void appendOnlyTriggersRefuseUpdatesAndDeletesOnPostgres() throws Exception {
        LedgerHarness ledger = new LedgerHarness(TestDatabase.POSTGRES, tmp, 300, 1_000);
        ledger.grow(300, 300);
        for (String change : List.of(
                "UPDATE ledger_entry SET logged_at_micros = 0 WHERE seq = 3",
                "DELETE FROM ledger_entry WHERE seq = 299",
                "UPDATE ledger_tile SET root_hash = hashes",
                "DELETE FROM ledger_tile",
                "UPDATE ledger_checkpoint SET note = 'x'",
                "DELETE FROM ledger_checkpoint",
                "TRUNCATE ledger_entry",
                "TRUNCATE ledger_checkpoint",
                "TRUNCATE ledger_tile")) {
            try (Connection connection = ledger.dataSource.getConnection()) {
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> connection.createStatement().executeUpdate(change), change);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        assertTrue(ledger.verifyOnline(0).verified());
    }
}
