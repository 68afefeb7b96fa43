package io.oversight.governance.application;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.AlertRule;
import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorValue;
import io.oversight.governance.domain.monitoring.MonitorValues;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import io.oversight.governance.infrastructure.AlertStore;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The monitor tick against a real database: observations are folded once, whoever runs the tick;
 * rules open one alert per episode; windows below the minimum say "not enough data".
 */
class MonitorTickTest {

    private static final String WORKFLOW = "loans";
    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final MonitorConfigStore CONFIG = new MonitorConfigStore();
    private static final ObservationStore OBSERVATIONS = new ObservationStore();
    private static final MonitorHeadStore HEAD = new MonitorHeadStore();
    private static final WindowStore WINDOWS = new WindowStore();
    private static final ReferenceStore REFERENCES = new ReferenceStore();
    private static final AlertStore ALERTS = new AlertStore();
    private static final MonitorTick TICK = new MonitorTick(HEAD, OBSERVATIONS, WINDOWS, REFERENCES, CONFIG);

    /** Records the sink's calls and writes the alert row, as the server's alert service does. */
    private static final class RecordingSink implements MonitorTick.AlertSink {
        final List<String> opened = new CopyOnWriteArrayList<>();
        final List<String> closed = new CopyOnWriteArrayList<>();
        final List<String> summaries = new CopyOnWriteArrayList<>();

        @Override
        public String opened(Connection c, AlertRule rule, MonitorValue value, Instant now) throws SQLException {
            String id = UUID.randomUUID().toString();
            ALERTS.insertAlert(c, new MonitorAlert(id, "MONITOR", rule.workflowKey(), Optional.of(rule.id()),
                    rule.monitor().name(), rule.severity().name(), "test", now, value.value(), Optional.of(value.n()),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Optional.of(value.windowStart()));
            opened.add(value.windowStart().toString());
            summaries.add(AlertService.summary(rule, value));
            return id;
        }

        @Override
        public void closed(Connection c, AlertRule rule, String alertId, MonitorValue value, Instant now) throws SQLException {
            ALERTS.closeAlert(c, alertId, now);
            closed.add(value.windowStart().toString());
        }
    }

    private static ObservationStore.Observation decision(Instant at, boolean agreed) {
        return ObservationKinds.of(new io.oversight.governance.LoopObservations.Decision(WORKFLOW, "snap-1", at, 0.9, agreed,
                agreed ? "APPROVE" : "CORRECT", "REVIEW"));
    }

    private static ObservationStore.Observation prediction(Instant at, double confidence, String label) {
        return ObservationKinds.of(new io.oversight.governance.LoopObservations.Prediction(WORKFLOW, "snap-1", at, confidence,
                label, "REVIEW"));
    }

    private static void insert(DataSource db, List<ObservationStore.Observation> rows) throws SQLException {
        try (Connection c = db.getConnection()) {
            OBSERVATIONS.insertObservations(c, rows);
        }
    }

    private static AlertRule agreementBelow(double threshold, int k, int minN) {
        return new AlertRule(UUID.randomUUID().toString(), WORKFLOW, Monitor.AGREEMENT, Optional.empty(), MonitorGrain.HOUR,
                AlertRule.Direction.BELOW, threshold, minN, AlertRule.Severity.WARNING, k, k, T0, false, 0,
                Optional.empty(), Optional.empty());
    }

    private static MonitorTick.Result tick(DataSource db, Instant now, String holder, MonitorTick.AlertSink sink)
            throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                MonitorTick.Result result = TICK.run(c, now, holder, sink);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoSchedulersOnOneDatabaseFoldEachObservationOnceAndOpenOneAlertPerEpisode(TestDatabase database)
            throws Exception {
        DataSource db = database.fresh(GovernanceTestSchema.MIGRATIONS);
        GovernanceTestSchema.workflow(db, WORKFLOW);
        try (Connection c = db.getConnection()) {
            CONFIG.insertRule(c, agreementBelow(0.8, 1, 10));
        }
        // three hours: 40 decisions each; agreement 90%, 50%, 90% → one episode (opens in hour 1, closes in hour 2)
        List<ObservationStore.Observation> rows = new ArrayList<>();
        double[] agreement = {0.9, 0.5, 0.9};
        for (int hour = 0; hour < 3; hour++) {
            for (int i = 0; i < 40; i++) {
                rows.add(decision(T0.plus(Duration.ofHours(hour)).plusSeconds(i * 60L), i < agreement[hour] * 40));
            }
        }
        insert(db, rows);

        RecordingSink sink = new RecordingSink();
        Instant now = T0.plus(Duration.ofHours(3)).plusSeconds(5);
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService servers = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (String server : List.of("server-a", "server-b")) {
            futures.add(servers.submit((Callable<Void>) () -> {
                start.await();
                for (int round = 0; round < 20; round++) {
                    if (tick(db, now, server, sink).ran()) {
                        ran.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        servers.shutdown();

        assertTrue(ran.get() >= 1, "some tick ran");
        assertEquals(List.of(T0.plus(Duration.ofHours(1)).toString()), sink.opened, "one alert, opened by the bad hour");
        assertEquals(List.of(T0.plus(Duration.ofHours(2)).toString()), sink.closed, "and closed by the next good hour");
        try (Connection c = db.getConnection()) {
            assertEquals(0, OBSERVATIONS.pendingObservations(c), "the outbox is drained");
            assertEquals(ran.get(), HEAD.ticks(c), "the head counts every round that held it");
            Map<Instant, WindowAggregate> hours = WINDOWS.windows(c, WORKFLOW, MonitorTick.WORKFLOW, MonitorGrain.HOUR,
                    T0, now);
            assertEquals(3, hours.size());
            hours.values().forEach(w -> assertEquals(40, w.decisions(), "each decision folded exactly once"));
            WindowAggregate day = WINDOWS.windows(c, WORKFLOW, "snap-1", MonitorGrain.DAY, T0, now).get(T0);
            assertEquals(120, day.decisions(), "the snapshot's day window holds all three hours");
            List<MonitorAlert> alerts = ALERTS.alerts(c, Optional.of(WORKFLOW), T0, now.plusSeconds(60), 10);
            assertEquals(1, alerts.size());
            assertFalse(alerts.get(0).open());
            AlertRule rule = CONFIG.rules(c, Optional.of(WORKFLOW)).get(0);
            assertEquals(Optional.of(T0.plus(Duration.ofHours(2))), rule.evaluatedTo(), "evaluated up to the last closed hour");
        }
        // a later tick in the same hour changes nothing: every closed window was evaluated once
        tick(db, now.plusSeconds(60), "server-a", sink);
        assertEquals(1, sink.opened.size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRoundThatAnotherServerHoldsIsSkippedAtOnce(TestDatabase database) throws Exception {
        DataSource db = database.fresh(GovernanceTestSchema.MIGRATIONS);
        insert(db, List.of(prediction(T0, 0.7, "ok")));
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            assertTrue(HEAD.tryLockHead(holder));
            MonitorTick.Result other = tick(db, T0.plusSeconds(1), "server-b", new RecordingSink());
            assertFalse(other.ran(), "the second server does not wait for, nor repeat, the first one's round");
            holder.rollback();
        }
        assertEquals(1, tick(db, T0.plusSeconds(2), "server-b", new RecordingSink()).observations());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void windowsBelowTheMinimumSayNotEnoughDataAndDriftWaitsForItsReference(TestDatabase database) throws Exception {
        DataSource db = database.fresh(GovernanceTestSchema.MIGRATIONS);
        GovernanceTestSchema.workflow(db, WORKFLOW);
        List<ObservationStore.Observation> rows = new ArrayList<>();
        // 1,000 reference predictions around 0.9 in hour 0 (the default reference is the first 1,000),
        // then 100 around 0.6 in hour 1; 5 decisions in hour 1 (below the default minimum of 30)
        for (int i = 0; i < 1000; i++) {
            rows.add(prediction(T0.plusSeconds(i), 0.85 + (i % 10) / 100.0, "ok"));
        }
        for (int i = 0; i < 100; i++) {
            rows.add(prediction(T0.plus(Duration.ofHours(1)).plusSeconds(i), 0.55 + (i % 10) / 100.0, i % 2 == 0 ? "ok" : "fraud"));
        }
        for (int i = 0; i < 5; i++) {
            rows.add(decision(T0.plus(Duration.ofHours(1)).plusSeconds(i), true));
        }
        insert(db, rows);
        tick(db, T0.plus(Duration.ofHours(2)), "server-a", new RecordingSink());
        try (Connection c = db.getConnection()) {
            WindowAggregate hour1 = WINDOWS.windows(c, WORKFLOW, MonitorTick.WORKFLOW, MonitorGrain.HOUR, T0,
                    T0.plus(Duration.ofHours(2))).get(T0.plus(Duration.ofHours(1)));
            Optional<WindowAggregate> reference = MonitorTick.completeReference(REFERENCES, c,
                    CONFIG.settings(c, WORKFLOW), MonitorTick.WORKFLOW, T0.plus(Duration.ofHours(2)));
            assertTrue(reference.isPresent());
            assertEquals(1000, reference.get().predictions(), "the reference stops at its first 1,000 predictions");
            MonitorValues.Window w = new MonitorValues.Window(WORKFLOW, Optional.empty(), MonitorGrain.HOUR,
                    T0.plus(Duration.ofHours(1)));
            MonitorValue agreement = MonitorValues.of(w, Monitor.AGREEMENT, hour1, reference, 30);
            assertEquals(MonitorValue.Status.NOT_ENOUGH_DATA, agreement.status());
            assertEquals(5, agreement.n());
            assertTrue(agreement.value().isEmpty());
            MonitorValue psi = MonitorValues.of(w, Monitor.SCORE_PSI, hour1, reference, 30);
            assertTrue(psi.value().orElseThrow() > 1.0, "a shift from 0.85–0.94 to 0.55–0.64 is a large PSI: " + psi);
            MonitorValue ks = MonitorValues.of(w, Monitor.SCORE_KS, hour1, reference, 30);
            assertEquals(1.0, ks.value().orElseThrow(), 1e-9, "no overlap: D = 1");
            assertTrue(ks.pValue().orElseThrow() < 1e-10);
            assertEquals(100, MonitorValues.of(w, Monitor.VOLUME, hour1, reference, 30).details().get("REVIEW"));
            assertTrue(MonitorValues.of(w, Monitor.LABEL_PSI, hour1, reference, 30).value().orElseThrow() > 0.1);
            assertEquals(MonitorValue.Status.NO_REFERENCE,
                    MonitorValues.of(w, Monitor.SCORE_PSI, hour1, Optional.empty(), 30).status());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reviewerAgreementIsFoldedPerWindowFromAnswerCounts(TestDatabase database) throws Exception {
        DataSource db = database.fresh(GovernanceTestSchema.MIGRATIONS);
        GovernanceTestSchema.workflow(db, WORKFLOW);
        // hour 0: ten items on which both reviewers agree and ten on which they split; the answer
        // keys carry the separators the stored form escapes
        List<ObservationStore.Observation> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(reviewers(T0.plusSeconds(i), Map.of("fraud;card=x", 2L)));
            rows.add(reviewers(T0.plusSeconds(100 + i), Map.of("fraud;card=x", 1L, "ok", 1L)));
        }
        insert(db, rows);
        tick(db, T0.plus(Duration.ofHours(1)), "server-a", new RecordingSink());
        try (Connection c = db.getConnection()) {
            WindowAggregate hour0 = WINDOWS.windows(c, WORKFLOW, MonitorTick.WORKFLOW, MonitorGrain.HOUR, T0,
                    T0.plus(Duration.ofHours(1))).get(T0);
            MonitorValue alpha = MonitorValues.of(new MonitorValues.Window(WORKFLOW, Optional.empty(), MonitorGrain.HOUR, T0),
                    Monitor.REVIEWER_AGREEMENT, hour0, Optional.empty(), 30);
            // n = 40 (n_fraud = 30, n_ok = 10), D = 10 * (4 - 2) / 1 = 20, expected = 1600 - 1000 = 600
            assertEquals(40, alpha.n());
            assertEquals(1 - 39 * 20.0 / 600, alpha.value().orElseThrow(), 1e-12);
            assertEquals(Map.of("fraud;card=x", 30L, "ok", 10L), hour0.reviewerAlpha().values());
        }
    }

    private static ObservationStore.Observation reviewers(Instant at, Map<String, Long> answers) {
        return ObservationKinds.of(new io.oversight.governance.LoopObservations.ReviewerAnswers(WORKFLOW, "snap-1", at,
                answers));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeclaredFieldGetsItsOwnReferenceAndWindowsAndOnlyTheInputDriftMonitors(TestDatabase database)
            throws Exception {
        DataSource db = database.fresh(GovernanceTestSchema.MIGRATIONS);
        GovernanceTestSchema.workflow(db, WORKFLOW);
        // a rule on the field's KS statistic, and one on the workflow's agreement that no field value feeds
        AlertRule ksAbove = new AlertRule(UUID.randomUUID().toString(), WORKFLOW, Monitor.INPUT_KS, Optional.of("amount"),
                MonitorGrain.HOUR, AlertRule.Direction.ABOVE, 0.5, 5, AlertRule.Severity.CRITICAL, 1, 1, T0, false, 0,
                Optional.empty(), Optional.empty());
        try (Connection c = db.getConnection()) {
            CONFIG.saveSettings(c, new io.oversight.governance.MonitorSettings(WORKFLOW, 5, 10, Optional.empty(),
                    Optional.empty(), Optional.empty(), 0.02,
                    List.of(new io.oversight.governance.DriftField("amount", io.oversight.governance.DriftField.Kind.NUMERIC))));
            CONFIG.insertRule(c, ksAbove);
            CONFIG.insertRule(c, agreementBelow(0.8, 1, 1));
            assertEquals(Optional.of("amount"), CONFIG.rules(c, Optional.of(WORKFLOW)).stream()
                    .filter(r -> r.id().equals(ksAbove.id())).findFirst().orElseThrow().field(), "the field is stored");
        }
        // hour 0: ten amounts of 100 (the field's reference: its first 10 values); hour 1: ten of 5,000
        List<ObservationStore.Observation> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(ObservationKinds.input(WORKFLOW, i < 10 ? T0.plusSeconds(i) : T0.plus(Duration.ofHours(1)).plusSeconds(i),
                    "amount", io.oversight.governance.domain.stats.InputDrift.numberKey(i < 10 ? 100 : 5000)));
        }
        insert(db, rows);
        RecordingSink sink = new RecordingSink();
        tick(db, T0.plus(Duration.ofHours(2)), "server-a", sink);
        // hour 0 is the reference itself (D = 0), hour 1 moved every value (D = 1 > 0.5): one episode, on the field
        assertEquals(List.of(T0.plus(Duration.ofHours(1)).toString()), sink.opened);
        assertEquals(List.of("Input drift (KS) of amount 1 (n = 10) is above 0.5 for 1 hour"), sink.summaries);
        try (Connection c = db.getConnection()) {
            String subject = MonitorValues.INPUT_PREFIX + "amount";
            WindowAggregate hour1 = WINDOWS.windows(c, WORKFLOW, subject, MonitorGrain.HOUR, T0,
                    T0.plus(Duration.ofHours(2))).get(T0.plus(Duration.ofHours(1)));
            Optional<WindowAggregate> reference = MonitorTick.completeReference(REFERENCES, c, CONFIG.settings(c, WORKFLOW),
                    subject, T0.plus(Duration.ofHours(2)));
            assertEquals(10, reference.orElseThrow().predictions());
            assertTrue(WINDOWS.windows(c, WORKFLOW, MonitorTick.WORKFLOW, MonitorGrain.HOUR, T0,
                    T0.plus(Duration.ofHours(2))).isEmpty(), "field values are not predictions of the workflow");
            List<MonitorValue> values = MonitorValues.of(new MonitorValues.Window(WORKFLOW, Optional.of(subject),
                    MonitorGrain.HOUR, T0.plus(Duration.ofHours(1))), hour1, reference, 5);
            assertEquals(List.of(Monitor.INPUT_PSI, Monitor.INPUT_KS), values.stream().map(MonitorValue::monitor).toList(),
                    "KS, not chi-square, for a numeric field");
            // every value moved to an empty bucket of the reference: PSI = 2·(1 − ε)·ln(1/ε), D = 1
            double eps = io.oversight.governance.domain.stats.Drift.PSI_EPSILON;
            assertEquals(2 * (1 - eps) * Math.log(1 / eps), values.get(0).value().orElseThrow(), 1e-9);
            assertEquals(10, values.get(0).n());
            assertEquals(1.0, values.get(1).value().orElseThrow(), 1e-12);
        }
    }
}
