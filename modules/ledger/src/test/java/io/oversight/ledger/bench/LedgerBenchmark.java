package io.oversight.ledger.bench;

import io.oversight.ledger.storage.LedgerTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.format.TiledTree;
import io.oversight.ledger.storage.BenchmarkSupport;
import io.oversight.ledger.storage.FixtureRecords;
import io.oversight.ledger.storage.LedgerKeyStore;
import io.oversight.ledger.storage.LedgerSettings;
import io.oversight.ledger.storage.Outbox;
import io.oversight.ledger.storage.Sequencer;
import io.oversight.ledger.storage.TileStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4 ledger targets on the local PostgreSQL: sustained recording + sealing throughput and sealing
 * latency, pure sealing throughput, and proof times at one million entries. Prints its results; run
 * on demand (see docs/benchmarks.md). Sizes can be changed with system properties
 * {@code bench.seconds}, {@code bench.recorders}, {@code bench.entries}, {@code bench.batched}.
 */
@Tag("benchmark")
class LedgerBenchmark {

    private static final String ORIGIN = "oversight.bench/ledger";
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void sustainedRecordingAndSealing() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 30);
        int recorders = Integer.getInteger("bench.recorders", 4);
        int perTransaction = 4;
        // bench.batched: each transaction's records go as one JDBC batch (AuditRecorder.recordAll), which
        // the data source (reWriteBatchedInserts, as the product's) sends as one multi-row INSERT
        boolean batched = Boolean.getBoolean("bench.batched");
        DataSource dataSource = TestDatabase.freshPostgres("oversight_ledger_bench", LedgerTestSchema.MIGRATIONS);
        // the product's defaults (oversight.ledger.batch.size, oversight.ledger.checkpoint.max-entries)
        // unless told otherwise: what the sustained run measures is what a server would do
        Sequencer sequencer = sequencer(Integer.getInteger("bench.batch", 2_000),
                Long.getLong("bench.checkpointEntries", 10_000));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong recorded = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(recorders);
        for (int r = 0; r < recorders; r++) {
            int recorder = r;
            pool.submit(() -> {
                int n = 0;
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    while (running.get()) {
                        if (batched) {
                            List<LedgerRecord> records = new ArrayList<>(perTransaction);
                            for (int i = 0; i < perTransaction; i++) {
                                records.add(FixtureRecords.record("b" + recorder + "-" + n++));
                            }
                            Outbox.appendAll(connection, records, BenchmarkSupport.micros(CLOCK));
                        } else {
                            for (int i = 0; i < perTransaction; i++) {
                                Outbox.append(connection, FixtureRecords.record("b" + recorder + "-" + n++),
                                        BenchmarkSupport.micros(CLOCK));
                            }
                        }
                        connection.commit();
                        recorded.addAndGet(perTransaction);
                    }
                }
                return null;
            });
        }
        long[] latencies = new long[16_000_000];
        int latencyCount = 0;
        long sealed = 0;
        long warmup = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long end = warmup + TimeUnit.SECONDS.toNanos(seconds);
        long measuredSealed = 0;
        long recordedAtWarmup = 0;
        try (Connection connection = dataSource.getConnection()) {
            while (System.nanoTime() < end) {
                Optional<Sequencer.SealedBatch> batch = sequencer.sealNextBatch(connection);
                long now = BenchmarkSupport.micros(CLOCK);
                sequencer.signCheckpointIfDue(connection);
                if (batch.isEmpty()) {
                    Thread.sleep(5);
                    continue;
                }
                boolean measuring = System.nanoTime() > warmup;
                if (measuring && recordedAtWarmup == 0) {
                    recordedAtWarmup = recorded.get();
                }
                sealed += batch.get().count();
                if (measuring) {
                    measuredSealed += batch.get().count();
                    for (long recordedAt : batch.get().recordedAtMicros()) {
                        if (latencyCount < latencies.length) {
                            latencies[latencyCount++] = now - recordedAt;
                        }
                    }
                }
            }
        }
        long recordedInWindow = recorded.get() - recordedAtWarmup;
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        long[] measured = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(measured);
        System.out.printf("BENCH sustained: %d recorder threads x %d-record transactions (%s), %d s measured after 5 s warm-up%n",
                recorders, perTransaction, batched ? "one batched insert each" : "one insert per record", seconds);
        System.out.printf("BENCH recorded %.0f records/s, sealed %.0f entries/s (%d sealed in total)%n",
                recordedInWindow / (double) seconds, measuredSealed / (double) seconds, sealed);
        System.out.printf("BENCH sealing latency (record written -> batch committed): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(measured, 0.50) / 1000.0, percentile(measured, 0.99) / 1000.0,
                measured.length == 0 ? 0 : measured[measured.length - 1] / 1000.0);
    }

    @Test
    void sealingThroughputAndProofTimesAtOneMillion() throws Exception {
        long entries = Long.getLong("bench.entries", 1_000_000L);
        DataSource dataSource = TestDatabase.freshPostgres("oversight_ledger_bench", LedgerTestSchema.MIGRATIONS);
        Sequencer sequencer = sequencer(10_000, 100_000);
        long sealNanos = 0;
        long fillNanos = 0;
        long sealed = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (sealed < entries) {
                int chunk = (int) Math.min(100_000, entries - sealed);
                long t0 = System.nanoTime();
                List<LedgerRecord> records = new ArrayList<>(chunk);
                for (int i = 0; i < chunk; i++) {
                    records.add(FixtureRecords.record("m" + (sealed + i)));
                }
                BenchmarkSupport.appendAll(connection, records, BenchmarkSupport.micros(CLOCK));
                connection.commit();
                long t1 = System.nanoTime();
                long done = 0;
                while (done < chunk) {
                    done += sequencer.sealNextBatch(connection).orElseThrow().count();
                    sequencer.signCheckpointIfDue(connection);
                }
                long t2 = System.nanoTime();
                fillNanos += t1 - t0;
                sealNanos += t2 - t1;
                sealed += done;
            }
            sequencer.signCheckpointNow(connection);
            connection.commit();
        }
        System.out.printf("BENCH bulk: %d entries; outbox fill %.0f records/s; sealing alone %.0f entries/s%n",
                sealed, sealed / (fillNanos / 1e9), sealed / (sealNanos / 1e9));

        Random random = new Random(1);
        try (Connection connection = dataSource.getConnection()) {
            TiledTree tree = TileStores.tree(connection, sealed);
            for (int i = 0; i < 200; i++) {
                tree.inclusionProof(random.nextLong(sealed));
            }
            int rounds = 2_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                tree.inclusionProof(random.nextLong(sealed));
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                tree.consistencyProof(1 + random.nextLong(sealed - 1));
            }
            long t2 = System.nanoTime();
            System.out.printf("BENCH proofs at %d entries (PostgreSQL, tiles): inclusion %.2f ms, consistency %.2f ms (mean of %d)%n",
                    sealed, (t1 - t0) / 1e6 / rounds, (t2 - t1) / 1e6 / rounds, rounds);
        }
    }

    private static Sequencer sequencer(int batchSize, long checkpointEntries) throws Exception {
        Path keys = Files.createTempDirectory("ledger-bench").resolve("bench.p12");
        LedgerKeyStore keyStore = LedgerKeyStore.open(keys, "bench".toCharArray(), ORIGIN, "bench-key", true);
        return new Sequencer(new LedgerSettings(ORIGIN, "bench-key", batchSize, checkpointEntries, Duration.ofSeconds(1)),
                keyStore, CLOCK);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
