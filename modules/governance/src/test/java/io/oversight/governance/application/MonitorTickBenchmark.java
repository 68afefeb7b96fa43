package io.oversight.governance.application;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import io.oversight.governance.LoopObservations;
import io.oversight.governance.infrastructure.MonitorConfigStore;
import io.oversight.governance.infrastructure.MonitorHeadStore;
import io.oversight.governance.infrastructure.ObservationStore;
import io.oversight.governance.infrastructure.ReferenceStore;
import io.oversight.governance.infrastructure.WindowStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The monitor tick at SPEC 4's scale, on the local PostgreSQL: a workflow whose history holds
 * 1,000,000 predictions and 200,000 human-final decisions over 30 days (folded through the tick
 * itself), then the rounds that matter in service: 30 s of new observations at 100 predictions/s, a
 * full batch, and an empty round. Not a unit test (tag {@code benchmark}); results are the lines
 * starting with {@code BENCH}. See docs/benchmarks.md.
 */
@Tag("benchmark")
class MonitorTickBenchmark {

    private static final String WORKFLOW = "bench";
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final ObservationStore OBSERVATIONS = new ObservationStore();
    private static final MonitorTick TICK = new MonitorTick(new MonitorHeadStore(), OBSERVATIONS, new WindowStore(),
            new ReferenceStore(), new MonitorConfigStore());
    private final Random random = new Random(42);

    private List<ObservationStore.Observation> observations(int predictions, int decisions, Instant from, Duration span) {
        List<ObservationStore.Observation> rows = new ArrayList<>(predictions + decisions);
        for (int i = 0; i < predictions; i++) {
            Instant at = from.plusMillis((long) (random.nextDouble() * span.toMillis()));
            double confidence = Math.min(1, Math.max(0, 0.75 + 0.15 * random.nextGaussian()));
            rows.add(ObservationKinds.of(new LoopObservations.Prediction(WORKFLOW, "snap-" + (i % 2), at, confidence,
                    random.nextInt(10) < 7 ? "ok" : "fraud", confidence >= 0.9 ? "AUTO_ACCEPT" : "HUMAN_REVIEW")));
        }
        for (int i = 0; i < decisions; i++) {
            Instant at = from.plusMillis((long) (random.nextDouble() * span.toMillis()));
            double confidence = Math.min(1, Math.max(0, 0.7 + 0.15 * random.nextGaussian()));
            boolean agreed = random.nextDouble() < confidence;
            rows.add(ObservationKinds.of(new LoopObservations.Decision(WORKFLOW, "snap-" + (i % 2), at, confidence, agreed,
                    agreed ? "APPROVE" : "CORRECT", "REVIEW")));
        }
        return rows;
    }

    private static void insert(DataSource db, List<ObservationStore.Observation> rows) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows.size(); i += 10_000) {
                OBSERVATIONS.insertObservations(c, rows.subList(i, Math.min(rows.size(), i + 10_000)));
            }
            c.commit();
        }
    }

    private static MonitorTick.Result tick(DataSource db, Instant now) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            MonitorTick.Result r = TICK.run(c, now, "bench", new MonitorTick.AlertSink() {
                @Override
                public String opened(Connection connection, io.oversight.governance.AlertRule rule,
                        io.oversight.governance.MonitorValue value, Instant at) {
                    return "none";
                }

                @Override
                public void closed(Connection connection, io.oversight.governance.AlertRule rule, String alertId,
                        io.oversight.governance.MonitorValue value, Instant at) {
                }
            });
            c.commit();
            return r;
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private void timed(DataSource db, String name, Instant now) throws SQLException {
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        MonitorTick.Result r = tick(db, now);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("BENCH %s: %d observations, %d windows, %d ms, heap %+d MiB (max heap %d MiB)%n", name,
                r.observations(), r.windows(), ms, (usedHeap() - heapBefore) >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    @Test
    void aTickAtOneMillionPredictions() throws Exception {
        DataSource db = TestDatabase.POSTGRES.fresh(GovernanceTestSchema.MIGRATIONS);
        GovernanceTestSchema.workflow(db, WORKFLOW);
        Duration month = Duration.ofDays(30);
        long t0 = System.nanoTime();
        for (int part = 0; part < 10; part++) {
            insert(db, observations(100_000, 20_000, START.plus(month.dividedBy(10).multipliedBy(part)), month.dividedBy(10)));
            while (tick(db, START.plus(month)).observations() > 0) {
                // drain the history through the tick, as a server would have over the month
            }
        }
        System.out.printf("BENCH history: 1,000,000 predictions and 200,000 decisions folded in %d s%n",
                (System.nanoTime() - t0) / 1_000_000_000);
        Instant now = START.plus(month);
        System.gc();
        insert(db, observations(3_000, 600, now.minusSeconds(30), Duration.ofSeconds(30)));
        timed(db, "steady round (30 s at 100 predictions/s + 20 decisions/s)", now);
        insert(db, observations(40_000, 10_000, now.minusSeconds(600), Duration.ofSeconds(600)));
        timed(db, "full batch (50,000 observations)", now.plusSeconds(1));
        timed(db, "empty round", now.plusSeconds(2));
    }
}
