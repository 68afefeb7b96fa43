package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.queue.SlaStore.Alert;
import io.oversight.tasks.queue.SlaStore.Measure;
import io.oversight.tasks.queue.SlaStore.State;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SLA episodes on H2 and PostgreSQL: a measure's state starts unbreached, a breach opens an alert, recovery closes it. */
class SlaStoreTest {

    private static final QueueKey LOANS_1 = new QueueKey("loans", 1);

    private final SlaStore store = new SlaStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBreachEpisodeOpensAndClosesOneAlert(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            State fresh = store.lockState(c, LOANS_1, Measure.QUEUE_DEPTH, T0);
            assertEquals(new State(LOANS_1, Measure.QUEUE_DEPTH, false, Optional.empty()), fresh);
            assertEquals(fresh, store.lockState(c, LOANS_1, Measure.QUEUE_DEPTH, T0.plusSeconds(1)), "created once");

            store.openAlert(c, new Alert("a1", LOANS_1, Measure.QUEUE_DEPTH, 120, 100, T0.plusSeconds(60), Optional.empty()));
            store.updateState(c, fresh, true, Optional.of("a1"), T0.plusSeconds(60));
            State breached = new State(LOANS_1, Measure.QUEUE_DEPTH, true, Optional.of("a1"));
            assertEquals(List.of(breached), store.breachedStates(c));
            assertEquals(breached, store.lockState(c, LOANS_1, Measure.QUEUE_DEPTH, T0.plusSeconds(61)));
            assertEquals(new State(LOANS_1, Measure.REVIEW_TIME, false, Optional.empty()),
                    store.lockState(c, LOANS_1, Measure.REVIEW_TIME, T0.plusSeconds(61)), "each measure has its own state");

            store.closeAlert(c, "a1", T0.plusSeconds(300));
            store.updateState(c, breached, false, Optional.empty(), T0.plusSeconds(300));
            store.openAlert(c, new Alert("a2", LOANS_1, Measure.REVIEW_TIME, 900, 600, T0.plusSeconds(400), Optional.empty()));

            assertEquals(List.of(), store.breachedStates(c));
            assertEquals(List.of(new Alert("a2", LOANS_1, Measure.REVIEW_TIME, 900, 600, T0.plusSeconds(400), Optional.empty()),
                    new Alert("a1", LOANS_1, Measure.QUEUE_DEPTH, 120, 100, T0.plusSeconds(60), Optional.of(T0.plusSeconds(300)))),
                    store.recentAlerts(c, 10));
            assertEquals(1, store.recentAlerts(c, 1).size());
        }
    }
}
