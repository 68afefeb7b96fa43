package io.oversight.review.quality;

import io.oversight.review.ReviewTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.review.quality.PauseStore.Pause;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reviewer pauses on H2 and PostgreSQL: active per reviewer and workflow, listed newest first, resumed once. */
class PauseStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final PauseStore store = new PauseStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPauseReadsBackByIdAndIsActiveForItsReviewerAndWorkflowOnly(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            Pause pause = pause("p1", "rita", "loans", T0);
            store.insertPause(c, pause);

            assertEquals(Optional.of(pause), store.pause(c, "p1"));
            assertEquals(Optional.of(pause), store.activePause(c, "rita", "loans"));
            assertTrue(store.activePause(c, "rita", "posts").isEmpty());
            assertTrue(store.activePause(c, "ed", "loans").isEmpty());
            assertTrue(store.pause(c, "p2").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void resumingEndsThePauseOnceAndRecordsWhoAndWhen(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            store.insertPause(c, pause("p1", "rita", "loans", T0));

            assertTrue(store.resume(c, "p1", "alex", T0.plusSeconds(60)));
            assertFalse(store.resume(c, "p1", "greta", T0.plusSeconds(120)), "already resumed");
            assertFalse(store.resume(c, "p9", "alex", T0.plusSeconds(120)), "no such pause");

            Pause resumed = store.pause(c, "p1").orElseThrow();
            assertEquals(Optional.of(T0.plusSeconds(60)), resumed.resumedAt());
            assertEquals(Optional.of("alex"), resumed.resumedBy());
            assertTrue(store.activePause(c, "rita", "loans").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pausesAreListedNewestFirstAllOrActiveOnly(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            store.insertPause(c, pause("p1", "rita", "loans", T0));
            store.insertPause(c, pause("p2", "ed", "loans", T0.plusSeconds(60)));
            store.insertPause(c, pause("p3", "rita", "posts", T0.plusSeconds(120)));
            store.resume(c, "p2", "alex", T0.plusSeconds(180));

            assertEquals(List.of("p3", "p2", "p1"), store.pauses(c, false).stream().map(Pause::id).toList());
            assertEquals(List.of("p3", "p1"), store.pauses(c, true).stream().map(Pause::id).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLastResumeIsTheLatestOfTheReviewersResumesInTheWorkflow(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            assertTrue(store.lastResume(c, "rita", "loans").isEmpty(), "never paused");
            store.insertPause(c, pause("p1", "rita", "loans", T0));
            assertTrue(store.lastResume(c, "rita", "loans").isEmpty(), "paused, never resumed");
            store.resume(c, "p1", "alex", T0.plusSeconds(60));
            store.insertPause(c, pause("p2", "rita", "loans", T0.plusSeconds(120)));
            store.resume(c, "p2", "alex", T0.plusSeconds(180));
            store.insertPause(c, pause("p3", "rita", "posts", T0.plusSeconds(200)));
            store.resume(c, "p3", "alex", T0.plusSeconds(900));

            assertEquals(Optional.of(T0.plusSeconds(180)), store.lastResume(c, "rita", "loans"));
        }
    }

    private static Pause pause(String id, String reviewer, String workflowKey, Instant at) {
        return new Pause(id, reviewer, workflowKey, "accuracy 40% over 10 gold answers", 0.4, 10, at, Optional.empty(),
                Optional.empty());
    }
}
