package io.oversight.governance.infrastructure;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.domain.stats.Histogram;
import io.oversight.governance.infrastructure.ReferenceStore.Reference;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Drift references on H2 and PostgreSQL: one per workflow and subject, inserted then updated in place. */
class ReferenceStoreTest {

    private final ReferenceStore store = new ReferenceStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReferenceReadsBackPerWorkflowAndSubject(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.saveReference(c, "loans", "*", new Reference(3, Histogram.ofScores(0.1, 0.5, 0.95),
                    Map.of("ok", 2L, "fraud", 1L)), false);
            store.saveReference(c, "loans", "snap-1", new Reference(1, Histogram.ofScores(0.2), Map.of("ok", 1L)), false);

            Reference workflow = store.reference(c, "loans", "*").orElseThrow();
            assertEquals(3, workflow.predictions());
            assertArrayEquals(Histogram.ofScores(0.1, 0.5, 0.95).counts(), workflow.confidence().counts());
            assertEquals(Map.of("ok", 2L, "fraud", 1L), workflow.labels());
            assertEquals(1, store.reference(c, "loans", "snap-1").orElseThrow().predictions());
            assertTrue(store.reference(c, "posts", "*").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savingAnExistingReferenceUpdatesIt(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.saveReference(c, "loans", "*", new Reference(1, Histogram.ofScores(0.1), Map.of("ok", 1L)), false);
            store.saveReference(c, "loans", "*", new Reference(2, Histogram.ofScores(0.1, 0.9), Map.of("ok", 1L,
                    "fraud", 1L)), true);

            Reference updated = store.reference(c, "loans", "*").orElseThrow();
            assertEquals(2, updated.predictions());
            assertArrayEquals(Histogram.ofScores(0.1, 0.9).counts(), updated.confidence().counts());
            assertEquals(Map.of("ok", 1L, "fraud", 1L), updated.labels());
        }
    }
}
