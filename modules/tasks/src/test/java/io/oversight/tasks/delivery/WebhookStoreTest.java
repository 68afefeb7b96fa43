package io.oversight.tasks.delivery;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.delivery.WebhookStore.Attempt;
import io.oversight.tasks.delivery.WebhookStore.Delivery;
import io.oversight.tasks.delivery.WebhookStore.DeliveryStatus;
import io.oversight.tasks.delivery.WebhookStore.Filter;
import io.oversight.tasks.delivery.WebhookStore.Listed;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The webhook outbox on H2 and PostgreSQL: only pending deliveries that are due are taken, oldest
 * first; an attempt moves a delivery on; two dispatchers never take the same delivery at once.
 */
class WebhookStoreTest {

    private final WebhookStore store = new WebhookStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyPendingDueDeliveriesAreTakenAndAnAttemptMovesOneOn(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1", "i2");
            store.insert(c, "d-late", "i1", "loans", "https://example.org/hook", "{}", T0.plusSeconds(60));
            store.insert(c, "d-early", "i2", "loans", "https://example.org/hook", "{}", T0);
            store.insert(c, "d-alert", null, "loans", "https://example.org/hook", "{}", T0.plusSeconds(3600));

            assertEquals(List.of("d-early"), ids(store.lockDue(c, T0.plusSeconds(30), 10)));
            List<Delivery> due = store.lockDue(c, T0.plusSeconds(60), 10);
            assertEquals(List.of("d-early", "d-late"), ids(due));

            Attempt failed = new Attempt(1, T0.plusSeconds(61), Optional.of(503), Optional.of("unavailable"), 12);
            Attempt delivered = new Attempt(1, T0.plusSeconds(61), Optional.of(200), Optional.empty(), 9);
            store.recordAttempts(c, List.of(
                    new WebhookRound.Outcome(due.get(0), failed, DeliveryStatus.PENDING, Optional.of(T0.plusSeconds(120))),
                    new WebhookRound.Outcome(due.get(1), delivered, DeliveryStatus.DELIVERED, Optional.empty())));

            assertEquals(List.of(), store.lockDue(c, T0.plusSeconds(119), 10), "retried later; delivered never again");
            assertEquals(List.of("d-early"), ids(store.lockDue(c, T0.plusSeconds(120), 10)));
            Delivery late = store.ofItem(c, "i1").get(0);
            assertEquals(DeliveryStatus.DELIVERED, late.status());
            assertEquals(Optional.of(T0.plusSeconds(61)), late.deliveredAt());
            assertEquals(List.of(failed), store.attempts(c, "d-early"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWorkflowsDeliveriesArePagedNewestFirstWithTheirLatestAttempt(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1");
            for (int i = 1; i <= 3; i++) {
                store.insert(c, "d" + i, "i1", "loans", "https://example.org/hook", "{}", T0.plusSeconds(i));
            }
            store.insert(c, "other", null, "posts", "https://example.org/hook", "{}", T0.plusSeconds(9));
            Delivery first = store.ofItem(c, "i1").get(0);
            Attempt attempt = new Attempt(1, T0.plusSeconds(5), Optional.empty(), Optional.of("timeout"), 10_000);
            store.recordAttempts(c, List.of(new WebhookRound.Outcome(first, attempt, DeliveryStatus.FAILED, Optional.empty())));

            Filter all = new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            List<Listed> page = store.ofWorkflow(c, "loans", all, 2);
            assertEquals(List.of("d3", "d2"), page.stream().map(l -> l.delivery().id()).toList());
            List<Listed> next = store.ofWorkflow(c, "loans", new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("d2")), 2);
            assertEquals(List.of("d1"), next.stream().map(l -> l.delivery().id()).toList());
            assertEquals(Optional.of(attempt), next.get(0).lastAttempt());
            assertEquals(List.of("d1"), store.ofWorkflow(c, "loans", new Filter(Optional.of(DeliveryStatus.FAILED),
                    Optional.empty(), Optional.empty(), Optional.empty()), 10).stream().map(l -> l.delivery().id()).toList());
            assertEquals(List.of(), store.ofWorkflow(c, "loans", new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("other")), 10), "a cursor of another workflow matches nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoDispatchersNeverTakeTheSameDelivery(TestDatabase database) throws Exception {
        Assumptions.assumeTrue(database == TestDatabase.POSTGRES,
                "H2 applies LIMIT before skipping locked rows, so there a second dispatcher may see nothing at all");
        DataSource dataSource = database.fresh(TasksTestSchema.MIGRATIONS);
        try (Connection setUp = dataSource.getConnection()) {
            TaskRows.itemsWithTasks(setUp, "loans", "i1");
            store.insert(setUp, "d1", "i1", "loans", "https://example.org/hook", "{}", T0);
            store.insert(setUp, "d2", "i1", "loans", "https://example.org/hook", "{}", T0.plusSeconds(1));
        }
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertEquals(List.of("d1"), ids(store.lockDue(first, T0.plusSeconds(60), 1)));
            assertEquals(List.of("d2"), ids(store.lockDue(second, T0.plusSeconds(60), 1)), "d1 is skipped, not waited for");
            assertEquals(List.of("d2"), ids(store.lockDue(second, T0.plusSeconds(60), 10)), "still not d1, whatever the limit");
            first.rollback();
            second.rollback();
        }
    }

    private static List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::id).toList();
    }
}
