package io.oversight.review.decision;

import io.oversight.review.ReviewTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.review.TaskRows;
import io.oversight.review.decision.ExposureStore.Exposure;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prediction exposure on H2 and PostgreSQL: the reviews of a period (and tier) with every review of the
 * same items, in completion order, the period's reviews capped by the limit.
 */
class ExposureStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final ExposureStore store = new ExposureStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRecordedReviewReadsBackWhole(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            Exposure exposure = review(c, "t1", "i1", "loans", 2, true, T0);

            assertEquals(List.of(exposure), store.withPeers(c, "loans", T0, T0.plusSeconds(1), Optional.empty(), 10));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theReviewsOfThePeriodComeWithTheirItemsEarlierAndLaterPeersInCompletionOrder(TestDatabase database)
            throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1", "i2", "i3");
            Exposure earlierPeer = review(c, "t1", "i1", "loans", 1, false, T0.minusSeconds(3600));
            Exposure inPeriod = review(c, "t2", "i1", "loans", 1, true, T0.plusSeconds(10));
            Exposure laterPeer = review(c, "t3", "i1", "loans", 1, false, T0.plusSeconds(7200));
            review(c, "t4", "i2", "loans", 1, true, T0.minusSeconds(60));
            review(c, "t5", "i3", "posts", 1, true, T0.plusSeconds(20));

            assertEquals(List.of(earlierPeer, inPeriod, laterPeer),
                    store.withPeers(c, "loans", T0, T0.plusSeconds(3600), Optional.empty(), 10));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTierNarrowsThePeriodsReviews(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1", "i2");
            review(c, "t1", "i1", "loans", 1, true, T0.plusSeconds(1));
            Exposure tierTwo = review(c, "t2", "i2", "loans", 2, true, T0.plusSeconds(2));

            assertEquals(List.of(tierTwo), store.withPeers(c, "loans", T0, T0.plusSeconds(60), Optional.of(2), 10));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLimitKeepsThePeriodsOldestReviews(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1", "i2", "i3");
            Exposure first = review(c, "t1", "i1", "loans", 1, true, T0);
            Exposure second = review(c, "t2", "i2", "loans", 1, false, T0.plusSeconds(1));
            review(c, "t3", "i3", "loans", 1, true, T0.plusSeconds(2));

            assertEquals(List.of(first, second), store.withPeers(c, "loans", T0, T0.plusSeconds(60), Optional.empty(), 2));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void thePeriodIncludesItsStartAndExcludesItsEnd(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1", "i2");
            Exposure atStart = review(c, "t1", "i1", "loans", 1, true, T0);
            review(c, "t2", "i2", "loans", 1, true, T0.plusSeconds(60));

            assertEquals(List.of(atStart), store.withPeers(c, "loans", T0, T0.plusSeconds(60), Optional.empty(), 10));
        }
    }

    private Exposure review(Connection c, String taskId, String itemId, String workflowKey, int tier, boolean shown,
            Instant at) throws SQLException {
        TaskRows.task(c, taskId, itemId, workflowKey, "rita");
        Exposure exposure = new Exposure(taskId, itemId, workflowKey, tier, shown, "APPROVE|a", "APPROVE|a", at);
        store.insert(c, exposure);
        return exposure;
    }
}
