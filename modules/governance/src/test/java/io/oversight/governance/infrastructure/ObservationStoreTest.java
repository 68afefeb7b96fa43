package io.oversight.governance.infrastructure;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.governance.infrastructure.ObservationStore.Observation;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The observation outbox on H2 and PostgreSQL: rows read back oldest first, counted, deleted exactly by id. */
class ObservationStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final ObservationStore store = new ObservationStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsReadBackWholeOldestFirstUpToTheLimit(TestDatabase database) throws Exception {
        Observation full = new Observation(0, "loans", "snap-1", "DECISION", T0, Optional.of(0.75), Optional.of("fraud"),
                Optional.of("REVIEW"), Optional.of(true), Optional.of(42L));
        Observation sparse = new Observation(0, "posts", "snap-2", "QUEUE", T0.plusSeconds(1), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        Observation third = new Observation(0, "loans", "snap-1", "PREDICTION", T0.plusSeconds(2), Optional.of(0.5),
                Optional.empty(), Optional.empty(), Optional.of(false), Optional.empty());
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.insertObservations(c, List.of(full, sparse));
            store.insertObservations(c, List.of(third));
            store.insertObservations(c, List.of());

            List<Observation> oldest = store.oldestObservations(c, 2);
            assertEquals(List.of(full, sparse), oldest.stream().map(ObservationStoreTest::withoutId).toList());
            assertEquals(oldest.get(0).id() + 1, oldest.get(1).id(), "ids follow the order of insertion");
            assertEquals(3, store.oldestObservations(c, 10).size());
            assertEquals(3, store.pendingObservations(c));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletingRemovesExactlyTheRowsGiven(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            for (int i = 0; i < 4; i++) {
                store.insertObservations(c, List.of(new Observation(0, "loans", "snap-1", "PREDICTION", T0.plusSeconds(i),
                        Optional.of(0.5), Optional.of("ok"), Optional.empty(), Optional.empty(), Optional.empty())));
            }
            List<Observation> all = store.oldestObservations(c, 10);

            store.deleteObservations(c, List.of(all.get(0), all.get(2)));

            assertEquals(2, store.pendingObservations(c));
            assertEquals(List.of(all.get(1), all.get(3)), store.oldestObservations(c, 10));
        }
    }

    private static Observation withoutId(Observation o) {
        return new Observation(0, o.workflowKey(), o.snapshotId(), o.kind(), o.at(), o.score(), o.label(), o.detail(),
                o.agreed(), o.amount());
    }
}
