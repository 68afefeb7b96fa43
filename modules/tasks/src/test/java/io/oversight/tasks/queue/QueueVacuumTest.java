package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.delivery.WebhookDispatcher;
import io.oversight.tasks.delivery.WebhookStore;
import io.oversight.tasks.intake.ItemStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The claim index after many claims, and the webhook outbox's due index after many deliveries, before
 * and after the vacuum: claims and dispatcher rounds read past the entries their predecessors left at
 * the head of the queue until a vacuum removes them.
 */
class QueueVacuumTest {

    private static final int TASKS = 10_000;
    private static final int CLAIMED = 4_000;
    private static final Pattern INDEX_PAGES = Pattern.compile("Index Scan using task_open_in_order_by_id.*\\n\\s*"
            + "Index Cond:.*\\n(?:\\s*Filter:.*\\n)?\\s*Buffers: shared hit=(\\d+)");

    private static final Pattern DUE_INDEX_PAGES = Pattern.compile("(?:Index Scan using|Bitmap Index Scan on) task_webhook_due.*\\n\\s*"
            + "Index Cond:.*\\n(?:\\s*Filter:.*\\n)?\\s*Buffers: shared hit=(\\d+)");

    @Test
    void afterTheVacuumAClaimReadsAFewPagesInsteadOfEveryEntryItsPredecessorsLeftBehind() throws SQLException {
        DataSource database = TestDatabase.freshPostgres("oversight_tasks_vacuum_test", TasksTestSchema.MIGRATIONS);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE task_task SET (autovacuum_enabled = false)"); // whatever the server's setting
            new ItemStore().insertItems(c, List.of(TaskRows.item("item", "vacuum", "item", "ok", T0)));
            s.execute("INSERT INTO task_task (id, item_id, workflow_key, tier, purpose, slot, status, priority, uncertainty, "
                    + "sim_hash, claims, created_at) SELECT 'task-' || g, 'item', 'vacuum', 1, 'REVIEW', 1, 'OPEN', 0, "
                    + "0.5, 0, 0, now() + (g || ' seconds')::interval FROM generate_series(1, " + TASKS + ") g");
            // the first CLAIMED in queue order are claimed, one statement each, as claim-next does
            for (int g = 1; g <= CLAIMED; g++) {
                s.execute("UPDATE task_task SET status = 'CLAIMED', lease_holder = 'rita' WHERE id = 'task-" + g + "'");
            }
            pagesReadByNextClaim(s); // the first scan marks the dead entries; the next ones skip them, page by page
            int before = pagesReadByNextClaim(s);

            assertTrue(QueueVacuum.vacuum(c));
            int after = pagesReadByNextClaim(s);

            assertTrue(before > 20, "before the vacuum the claim reads past " + CLAIMED + " dead entries: " + before + " pages");
            assertTrue(after <= 5, "after it the claim starts at the first open task: " + after + " pages");
            try (ResultSet open = s.executeQuery("SELECT count(*) FROM task_task WHERE status = 'OPEN'")) {
                open.next();
                assertEquals(TASKS - CLAIMED, open.getInt(1), "a vacuum changes no task");
            }
        }
    }

    @Test
    void afterTheVacuumTheDispatchersRoundReadsAFewPagesInsteadOfTheSentDeliveriesEntries() throws SQLException {
        DataSource database = TestDatabase.freshPostgres("oversight_tasks_vacuum_test", TasksTestSchema.MIGRATIONS);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE task_webhook_delivery SET (autovacuum_enabled = false)");
            new ItemStore().insertItems(c, List.of(TaskRows.item("item", "vacuum", "item", "ok", T0)));
            s.execute("INSERT INTO task_webhook_delivery (id, item_id, workflow_key, url, body, status, attempts, "
                    + "next_attempt_at, created_at) SELECT 'd-' || g, 'item', 'vacuum', 'https://example.org/hook', '{}', "
                    + "'PENDING', 0, now() - interval '" + (CLAIMED + 100) + " seconds' + (g || ' seconds')::interval, now() "
                    + "FROM generate_series(1, " + TASKS + ") g");
            // the first CLAIMED in due order are delivered, one statement each, as the dispatcher records
            // them; a hundred more are due, the rest later
            for (int g = 1; g <= CLAIMED; g++) {
                s.execute("UPDATE task_webhook_delivery SET status = 'DELIVERED', attempts = 1, next_attempt_at = NULL, "
                        + "delivered_at = now() WHERE id = 'd-" + g + "'");
            }
            pagesReadByNextRound(s);
            int before = pagesReadByNextRound(s);

            assertTrue(QueueVacuum.vacuum(c));
            int after = pagesReadByNextRound(s);

            assertTrue(before >= 10, "before the vacuum the round reads past " + CLAIMED + " sent deliveries: " + before + " pages");
            assertTrue(after <= 5, "after it the round starts at the first due delivery: " + after + " pages");
        }
    }

    @Test
    void aDatabaseOtherThanPostgresqlIsNotVacuumed() throws SQLException {
        try (Connection c = TestDatabase.H2.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            assertFalse(QueueVacuum.vacuum(c));
        }
    }

    @Test
    void theTableIsVacuumedOnceEnoughTaskChangesCommittedSinceTheLastTime() {
        assertFalse(QueueVacuum.due(1_999, 0, 2_000));
        assertTrue(QueueVacuum.due(2_000, 0, 2_000));
        assertFalse(QueueVacuum.due(3_999, 2_000, 2_000), "counted from the last vacuum");
        assertTrue(QueueVacuum.due(4_000, 2_000, 2_000));
        assertFalse(QueueVacuum.due(1_000_000, 0, 0), "0 turns it off");
    }

    /** Index pages the dispatcher's next round reads (its statement as WebhookStore runs it). */
    private static int pagesReadByNextRound(Statement s) throws SQLException {
        return indexPagesRead(s, "SELECT id " + WebhookStore.DUE_IN_ORDER.replaceFirst("\\?", "now()")
                + " LIMIT " + WebhookDispatcher.ROUND + " FOR UPDATE SKIP LOCKED", DUE_INDEX_PAGES);
    }

    /** Index pages the claim's candidate scan reads for the next claimer (plan of the real query). */
    private static int pagesReadByNextClaim(Statement s) throws SQLException {
        return indexPagesRead(s, "SELECT t.id " + ClaimCandidateStore.CLAIMABLE_IN_QUEUE_ORDER.replaceFirst("\\?", "'vacuum'")
                .replaceFirst("\\?", "1").replaceFirst("\\?", "'sam'").replaceFirst("\\?", "'sam-digest'") + " LIMIT 1",
                INDEX_PAGES);
    }

    /** The shared-buffer hits of the index scan {@code pages} finds in the plan of {@code query}, run. */
    private static int indexPagesRead(Statement s, String query, Pattern pages) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        Matcher found = pages.matcher(plan);
        assertTrue(found.find(), plan.toString());
        return Integer.parseInt(found.group(1));
    }
}
