package io.oversight.export.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.export.RetrainTrigger;
import io.oversight.export.RetrainTriggerKind;
import io.oversight.export.RetrainTriggerRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retrain rules on H2 and PostgreSQL: read back whole oldest first, per workflow; fired and rearmed;
 * deleted per workflow; the round's lock row; and the exports a rule looks at or made.
 */
class TriggerStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final TriggerStore store = new TriggerStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rulesReadBackWholeOldestFirstAllOrOfOneWorkflow(TestDatabase database) throws Exception {
        RetrainTrigger rate = new RetrainTrigger("t2", "loans", new RetrainTriggerRequest(RetrainTriggerKind.CORRECTION_RATE,
                Optional.empty(), Optional.of(0.2), Optional.of(24), Optional.empty()), true, "greta", T0.plusSeconds(60),
                Optional.empty(), Optional.empty(), 0);
        RetrainTrigger count = new RetrainTrigger("t1", "loans", new RetrainTriggerRequest(
                RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT, Optional.of(500L), Optional.empty(), Optional.empty(),
                Optional.empty()), false, "greta", T0, Optional.of(T0.plusSeconds(30)), Optional.of("export-1"), 3);
        RetrainTrigger schedule = new RetrainTrigger("t3", "posts", new RetrainTriggerRequest(RetrainTriggerKind.SCHEDULE,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(168)), true, "alex", T0.plusSeconds(30),
                Optional.empty(), Optional.empty(), 0);
        try (Connection c = database.fresh(ExportTestSchema.MIGRATIONS).getConnection()) {
            store.insert(c, rate);
            store.insert(c, count);
            store.insert(c, schedule);

            assertEquals(List.of(count, schedule, rate), store.list(c, Optional.empty()));
            assertEquals(List.of(count, rate), store.list(c, Optional.of("loans")));
            assertEquals(List.of(), store.list(c, Optional.of("claims")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFiringDisarmsAndCountsAndARearmArmsAgain(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ExportTestSchema.MIGRATIONS).getConnection()) {
            store.insert(c, drift("t1", "loans"));

            store.fired(c, "t1", T0.plusSeconds(60), "export-7");
            RetrainTrigger fired = store.list(c, Optional.empty()).get(0);
            assertFalse(fired.armed());
            assertEquals(Optional.of(T0.plusSeconds(60)), fired.lastFiredAt());
            assertEquals(Optional.of("export-7"), fired.lastExportId());
            assertEquals(1, fired.firings());

            store.rearm(c, "t1");
            store.fired(c, "t1", T0.plusSeconds(120), "export-8");
            store.rearm(c, "t1");
            RetrainTrigger rearmed = store.list(c, Optional.empty()).get(0);
            assertTrue(rearmed.armed());
            assertEquals(2, rearmed.firings());
            assertEquals(Optional.of("export-8"), rearmed.lastExportId());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRuleIsDeletedOnlyFromItsOwnWorkflow(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ExportTestSchema.MIGRATIONS).getConnection()) {
            store.insert(c, drift("t1", "loans"));

            assertFalse(store.delete(c, "posts", "t1"));
            assertTrue(store.delete(c, "loans", "t1"));
            assertFalse(store.delete(c, "loans", "t1"), "already deleted");
            assertEquals(List.of(), store.list(c, Optional.empty()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theRoundsLockRowIsHeldByOneTransactionAtATimeAndCountsRounds(TestDatabase database) throws Exception {
        DataSource dataSource = database.fresh(ExportTestSchema.MIGRATIONS);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertTrue(store.tryLockHead(first));
            assertFalse(store.tryLockHead(second));
            store.recordRound(first, T0, "server-a");
            first.commit();
            assertTrue(store.tryLockHead(second));
            store.recordRound(second, T0.plusSeconds(60), "server-b");
            second.commit();

            try (Statement select = first.createStatement();
                    ResultSet head = select.executeQuery("SELECT rounds, last_round_holder FROM export_trigger_head")) {
                head.next();
                assertEquals(2, head.getLong(1));
                assertEquals("server-b", head.getString(2));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLastExportEndCountsOnlyExportsThatHaveNotFailed(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ExportTestSchema.MIGRATIONS).getConnection()) {
            assertEquals(Optional.empty(), store.lastExportEnd(c, "loans"));
            export(c, "e1", "loans", "COMPLETED", T0.plusSeconds(100));
            export(c, "e2", "loans", "RUNNING", T0.plusSeconds(200));
            export(c, "e3", "loans", "FAILED", T0.plusSeconds(900));
            export(c, "e4", "loans", "CANCELLED", T0.plusSeconds(900));
            export(c, "e5", "loans", "INTERRUPTED", T0.plusSeconds(900));
            export(c, "e6", "posts", "QUEUED", T0.plusSeconds(900));

            assertEquals(Optional.of(T0.plusSeconds(200)), store.lastExportEnd(c, "loans"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExportRemembersTheRuleThatMadeIt(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ExportTestSchema.MIGRATIONS).getConnection()) {
            export(c, "e1", "loans", "QUEUED", T0.plusSeconds(100));
            export(c, "e2", "loans", "QUEUED", T0.plusSeconds(100));

            store.exportOfTrigger(c, "e1", "t1");

            assertEquals(Optional.of("t1"), store.triggerOfExport(c, "e1"));
            assertEquals(Optional.empty(), store.triggerOfExport(c, "e2"), "requested by a person");
            assertEquals(Optional.empty(), store.triggerOfExport(c, "e9"), "no such export");
        }
    }

    private static RetrainTrigger drift(String id, String workflow) {
        return new RetrainTrigger(id, workflow, new RetrainTriggerRequest(RetrainTriggerKind.DRIFT_ALERT, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), true, "greta", T0, Optional.empty(),
                Optional.empty(), 0);
    }

    private static void export(Connection c, String id, String workflow, String state, Instant to) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO export_dataset (id, workflow_key, period_from, "
                + "period_to, format, sources, state, requested_by, requested_role, requested_at) "
                + "VALUES (?, ?, ?, ?, 'JSONL', 'REVIEW', ?, 'greta', 'governance', ?)")) {
            insert.setString(1, id);
            insert.setString(2, workflow);
            insert.setObject(3, T0.atOffset(ZoneOffset.UTC));
            insert.setObject(4, to.atOffset(ZoneOffset.UTC));
            insert.setString(5, state);
            insert.setObject(6, T0.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
