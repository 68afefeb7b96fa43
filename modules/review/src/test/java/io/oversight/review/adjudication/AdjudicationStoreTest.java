package io.oversight.review.adjudication;

import io.oversight.review.ReviewTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.review.TaskRows;
import io.oversight.review.adjudication.AdjudicationStore.Adjudication;
import io.oversight.review.adjudication.AdjudicationStore.AdjudicationCounts;
import io.oversight.tasks.Verdict;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adjudication queue on H2 and PostgreSQL: candidates oldest first without the item's own reviewers,
 * claims under a lease that only one holder gets, release and completion by the holder only, the
 * listings and the per-workflow counts.
 */
class AdjudicationStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final AdjudicationStore store = new AdjudicationStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewAdjudicationIsOpenAndFoundByIdAndByItem(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            store.insertAdjudication(c, "a1", "i1", "loans", T0);

            Adjudication open = new Adjudication("a1", "i1", "loans", "OPEN", Optional.empty(), Optional.empty(), T0,
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
            assertEquals(Optional.of(open), store.adjudication(c, "a1", false));
            assertEquals(Optional.of(open), store.adjudication(c, "a1", true));
            assertEquals(Optional.of(open), store.adjudicationOfItem(c, "i1"));
            assertTrue(store.adjudication(c, "a2", false).isEmpty());
            assertTrue(store.adjudicationOfItem(c, "i2").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void candidatesAreTheWorkflowsOldestTakeableOnesNotReviewedByTheAdjudicator(TestDatabase database)
            throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1", "i2", "i3", "i4", "i5", "i6");
            TaskRows.items(c, "posts", "i7");
            store.insertAdjudication(c, "a1", "i1", "loans", T0.plusSeconds(50));
            store.insertAdjudication(c, "a2", "i2", "loans", T0.plusSeconds(10));
            store.insertAdjudication(c, "a3", "i3", "loans", T0.plusSeconds(20));
            store.insertAdjudication(c, "a4", "i4", "loans", T0.plusSeconds(30));
            store.insertAdjudication(c, "a5", "i5", "loans", T0.plusSeconds(40));
            store.insertAdjudication(c, "a6", "i6", "loans", T0.plusSeconds(5));
            store.insertAdjudication(c, "a7", "i7", "posts", T0);
            TaskRows.task(c, "t3", "i3", "loans", null);
            TaskRows.reviewer(c, "i3", "ada", "t3");
            TaskRows.task(c, "t4", "i4", "loans", "ada");
            Instant now = T0.plusSeconds(1000);
            assertTrue(store.claimAdjudication(c, "a5", "ed", now, now.plusSeconds(600)), "under a live lease");
            assertTrue(store.claimAdjudication(c, "a6", "ed", T0, T0.plusSeconds(60)), "lease ran out");

            assertEquals(List.of("a6", "a2", "a1"), store.adjudicationCandidates(c, "loans", "ada", now, 10));
            assertEquals(List.of("a6", "a2"), store.adjudicationCandidates(c, "loans", "ada", now, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyOneAdjudicatorHoldsAnAdjudicationUntilItsLeaseRunsOut(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            store.insertAdjudication(c, "a1", "i1", "loans", T0);

            assertTrue(store.claimAdjudication(c, "a1", "ada", T0, T0.plusSeconds(60)));
            assertFalse(store.claimAdjudication(c, "a1", "ed", T0.plusSeconds(30), T0.plusSeconds(90)));
            assertTrue(store.claimAdjudication(c, "a1", "ed", T0.plusSeconds(61), T0.plusSeconds(120)));
            assertFalse(store.claimAdjudication(c, "a9", "ed", T0, T0.plusSeconds(60)), "no such adjudication");

            Adjudication held = store.adjudication(c, "a1", false).orElseThrow();
            assertEquals("CLAIMED", held.status());
            assertEquals(Optional.of("ed"), held.holder());
            assertEquals(Optional.of(T0.plusSeconds(120)), held.leaseExpiresAt());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyTheHolderReleases(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            store.insertAdjudication(c, "a1", "i1", "loans", T0);
            store.claimAdjudication(c, "a1", "ada", T0, T0.plusSeconds(60));

            assertFalse(store.releaseAdjudication(c, "a1", "ed"));
            assertTrue(store.releaseAdjudication(c, "a1", "ada"));
            assertFalse(store.releaseAdjudication(c, "a1", "ada"), "no longer claimed");

            Adjudication open = store.adjudication(c, "a1", false).orElseThrow();
            assertEquals("OPEN", open.status());
            assertEquals(Optional.empty(), open.holder());
            assertEquals(Optional.empty(), open.leaseExpiresAt());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyTheHolderCompletesAndTheDecisionReadsBack(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            store.insertAdjudication(c, "a1", "i1", "loans", T0);
            store.claimAdjudication(c, "a1", "ada", T0, T0.plusSeconds(60));
            Instant at = T0.plusSeconds(30);

            assertFalse(store.completeAdjudication(c, "a1", "ed", Verdict.CORRECT, List.of("fraud"), Optional.empty(),
                    "not mine", at));
            assertTrue(store.completeAdjudication(c, "a1", "ada", Verdict.CORRECT, List.of("fraud", "refund"),
                    Optional.of("{}"), "the receipt shows two charges", at));
            assertFalse(store.completeAdjudication(c, "a1", "ada", Verdict.APPROVE, List.of(), Optional.empty(),
                    "again", at), "already completed");

            assertEquals(Optional.of(new Adjudication("a1", "i1", "loans", "COMPLETED", Optional.empty(), Optional.empty(),
                    T0, Optional.of(at), Optional.of("ada"), Optional.of(Verdict.CORRECT), List.of("fraud", "refund"),
                    Optional.of("{}"), Optional.of("the receipt shows two charges"))), store.adjudication(c, "a1", false));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listingsAndCountsFollowStatusHolderAndWorkflow(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1", "i2", "i3", "i4", "i5");
            TaskRows.items(c, "posts", "i6");
            store.insertAdjudication(c, "a1", "i1", "loans", T0.plusSeconds(20));
            store.insertAdjudication(c, "a2", "i2", "loans", T0.plusSeconds(10));
            store.insertAdjudication(c, "a3", "i3", "loans", T0);
            store.insertAdjudication(c, "a4", "i4", "loans", T0);
            store.insertAdjudication(c, "a5", "i5", "loans", T0);
            store.insertAdjudication(c, "a6", "i6", "posts", T0);
            Instant lease = T0.plusSeconds(3600);
            store.claimAdjudication(c, "a1", "ada", T0, lease);
            store.claimAdjudication(c, "a2", "ada", T0, lease);
            for (String id : List.of("a3", "a4", "a5")) {
                store.claimAdjudication(c, id, "ed", T0, lease);
            }
            store.completeAdjudication(c, "a5", "ed", Verdict.APPROVE, List.of(), Optional.empty(), "r", T0.plusSeconds(200));
            store.completeAdjudication(c, "a4", "ed", Verdict.APPROVE, List.of(), Optional.empty(), "r", T0.plusSeconds(100));

            assertEquals(List.of("a2", "a1"), store.adjudicationsHeldBy(c, "ada").stream().map(Adjudication::id).toList());
            assertEquals(List.of("a4", "a5"), store.completedAdjudications(c, "loans", T0.plusSeconds(100)).stream()
                    .map(Adjudication::id).toList());
            assertEquals(List.of("a5"), store.completedAdjudications(c, "loans", T0.plusSeconds(101)).stream()
                    .map(Adjudication::id).toList());
            assertEquals(List.of(new AdjudicationCounts("loans", 0, 3), new AdjudicationCounts("posts", 1, 0)),
                    store.adjudicationCounts(c));
        }
    }
}
