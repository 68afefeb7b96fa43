package io.oversight.governance.infrastructure;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.MonitorAlert;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Alerts on H2 and PostgreSQL: read back whole, closed once, acknowledged once, and listed when open at
 * some time in a period, newest first, per workflow, up to a limit.
 */
class AlertStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final AlertStore store = new AlertStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void alertsReadBackWholeWithOrWithoutTheirOptionalParts(TestDatabase database) throws Exception {
        MonitorAlert monitor = new MonitorAlert("a1", "MONITOR", "loans", Optional.of("rule-1"), "AGREEMENT", "WARNING",
                "Agreement 0.62 below 0.80", T0, Optional.of(0.62), Optional.of(40L), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        MonitorAlert sla = open("a2", "posts", T0);
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.insertAlert(c, monitor, Optional.of(T0.minusSeconds(3600)));
            store.insertAlert(c, sla, Optional.empty());

            assertEquals(Optional.of(monitor), store.alert(c, "a1"));
            assertEquals(Optional.of(sla), store.alert(c, "a2"));
            assertTrue(store.alert(c, "a3").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAlertClosesOnceAndIsAcknowledgedOnce(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.insertAlert(c, open("a1", "loans", T0), Optional.empty());

            assertTrue(store.acknowledge(c, "a1", "greta", "looking into it", T0.plusSeconds(60)));
            assertFalse(store.acknowledge(c, "a1", "alex", "me too", T0.plusSeconds(90)), "already acknowledged");
            assertTrue(store.closeAlert(c, "a1", T0.plusSeconds(120)));
            assertFalse(store.closeAlert(c, "a1", T0.plusSeconds(180)), "already closed");
            assertFalse(store.closeAlert(c, "a9", T0), "no such alert");
            assertFalse(store.acknowledge(c, "a9", "greta", "", T0), "no such alert");

            MonitorAlert alert = store.alert(c, "a1").orElseThrow();
            assertEquals(Optional.of(T0.plusSeconds(120)), alert.closedAt());
            assertEquals(Optional.of("greta"), alert.acknowledgedBy());
            assertEquals(Optional.of(T0.plusSeconds(60)), alert.acknowledgedAt());
            assertEquals(Optional.of("looking into it"), alert.acknowledgeNote());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theAlertsOfAPeriodAreThoseOpenAtSomeTimeInItNewestFirst(TestDatabase database) throws Exception {
        Instant from = T0;
        Instant to = T0.plusSeconds(3600);
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.insertAlert(c, open("closed-before", "loans", T0.minusSeconds(600)), Optional.empty());
            store.closeAlert(c, "closed-before", T0.minusSeconds(1));
            store.insertAlert(c, open("closed-inside", "loans", T0.minusSeconds(600)), Optional.empty());
            store.closeAlert(c, "closed-inside", T0.plusSeconds(10));
            store.insertAlert(c, open("still-open", "loans", T0.minusSeconds(300)), Optional.empty());
            store.insertAlert(c, open("opened-inside", "loans", T0.plusSeconds(100)), Optional.empty());
            store.insertAlert(c, open("other-workflow", "posts", T0.plusSeconds(200)), Optional.empty());
            store.insertAlert(c, open("opened-at-end", "loans", to), Optional.empty());

            assertEquals(List.of("other-workflow", "opened-inside", "still-open", "closed-inside"),
                    ids(store.alerts(c, Optional.empty(), from, to, 10)));
            assertEquals(List.of("opened-inside", "still-open", "closed-inside"),
                    ids(store.alerts(c, Optional.of("loans"), from, to, 10)));
            assertEquals(List.of("opened-inside", "still-open"), ids(store.alerts(c, Optional.of("loans"), from, to, 2)));
        }
    }

    private static MonitorAlert open(String id, String workflowKey, Instant at) {
        return new MonitorAlert(id, "SLA", workflowKey, Optional.empty(), "OLDEST_AGE_VS_SLA", "CRITICAL",
                "Queue tier 1 over its SLA", at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static List<String> ids(List<MonitorAlert> alerts) {
        return alerts.stream().map(MonitorAlert::id).toList();
    }
}
