package io.oversight.governance.infrastructure;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tick's lock row on H2 and PostgreSQL: held by one transaction at a time, counting rounds and their holder. */
class MonitorHeadStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final MonitorHeadStore store = new MonitorHeadStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecondTransactionDoesNotGetTheLockUntilTheFirstEnds(TestDatabase database) throws Exception {
        DataSource dataSource = database.fresh(GovernanceTestSchema.MIGRATIONS);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);

            assertTrue(store.tryLockHead(first));
            assertFalse(store.tryLockHead(second), "held by the first");
            first.commit();
            assertTrue(store.tryLockHead(second), "released with the first's commit");
            second.commit();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachRecordedTickCountsAndNamesItsHolder(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            assertEquals(0, store.ticks(c));

            store.recordTick(c, T0, "server-a");
            store.recordTick(c, T0.plusSeconds(30), "server-b");

            assertEquals(2, store.ticks(c));
            try (Statement select = c.createStatement();
                    ResultSet row = select.executeQuery("SELECT last_tick_holder FROM gov_monitor_head WHERE id = 1")) {
                row.next();
                assertEquals("server-b", row.getString(1));
            }
        }
    }
}
