package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.intake.ItemStore;
import io.oversight.tasks.queue.ClaimCandidateStore.ClaimCandidate;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claim candidates on H2 and PostgreSQL: a reviewer is offered, in queue order, only open tasks of
 * items they have not had and are not excluded from; concurrent claimers on PostgreSQL skip each
 * other's locked rows instead of waiting.
 */
class ClaimCandidateStoreTest {

    private static final QueueKey LOANS_1 = new QueueKey("loans", 1);

    private final ClaimCandidateStore candidates = new ClaimCandidateStore();
    private final ItemReviewerStore reviewers = new ItemReviewerStore();
    private final TaskStore tasks = new TaskStore();
    private final ItemStore items = new ItemStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void candidatesComeInQueueOrderWithoutItemsTheReviewerHadOrIsExcludedFrom(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            for (String id : List.of("low", "high", "had", "excluded", "urgent")) {
                items.insertItems(c, List.of(TaskRows.item(id, "loans", id, "spam", T0)));
            }
            tasks.insertTasks(c, List.of(TaskRows.task("t-low", "low", "loans", 0, 0), TaskRows.task("t-high", "high", "loans", 5, 1),
                    TaskRows.task("t-had", "had", "loans", 9, 2), TaskRows.task("t-excluded", "excluded", "loans", 9, 3),
                    TaskRows.task("t-urgent", "urgent", "loans", 10, 4)));
            TaskRows.itemsWithTasks(c, "posts", "other-queue");
            reviewers.addItemReviewer(c, "had", "rita", "t-had");
            reviewers.insertExclusions(c, "excluded", Set.of("rita-digest"));

            assertEquals(List.of("t-urgent", "t-high", "t-low"),
                    candidates.lockCandidates(c, LOANS_1, "rita", "rita-digest", 10).stream().map(ClaimCandidate::taskId).toList());
            assertEquals(List.of("t-urgent", "t-had", "t-excluded", "t-high", "t-low"),
                    candidates.lockCandidates(c, LOANS_1, "ed", "ed-digest", 10).stream().map(ClaimCandidate::taskId).toList());
            assertEquals(List.of("low", "urgent"), candidates.unseenBy(c, List.of("had", "low", "excluded", "urgent"), "rita",
                    "rita-digest"));
            assertEquals(Map.of(LOANS_1, 3L, new QueueKey("posts", 1), 1L), candidates.claimableCounts(c, "rita", "rita-digest"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClaimedTaskIsNoCandidateAndGoldTasksAreNotCountedAsClaimable(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1", "i2", "gold");
            tasks.markGoldTask(c, "t-gold");
            tasks.claim(c, "t-i1", "ed", T0.plusSeconds(600));

            assertEquals(List.of("t-gold", "t-i2"), candidates.lockCandidates(c, LOANS_1, "rita", "rita-digest", 10).stream()
                    .map(ClaimCandidate::taskId).sorted().toList(), "a gold task is claimed like any other");
            assertEquals(Map.of(LOANS_1, 1L), candidates.claimableCounts(c, "rita", "rita-digest"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void openTasksOfItemsEnoughPeopleHadOrAreExcludedFromAreTheOnlyOnesThatMayBeStuck(TestDatabase database)
            throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1", "i2", "i3");
            tasks.insertTasks(c, List.of(new TaskRow("t-i1-2", "i1", "loans", 1, TaskPurpose.REVIEW, 2, 0,
                    Optional.empty(), 0.5, 0L, T0.plusSeconds(5), Optional.empty())));
            tasks.claim(c, "t-i1", "rita", T0.plusSeconds(600));
            reviewers.addItemReviewer(c, "i1", "rita", "t-i1");
            reviewers.insertExclusions(c, "i1", Set.of("ed-digest"));
            reviewers.addItemReviewer(c, "i2", "rita", "t-i2");

            assertEquals(List.of("t-i1-2"), candidates.openTasksPassedOnBy(c, LOANS_1, 2, 10).stream().map(ReviewTask::id).toList(),
                    "rita had i1 and ed is excluded from it; i2 only rita had; the claimed slot is not open");
            assertEquals(List.of("t-i2", "t-i1-2"),
                    candidates.openTasksPassedOnBy(c, LOANS_1, 1, 10).stream().map(ReviewTask::id).toList(), "oldest first");
            assertEquals(Set.of("rita"), reviewers.itemReviewers(c, "i1"));
            assertEquals(Set.of("ed-digest"), reviewers.itemExclusions(c, "i1"));
            reviewers.removeItemReviewer(c, "i2", "rita");
            assertEquals(List.of("t-i1-2"), candidates.openTasksPassedOnBy(c, LOANS_1, 1, 10).stream().map(ReviewTask::id).toList(), "oldest first");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentClaimersOnPostgresSkipEachOthersLockedCandidates(TestDatabase database) throws Exception {
        Assumptions.assumeTrue(database == TestDatabase.POSTGRES, "H2 reads candidates without locks; claim decides there");
        DataSource dataSource = database.fresh(TasksTestSchema.MIGRATIONS);
        try (Connection setUp = dataSource.getConnection()) {
            TaskRows.itemsWithTasks(setUp, "loans", "i1", "i2");
        }
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            List<ClaimCandidate> firsts = candidates.lockCandidates(first, LOANS_1, "rita", "rita-digest", 1);
            List<ClaimCandidate> seconds = candidates.lockCandidates(second, LOANS_1, "ed", "ed-digest", 2);

            assertEquals(1, firsts.size());
            assertEquals(1, seconds.size(), "the row the first claimer holds is skipped, not waited for");
            assertNotEquals(firsts.get(0).taskId(), seconds.get(0).taskId());
            first.rollback();
            second.rollback();
        }
    }
}
