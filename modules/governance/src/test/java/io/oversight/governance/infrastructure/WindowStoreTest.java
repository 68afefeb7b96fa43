package io.oversight.governance.infrastructure;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.LoopObservations;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import io.oversight.governance.infrastructure.WindowStore.WindowKey;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Window aggregates on H2 and PostgreSQL: each column read back, inserted then updated in place, listed
 * by subject and grain over [from, to) oldest first, and the subjects that have windows.
 */
class WindowStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final WindowStore store = new WindowStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWindowReadsBackEveryColumnAndIsUpdatedInPlace(TestDatabase database) throws Exception {
        WindowKey key = new WindowKey("loans", "*", MonitorGrain.HOUR, T0);
        WindowAggregate first = aggregate(2, 1);
        WindowAggregate second = aggregate(5, 3);
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            assertTrue(store.window(c, key).isEmpty());

            store.saveWindow(c, key, first, false, T0);
            assertArrayEquals(first.columns(), store.window(c, key).orElseThrow().columns());

            store.saveWindow(c, key, second, true, T0.plusSeconds(60));
            assertArrayEquals(second.columns(), store.window(c, key).orElseThrow().columns());
            assertTrue(store.window(c, new WindowKey("loans", "*", MonitorGrain.DAY, T0)).isEmpty(), "another grain");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void windowsOfASubjectAndGrainComeOldestFirstFromTheStartUpToTheEnd(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            for (int hour : new int[] {3, 0, 2, 1}) {
                store.saveWindow(c, new WindowKey("loans", "*", MonitorGrain.HOUR, T0.plus(HOUR.multipliedBy(hour))),
                        aggregate(hour + 1, 0), false, T0);
            }
            store.saveWindow(c, new WindowKey("loans", "snap-1", MonitorGrain.HOUR, T0), aggregate(9, 0), false, T0);
            store.saveWindow(c, new WindowKey("loans", "*", MonitorGrain.DAY, T0), aggregate(9, 0), false, T0);
            store.saveWindow(c, new WindowKey("posts", "*", MonitorGrain.HOUR, T0), aggregate(9, 0), false, T0);

            Map<Instant, WindowAggregate> windows = store.windows(c, "loans", "*", MonitorGrain.HOUR, T0.plus(HOUR),
                    T0.plus(HOUR.multipliedBy(3)));

            assertEquals(List.of(T0.plus(HOUR), T0.plus(HOUR.multipliedBy(2))), List.copyOf(windows.keySet()));
            assertEquals(List.of(2L, 3L), windows.values().stream().map(WindowAggregate::predictions).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void subjectsAreThoseWithWindowsOfTheGrainInThePeriodInOrder(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.saveWindow(c, new WindowKey("loans", "snap-2", MonitorGrain.HOUR, T0), aggregate(1, 0), false, T0);
            store.saveWindow(c, new WindowKey("loans", "snap-1", MonitorGrain.HOUR, T0), aggregate(1, 0), false, T0);
            store.saveWindow(c, new WindowKey("loans", "snap-1", MonitorGrain.HOUR, T0.plus(HOUR)), aggregate(1, 0), false,
                    T0);
            store.saveWindow(c, new WindowKey("loans", "snap-3", MonitorGrain.DAY, T0), aggregate(1, 0), false, T0);
            store.saveWindow(c, new WindowKey("loans", "snap-4", MonitorGrain.HOUR, T0.plus(HOUR.multipliedBy(5))),
                    aggregate(1, 0), false, T0);
            store.saveWindow(c, new WindowKey("posts", "snap-5", MonitorGrain.HOUR, T0), aggregate(1, 0), false, T0);

            assertEquals(List.of("snap-1", "snap-2"), store.subjects(c, "loans", MonitorGrain.HOUR, T0,
                    T0.plus(HOUR.multipliedBy(5))));
        }
    }

    private static WindowAggregate aggregate(int predictions, int decisions) {
        WindowAggregate aggregate = new WindowAggregate();
        for (int i = 0; i < predictions; i++) {
            aggregate.add(new LoopObservations.Prediction("loans", "snap-1", T0, 0.1 * (i % 10), i % 2 == 0 ? "ok" : "fraud",
                    "HUMAN_REVIEW"));
        }
        for (int i = 0; i < decisions; i++) {
            aggregate.add(new LoopObservations.Decision("loans", "snap-1", T0, 0.8, i % 2 == 0, "APPROVE", "REVIEW"));
        }
        return aggregate;
    }
}
