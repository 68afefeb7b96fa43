package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.Verdict;
import io.oversight.tasks.intake.ItemStore;
import io.oversight.tasks.queue.QueueCountStore.QueueCounts;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Queue counts on H2 and PostgreSQL: open and claimed tasks and the oldest open one, per queue with live tasks. */
class QueueCountStoreTest {

    private final QueueCountStore counts = new QueueCountStore();
    private final TaskStore tasks = new TaskStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyQueueWithLiveTasksIsCountedAndFinishedTasksAreNot(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            for (String id : List.of("a", "b", "c", "d")) {
                new ItemStore().insertItems(c, List.of(TaskRows.item(id, "loans", id, "spam", T0)));
            }
            tasks.insertTasks(c, List.of(TaskRows.task("t-a", "a", "loans", 0, 30), TaskRows.task("t-b", "b", "loans", 0, 10),
                    TaskRows.task("t-c", "c", "loans", 0, 0), TaskRows.task("t-d", "d", "loans", 0, 5)));
            TaskRows.itemsWithTasks(c, "posts", "p1");
            TaskRows.itemsWithTasks(c, "done", "x1");
            tasks.claim(c, "t-c", "rita", T0.plusSeconds(600));
            tasks.claim(c, "t-d", "rita", T0.plusSeconds(600));
            tasks.complete(c, "t-d", "rita", new TaskResult(Verdict.APPROVE, List.of("spam"), Optional.empty(), ""),
                    List.of("spam"), Optional.empty(), Optional.empty(), T0.plusSeconds(60));
            tasks.claim(c, "t-x1", "rita", T0.plusSeconds(600));
            tasks.complete(c, "t-x1", "rita", new TaskResult(Verdict.APPROVE, List.of("spam"), Optional.empty(), ""),
                    List.of("spam"), Optional.empty(), Optional.empty(), T0.plusSeconds(60));

            assertEquals(List.of(new QueueCounts(new QueueKey("loans", 1), 2, 1, Optional.of(T0.plusSeconds(10))),
                    new QueueCounts(new QueueKey("posts", 1), 1, 0, Optional.of(T0))),
                    counts.queueCounts(c).stream().sorted(Comparator.comparing(q -> q.queue().workflowKey())).toList());
        }
    }
}
