package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.HeldTask;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.intake.ItemStore;
import io.oversight.tasks.intake.StoredItem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claim-next in one statement (PostgreSQL) and the hold of a claimed task with its item (H2 and
 * PostgreSQL): the claim takes the first task in queue order of an item the reviewer may have, leases
 * it and remembers the reviewer, and concurrent claimers never share a task.
 */
class ClaimStoreTest {

    private static final QueueKey LOANS_1 = new QueueKey("loans", 1);
    private static final Instant LEASE_END = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(600);

    private final ClaimStore claims = new ClaimStore();
    private final TaskStore tasks = new TaskStore();
    private final ItemStore items = new ItemStore();
    private final ItemReviewerStore reviewers = new ItemReviewerStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyPostgresClaimsInOneStatement(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            assertEquals(database == TestDatabase.POSTGRES, claims.claimsInOneStatement(c),
                    "H2 applies LIMIT before skipping locked rows, so it keeps the candidate-then-claim path");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimNextTakesTheFirstTaskInQueueOrderOfAnItemTheReviewerMayHave(TestDatabase database) throws Exception {
        Assumptions.assumeTrue(database == TestDatabase.POSTGRES, "the one-statement claim is PostgreSQL's");
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            for (String id : List.of("low", "late", "early", "had", "excluded")) {
                items.insertItems(c, List.of(TaskRows.item(id, "loans", id, "spam", T0)));
            }
            tasks.insertTasks(c, List.of(TaskRows.task("t-low", "low", "loans", 0, 0),
                    TaskRows.task("t-late", "late", "loans", 5, 2), TaskRows.task("t-early", "early", "loans", 5, 1),
                    TaskRows.task("t-had", "had", "loans", 9, 0), TaskRows.task("t-excluded", "excluded", "loans", 9, 0)));
            TaskRows.itemsWithTasks(c, "posts", "other-queue");
            reviewers.addItemReviewer(c, "had", "rita", "t-had");
            reviewers.insertExclusions(c, "excluded", Set.of("rita-digest"));

            List<String> order = new ArrayList<>();
            Optional<ClaimedTask> claimed;
            while ((claimed = claims.claimNext(c, LOANS_1, "rita", "rita-digest", LEASE_END)).isPresent()) {
                ClaimedTask task = claimed.get();
                assertEquals(TaskStatus.CLAIMED, task.task().status());
                assertEquals(Optional.of("rita"), task.task().leaseHolder());
                assertEquals(Optional.of(LEASE_END), task.task().leaseExpiresAt());
                assertEquals(task.task().itemId(), task.item().id(), "the item comes with its task");
                assertEquals(tasks.findTask(c, task.task().id(), false), Optional.of(task.task()),
                        "the task as the statement left it");
                order.add(task.task().id());
            }
            assertEquals(List.of("t-early", "t-late", "t-low"), order,
                    "priority first, then the older task; never an item she had, is excluded from, or of another queue");
            assertEquals(Set.of("rita"), reviewers.itemReviewers(c, "early"), "the reviewer is remembered on the item");
            assertEquals(1, tasks.findTask(c, "t-early", false).orElseThrow().claims());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentClaimersNeverShareATask(TestDatabase database) throws Exception {
        Assumptions.assumeTrue(database == TestDatabase.POSTGRES, "the one-statement claim is PostgreSQL's");
        DataSource dataSource = database.fresh(TasksTestSchema.MIGRATIONS);
        int open = 300;
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < open; i++) {
                items.insertItems(c, List.of(TaskRows.item("i" + i, "loans", "i" + i, "spam", T0)));
            }
            List<TaskRow> rows = new ArrayList<>();
            for (int i = 0; i < open; i++) {
                rows.add(TaskRows.task("t" + i, "i" + i, "loans", i % 3, i));
            }
            tasks.insertTasks(c, rows);
        }
        int claimers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<Integer>> taken = new ArrayList<>();
            for (int r = 0; r < claimers; r++) {
                String reviewer = "reviewer-" + r;
                taken.add(pool.submit(() -> {
                    int n = 0;
                    try (Connection c = dataSource.getConnection()) {
                        while (claims.claimNext(c, LOANS_1, reviewer, reviewer + "-digest", LEASE_END).isPresent()) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : taken) {
                total += f.get();
            }
            assertEquals(open, total, "every task claimed once, and no claimer came back empty while one was open");
        } finally {
            pool.shutdown();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT MIN(claims), MAX(claims), COUNT(*) FROM task_task WHERE status = 'CLAIMED'")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
            assertEquals(1, rows.getInt(2), "no task leased twice");
            assertEquals(open, rows.getInt(3));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void holdReadsTheTaskWithItsItemAndGoldFlag(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1", "i2");
            tasks.markGoldTask(c, "t-i1");
            tasks.claim(c, "t-i1", "rita", LEASE_END);
            c.setAutoCommit(false);

            HeldTask gold = claims.hold(c, "t-i1").orElseThrow();
            assertEquals(tasks.findTask(c, "t-i1", false), Optional.of(gold.task()));
            assertEquals(items.findItem(c, "i1", false).map(StoredItem::item), Optional.of(gold.item()));
            assertTrue(gold.gold());
            assertFalse(claims.hold(c, "t-i2").orElseThrow().gold());
            assertEquals(Optional.empty(), claims.hold(c, "no-such-task"));
            c.commit();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHeldItemDoesNotHoldUpClaimsOfItsOtherSlotsOnPostgres(TestDatabase database) throws Exception {
        Assumptions.assumeTrue(database == TestDatabase.POSTGRES, "the one-statement claim is PostgreSQL's");
        DataSource dataSource = database.fresh(TasksTestSchema.MIGRATIONS);
        try (Connection c = dataSource.getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1");
            tasks.insertTasks(c, List.of(new TaskRow("t-i1-2", "i1", "loans", 1, TaskPurpose.REVIEW, 2,
                    0, Optional.empty(), 0.5, 0L, T0.plusSeconds(1), Optional.empty())));
            tasks.claim(c, "t-i1", "rita", LEASE_END);
        }
        try (Connection deciding = dataSource.getConnection(); Connection claiming = dataSource.getConnection()) {
            deciding.setAutoCommit(false);
            claims.hold(deciding, "t-i1").orElseThrow();
            claiming.setAutoCommit(false);
            try (Statement s = claiming.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '2s'");
            }
            assertEquals(Optional.of("t-i1-2"), claims.claimNext(claiming, LOANS_1, "ed", "ed-digest", LEASE_END)
                    .map(claimed -> claimed.task().id()), "the reviewer row's key-share lock on the item is not blocked");
            claiming.commit();
            deciding.commit();
        }
    }
}
