package io.oversight.review.quality;

import io.oversight.review.ReviewTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.review.quality.PauseStore.Pause;
import io.oversight.review.quality.QualificationStore.Qualification;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Qualifications on H2 and PostgreSQL: granted (again, in place), listed in order, revoked once, eligibility. */
class QualificationStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final QualificationStore store = new QualificationStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void grantedQualificationsReadBackInOrder(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            Qualification ritaPosts = new Qualification("rita", "posts", 1, false, T0);
            Qualification ritaLoans = new Qualification("rita", "loans", 2, true, T0.plusSeconds(1));
            Qualification edLoans = new Qualification("ed", "loans", 3, false, T0.plusSeconds(2));
            store.grant(c, ritaPosts);
            store.grant(c, ritaLoans);
            store.grant(c, edLoans);

            assertEquals(List.of(ritaLoans, ritaPosts), store.qualificationsOf(c, "rita"));
            assertEquals(List.of(edLoans, ritaLoans, ritaPosts), store.allQualifications(c));
            assertEquals(Optional.of(ritaLoans), store.qualification(c, "rita", "loans"));
            assertTrue(store.qualification(c, "ed", "posts").isEmpty());
            assertEquals(List.of(), store.qualificationsOf(c, "ada"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void grantingAgainReplacesTheQualification(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            store.grant(c, new Qualification("rita", "loans", 1, false, T0));
            Qualification raised = new Qualification("rita", "loans", 3, true, T0.plusSeconds(60));
            store.grant(c, raised);

            assertEquals(List.of(raised), store.allQualifications(c));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void revokingRemovesOnlyThatQualificationAndSaysWhetherThereWasOne(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            store.grant(c, new Qualification("rita", "loans", 1, false, T0));
            Qualification posts = new Qualification("rita", "posts", 1, false, T0);
            store.grant(c, posts);

            assertTrue(store.revoke(c, "rita", "loans"));
            assertFalse(store.revoke(c, "rita", "loans"));
            assertEquals(List.of(posts), store.qualificationsOf(c, "rita"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eligibleAreThoseQualifiedUpToTheTierAndNotPausedInTheWorkflow(TestDatabase database) throws Exception {
        PauseStore pauses = new PauseStore();
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            store.grant(c, new Qualification("anna", "loans", 1, false, T0));
            store.grant(c, new Qualification("rita", "loans", 2, false, T0));
            store.grant(c, new Qualification("ed", "loans", 3, false, T0));
            store.grant(c, new Qualification("ada", "loans", 3, false, T0));
            store.grant(c, new Qualification("greta", "posts", 3, false, T0));
            pauses.insertPause(c, new Pause("p1", "ada", "loans", "low accuracy", 0.3, 10, T0, Optional.empty(),
                    Optional.empty()));
            pauses.insertPause(c, new Pause("p2", "ed", "loans", "low accuracy", 0.3, 10, T0, Optional.empty(),
                    Optional.empty()));
            pauses.resume(c, "p2", "alex", T0.plusSeconds(60));

            assertEquals(Set.of("rita", "ed"), store.eligible(c, "loans", 2));
            assertEquals(Set.of("anna", "rita", "ed"), store.eligible(c, "loans", 1));
            assertEquals(Set.of(), store.eligible(c, "claims", 1));
        }
    }
}
