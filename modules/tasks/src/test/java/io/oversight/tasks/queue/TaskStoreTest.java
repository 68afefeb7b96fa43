package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.TaskTransition;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.Verdict;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Task rows on H2 and PostgreSQL: every life-cycle write is guarded by its {@link TaskTransition}, so a
 * change from the wrong state, or by someone who does not hold the lease, updates nothing.
 */
class TaskStoreTest {

    private static final Instant LEASE_END = T0.plusSeconds(600);

    private final TaskStore tasks = new TaskStore();
    private final ItemReviewerStore reviewers = new ItemReviewerStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClaimedTaskCannotBeClaimedAgainAndKeepsItsHolder(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1");

            assertTrue(tasks.claim(c, "t-i1", "rita", LEASE_END));
            assertFalse(tasks.claim(c, "t-i1", "ed", LEASE_END.plusSeconds(60)), "CLAIM's guard: the task is no longer open");

            ReviewTask task = tasks.findTask(c, "t-i1", false).orElseThrow();
            assertEquals(TaskStatus.CLAIMED, task.status());
            assertEquals(Optional.of("rita"), task.leaseHolder());
            assertEquals(Optional.of(LEASE_END), task.leaseExpiresAt());
            assertEquals(1, task.claims());
            assertEquals(List.of(task), tasks.claimedBy(c, "rita"));
            assertEquals(List.of(), tasks.claimedBy(c, "ed"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyTheHolderCompletesAndACompletedTaskNeitherReopensNorIsClaimed(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1");
            TaskResult result = new TaskResult(Verdict.APPROVE, List.of("spam"), Optional.empty(), "");
            assertEquals(Optional.empty(), tasks.complete(c, "t-i1", "rita", result, List.of("spam"), Optional.empty(),
                    Optional.empty(), T0.plusSeconds(30)), "COMPLETE's guard: an open task is not completed");
            tasks.claim(c, "t-i1", "rita", LEASE_END);

            assertEquals(Optional.empty(), tasks.complete(c, "t-i1", "ed", result, List.of("spam"), Optional.empty(),
                    Optional.empty(), T0.plusSeconds(60)), "ed does not hold the lease");
            ReviewTask completed = tasks.complete(c, "t-i1", "rita", result, List.of("spam"), Optional.empty(),
                    Optional.of("g-1"), T0.plusSeconds(90)).orElseThrow();
            assertEquals(tasks.findTask(c, "t-i1", false), Optional.of(completed), "the task as the update left it");

            assertFalse(tasks.reopen(c, TaskTransition.RELEASE, "t-i1", "rita"), "COMPLETED is final");
            assertFalse(tasks.claim(c, "t-i1", "ed", LEASE_END));
            assertFalse(tasks.markEscalated(c, "t-i1", "rita", "t-2", T0.plusSeconds(120)));
            ReviewTask task = tasks.findTask(c, "t-i1", false).orElseThrow();
            assertEquals(TaskStatus.COMPLETED, task.status());
            assertEquals(Optional.of(T0.plusSeconds(90)), task.completedAt());
            assertEquals(Optional.empty(), task.leaseHolder());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theHolderGivesATaskBackToItsQueueButNobodyElseCan(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1");
            tasks.claim(c, "t-i1", "rita", LEASE_END);

            assertFalse(tasks.reopen(c, TaskTransition.SKIP, "t-i1", "ed"));
            assertTrue(tasks.reopen(c, TaskTransition.SKIP, "t-i1", "rita"));
            assertFalse(tasks.reopen(c, TaskTransition.RELEASE, "t-i1", "rita"), "RELEASE's guard: no longer claimed");

            ReviewTask task = tasks.findTask(c, "t-i1", false).orElseThrow();
            assertEquals(TaskStatus.OPEN, task.status());
            assertEquals(Optional.empty(), task.leaseHolder());
            assertEquals(Optional.empty(), task.leaseExpiresAt());
            assertThrows(IllegalArgumentException.class, () -> tasks.reopen(c, TaskTransition.COMPLETE, "t-i1", "rita"),
                    "a transition that does not lead to OPEN is no reopening");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void escalationEndsAHeldTaskAndPassingOnEndsOnlyAnOpenOne(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1", "i2");
            tasks.claim(c, "t-i1", "rita", LEASE_END);
            tasks.claim(c, "t-i2", "rita", LEASE_END);

            assertFalse(tasks.markEscalated(c, "t-i1", "ed", "t-next", T0.plusSeconds(60)));
            assertTrue(tasks.markEscalated(c, "t-i1", "rita", "t-next", T0.plusSeconds(60)));
            assertEquals(TaskStatus.ESCALATED, tasks.findTask(c, "t-i1", false).orElseThrow().status());

            assertFalse(tasks.markPassedOn(c, "t-i2", "nobody left", T0.plusSeconds(60)), "NO_REVIEWER_LEFT starts from OPEN");
            tasks.reopen(c, TaskTransition.RELEASE, "t-i2", "rita");
            assertTrue(tasks.markPassedOn(c, "t-i2", "nobody left", T0.plusSeconds(90)));
            ReviewTask passedOn = tasks.findTask(c, "t-i2", false).orElseThrow();
            assertEquals(TaskStatus.ESCALATED, passedOn.status());
            assertEquals(Optional.of("nobody left"), passedOn.note());
            assertEquals(Optional.of(T0.plusSeconds(90)), passedOn.completedAt());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aGoldTaskGivenBackIsDiscardedWithItsReviewerRowAndAnOrdinaryOneIsKept(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1", "i2");
            tasks.markGoldTask(c, "t-i1");
            for (String id : List.of("i1", "i2")) {
                tasks.claim(c, "t-" + id, "rita", LEASE_END);
                reviewers.addItemReviewer(c, id, "rita", "t-" + id);
            }
            assertTrue(tasks.isGoldTask(c, "t-i1"));
            assertFalse(tasks.isGoldTask(c, "t-i2"));

            tasks.discardIfGold(c, "t-i1");
            assertTrue(tasks.findTask(c, "t-i1", false).isPresent(), "a claimed gold task is not discarded");
            for (String id : List.of("i1", "i2")) {
                tasks.reopen(c, TaskTransition.RELEASE, "t-" + id, "rita");
                tasks.discardIfGold(c, "t-" + id);
            }

            assertEquals(Optional.empty(), tasks.findTask(c, "t-i1", false));
            assertEquals(Set.of(), reviewers.itemReviewers(c, "i1"));
            assertEquals(TaskStatus.OPEN, tasks.findTask(c, "t-i2", false).orElseThrow().status());
            assertEquals(Set.of("rita"), reviewers.itemReviewers(c, "i2"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tasksOfAnItemComeInOpeningOrderWithTheirSimilarityFingerprint(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1");
            TaskRow second = new TaskRow("t-2", "i1", "loans", 2, TaskPurpose.ESCALATION, 1, 5,
                    Optional.of(T0.plusSeconds(3600)), 0.7, 42L, T0.plusSeconds(10), Optional.of("why"));
            tasks.insertTasks(c, List.of(second));

            List<ReviewTask> ofItem = tasks.tasksOfItem(c, "i1");
            assertEquals(List.of("t-i1", "t-2"), ofItem.stream().map(ReviewTask::id).toList());
            ReviewTask read = ofItem.get(1);
            assertEquals(2, read.queue().tier());
            assertEquals(Optional.of(T0.plusSeconds(3600)), read.slaDeadline());
            assertEquals(Optional.of("why"), read.note());
            assertEquals(42L, tasks.simHash(c, "t-2"));
            assertEquals(0L, tasks.simHash(c, "no-such-task"));
        }
    }
}
