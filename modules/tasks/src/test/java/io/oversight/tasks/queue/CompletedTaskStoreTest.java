package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.Verdict;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Completed tasks read back on H2 and PostgreSQL: an item's deciding reviews, a workflow's records, a reviewer's recent work. */
class CompletedTaskStoreTest {

    private final CompletedTaskStore completed = new CompletedTaskStore();
    private final TaskStore tasks = new TaskStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void completedReviewsDecideAnItemAndGoldOnesDoNot(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1", "i2");
            tasks.insertTasks(c, List.of(TaskRows.task("t-gold", "i1", "loans", 0, 1)));
            tasks.markGoldTask(c, "t-gold");
            complete(c, "t-i1", "rita", Verdict.CORRECT, List.of("ham"), T0.plusSeconds(60));
            complete(c, "t-gold", "ed", Verdict.APPROVE, List.of("spam"), T0.plusSeconds(30));
            complete(c, "t-i2", "rita", Verdict.APPROVE, List.of("spam"), T0.plusSeconds(120));

            assertEquals(List.of(new ItemOutcomes.CompletedReview("t-i1", 1, 1, Verdict.CORRECT, List.of("ham"), Optional.empty(),
                    Optional.empty(), "rita", T0.plusSeconds(60))), completed.completedReviews(c, "i1"));
            List<ItemOutcomes.ReviewRecord> records = completed.reviewRecords(c, "loans", T0, T0.plusSeconds(3600), 10);
            assertEquals(List.of("i1", "i2"), records.stream().map(ItemOutcomes.ReviewRecord::itemId).toList());
            assertEquals(List.of("spam"), records.get(0).predictedLabels());
            assertEquals(1, completed.reviewRecords(c, "loans", T0, T0.plusSeconds(3600), 1).size());
            assertEquals(List.of(), completed.reviewRecords(c, "loans", T0.plusSeconds(121), T0.plusSeconds(3600), 10));

            assertEquals(Map.of("loans", T0.plusSeconds(120)), completed.lastCompletions(c, "rita"));
            assertEquals(List.of(T0.plusSeconds(120), T0.plusSeconds(60)), completed.completionTimes(c, "rita", "loans", T0, 10));
            assertEquals(List.of(T0.plusSeconds(120)), completed.completionTimes(c, "rita", "loans", T0.plusSeconds(61), 10));
            assertEquals(List.of(T0.plusSeconds(120)), completed.completionTimes(c, "rita", "loans", T0, 1), "the newest first");
        }
    }

    private void complete(Connection c, String taskId, String reviewer, Verdict verdict, List<String> labels, Instant at)
            throws Exception {
        tasks.claim(c, taskId, reviewer, at.plusSeconds(600));
        tasks.complete(c, taskId, reviewer, new TaskResult(verdict, labels, Optional.empty(), ""), labels, Optional.empty(),
                Optional.empty(), at);
    }
}
