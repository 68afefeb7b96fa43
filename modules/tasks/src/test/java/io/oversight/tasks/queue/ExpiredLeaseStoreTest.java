package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.TaskTransition;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.queue.ExpiredLeaseStore.ExpiredLease;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Expired leases on H2 and PostgreSQL: only leases that ran out are found, oldest first, and reopening one returns it to its queue. */
class ExpiredLeaseStoreTest {

    private final ExpiredLeaseStore leases = new ExpiredLeaseStore();
    private final TaskStore tasks = new TaskStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLeaseThatRanOutIsFoundAndReopeningItPutsTheTaskBackInItsQueue(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "early", "late", "running");
            tasks.claim(c, "t-early", "rita", T0.plusSeconds(60));
            tasks.claim(c, "t-late", "ed", T0.plusSeconds(90));
            tasks.claim(c, "t-running", "ed", T0.plusSeconds(3600));

            assertEquals(List.of(new ExpiredLease("t-early", "early", "loans", 1, "rita")), leases.lockExpiredLeases(c, T0.plusSeconds(61), 10));
            assertEquals(List.of("ed", "rita"), leases.expiredLeaseHolders(c, T0.plusSeconds(120), 10).stream().sorted().toList());
            List<ExpiredLease> expired = leases.lockExpiredLeases(c, T0.plusSeconds(120), 10);
            assertEquals(List.of("t-early", "t-late"), expired.stream().map(ExpiredLease::taskId).toList());

            for (ExpiredLease lease : expired) {
                assertTrue(tasks.reopen(c, TaskTransition.LEASE_EXPIRY, lease.taskId(), lease.holder()));
            }
            ReviewTask reopened = tasks.findTask(c, "t-early", false).orElseThrow();
            assertEquals(TaskStatus.OPEN, reopened.status());
            assertEquals(Optional.empty(), reopened.leaseHolder());
            assertEquals(List.of(), leases.lockExpiredLeases(c, T0.plusSeconds(120), 10));
            assertEquals(TaskStatus.CLAIMED, tasks.findTask(c, "t-running", false).orElseThrow().status());
        }
    }
}
