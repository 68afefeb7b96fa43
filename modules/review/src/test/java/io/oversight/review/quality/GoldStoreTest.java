package io.oversight.review.quality;

import io.oversight.review.ReviewTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.review.TaskRows;
import io.oversight.review.quality.GoldStore.Gold;
import io.oversight.review.quality.GoldStore.GoldAnswer;
import io.oversight.tasks.Verdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Gold items and answers on H2 and PostgreSQL: active gold per item and workflow, oldest first, retired
 * once; a reviewer's answers newest first after a moment, a workflow's oldest first since one.
 */
class GoldStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final GoldStore store = new GoldStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aGoldItemReadsBackWhole(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1", "i2");
            Gold labelled = new Gold("i1", "loans", Verdict.CORRECT, List.of("fraud", "duplicate-charge"), Optional.empty(),
                    "greta", T0);
            Gold written = new Gold("i2", "loans", Verdict.CORRECT, List.of(), Optional.of("{\"summary\":\"ok\"}"),
                    "greta", T0.plusSeconds(1));
            store.insertGold(c, labelled);
            store.insertGold(c, written);

            assertEquals(Optional.of(labelled), store.gold(c, "i1"));
            assertEquals(Optional.of(written), store.gold(c, "i2"));
            assertTrue(store.gold(c, "i3").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activeGoldOfAWorkflowComesLongestStandingFirstAndRetiredGoldIsGone(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1", "i2", "i3", "i4");
            store.insertGold(c, gold("i2", "loans", T0.plusSeconds(60)));
            store.insertGold(c, gold("i1", "loans", T0.plusSeconds(120)));
            store.insertGold(c, gold("i3", "loans", T0));
            store.insertGold(c, gold("i4", "posts", T0));

            assertTrue(store.retireGold(c, "i3", T0.plusSeconds(300)));
            assertFalse(store.retireGold(c, "i3", T0.plusSeconds(400)), "already retired");
            assertFalse(store.retireGold(c, "i9", T0.plusSeconds(400)), "never gold");

            assertEquals(List.of("i2", "i1"), store.activeGold(c, "loans").stream().map(Gold::itemId).toList());
            assertEquals(List.of("i2", "i1"), store.activeGoldItemIds(c, "loans"));
            assertTrue(store.gold(c, "i3").isEmpty(), "retired");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReviewersCorrectnessIsNewestFirstAfterTheMomentAndUpToTheLimit(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            answer(c, "t1", "rita", "loans", false, T0);
            answer(c, "t2", "rita", "loans", true, T0.plusSeconds(60));
            answer(c, "t3", "rita", "loans", false, T0.plusSeconds(120));
            answer(c, "t4", "rita", "loans", true, T0.plusSeconds(180));
            answer(c, "t5", "ed", "loans", false, T0.plusSeconds(240));
            answer(c, "t6", "rita", "posts", false, T0.plusSeconds(240));

            assertEquals(List.of(true, false, true), store.goldCorrectness(c, "loans", "rita", T0, 10),
                    "after T0, not at it");
            assertEquals(List.of(true, false), store.goldCorrectness(c, "loans", "rita", Instant.EPOCH, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWorkflowsAnswersSinceAMomentComeOldestFirst(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            answer(c, "t1", "rita", "loans", true, T0.minusSeconds(1));
            answer(c, "t2", "ed", "loans", false, T0.plusSeconds(60));
            answer(c, "t3", "rita", "loans", true, T0);
            answer(c, "t4", "rita", "posts", true, T0.plusSeconds(30));

            assertEquals(List.of(new GoldAnswer("loans", "rita", true, T0),
                    new GoldAnswer("loans", "ed", false, T0.plusSeconds(60))), store.goldAnswers(c, "loans", T0));
        }
    }

    private static Gold gold(String itemId, String workflowKey, Instant at) {
        return new Gold(itemId, workflowKey, Verdict.APPROVE, List.of("fraud"), Optional.empty(), "greta", at);
    }

    private void answer(Connection c, String taskId, String reviewer, String workflowKey, boolean correct, Instant at)
            throws SQLException {
        TaskRows.task(c, taskId, "i1", workflowKey, reviewer);
        store.insertGoldAnswer(c, taskId, "i1", workflowKey, reviewer, correct, at);
    }
}
