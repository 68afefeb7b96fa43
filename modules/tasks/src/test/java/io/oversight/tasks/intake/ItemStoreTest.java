package io.oversight.tasks.intake;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ItemSearch;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.Verdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Items on H2 and PostgreSQL: written and read back whole, decided, found by client key exactly once
 * per workflow, and searched with a label's LIKE wildcards matching only themselves.
 */
class ItemStoreTest {

    private final ItemStore items = new ItemStore();
    private final ClientKeyStore clientKeys = new ClientKeyStore();
    private final ItemSearchStore searches = new ItemSearchStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anItemIsReadBackAsWrittenAndItsDecisionIsRecorded(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            items.insertItems(c, List.of(TaskRows.item("i1", "loans", "k1", "spam", T0)));

            StoredItem stored = items.findItem(c, "i1", true).orElseThrow();
            assertEquals("digest-i1", stored.requestDigest());
            assertEquals(List.of("spam"), stored.item().predictedLabels());
            assertEquals(ItemStatus.IN_REVIEW, stored.item().status());
            assertEquals(T0, stored.item().receivedAt());
            assertEquals(Optional.empty(), stored.item().decidedAt());
            assertEquals(Optional.empty(), items.findItem(c, "no-such", false));

            items.decideItem(c, "i1", ItemStatus.DECIDED, List.of("ham"), Optional.empty(), DecisionSource.REVIEW,
                    Optional.of(false), T0.plusSeconds(60), Optional.of(Verdict.CORRECT));
            ReviewItem decided = items.findItem(c, "i1", false).orElseThrow().item();
            assertEquals(ItemStatus.DECIDED, decided.status());
            assertEquals(List.of("ham"), decided.decisionLabels());
            assertEquals(Optional.of(DecisionSource.REVIEW), decided.decisionSource());
            assertEquals(Optional.of(false), decided.modelAgreed());
            assertEquals(Optional.of(Verdict.CORRECT), decided.decisionVerdict());
            assertEquals(Optional.of(T0.plusSeconds(60)), decided.decidedAt());
            assertEquals(List.of("i1"), items.findItems(c, Set.of("i1", "no-such")).stream().map(s -> s.item().id()).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInlineTimeoutIsRecordedOnceAndTheFirstOutcomeKept(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            items.insertItems(c, List.of(TaskRows.item("i1", "loans", "k1", "spam", T0)));

            assertTrue(items.recordInlineTimeout(c, "i1", TimeoutOutcome.FAIL_CLOSED));
            assertFalse(items.recordInlineTimeout(c, "i1", TimeoutOutcome.FAIL_OPEN));
            assertEquals(Optional.of(TimeoutOutcome.FAIL_CLOSED), items.findItem(c, "i1", false).orElseThrow().item().inlineTimeoutOutcome());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClientKeyNamesOneItemPerWorkflowAndASecondInsertIsRefusedWholesale(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            items.insertItems(c, List.of(TaskRows.item("i1", "loans", "k1", "spam", T0),
                    TaskRows.item("i2", "posts", "k1", "spam", T0)));

            Map<String, StoredItem> known = clientKeys.findByClientKeys(c, "loans", List.of("k1", "k2"));
            assertEquals(Set.of("k1"), known.keySet());
            assertEquals("i1", known.get("k1").item().id());

            c.setAutoCommit(false);
            SQLException refused = assertThrows(SQLException.class, () -> items.insertItems(c,
                    List.of(TaskRows.item("i3", "loans", "k3", "spam", T0), TaskRows.item("i4", "loans", "k1", "ham", T0))));
            c.rollback();
            assertTrue(isIntegrityViolation(refused), refused.getSQLState());
            assertEquals(Optional.empty(), items.findItem(c, "i3", false), "the batch is one transaction: nothing of it stays");
            assertEquals(List.of("spam"), clientKeys.findByClientKeys(c, "loans", List.of("k1")).get("k1").item().predictedLabels());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void searchFiltersSortsAndPagesAndALabelsWildcardsMatchOnlyThemselves(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            items.insertItems(c, List.of(TaskRows.item("i1", "loans", "a", "50%_off", T0),
                    TaskRows.item("i2", "loans", "b", "50xxoff", T0.plusSeconds(1)),
                    TaskRows.item("i3", "loans", "c", "50%_off", T0.plusSeconds(2)),
                    TaskRows.item("i4", "posts", "d", "50%_off", T0.plusSeconds(3))));

            assertEquals(List.of("i3", "i1"), ids(searches.search(c, search(Optional.of("50%_off"), true, 0, 10))));
            assertEquals(List.of("i1", "i2", "i3"), ids(searches.search(c, search(Optional.empty(), false, 0, 10))));
            assertEquals(List.of("i2", "i3"), ids(searches.search(c, search(Optional.empty(), false, 1, 1))),
                    "one page plus one row telling that a next page exists");
        }
    }

    private static ItemSearch search(Optional<String> label, boolean descending, int offset, int pageSize) {
        return new ItemSearch(Optional.of("loans"), Optional.empty(), label, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), ItemSearch.Order.RECEIVED, descending, offset, pageSize);
    }

    private static List<String> ids(List<ReviewItem> found) {
        return found.stream().map(ReviewItem::id).toList();
    }

    private static boolean isIntegrityViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23")
                || e.getNextException() != null && isIntegrityViolation(e.getNextException());
    }
}
