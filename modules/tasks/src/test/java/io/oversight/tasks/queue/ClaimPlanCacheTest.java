package io.oversight.tasks.queue;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.IndexStatistics;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.TasksTestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Claim-next on a connection that first claimed while the queue was empty, as the connections of a
 * new server whose reviewers ask for work do, and again once 50,000 tasks wait: the claim must still
 * read a few entries of the open-task index, not all of them. PostgreSQL keeps a prepared statement's
 * plan for the connection after five executions, made for the tables as they were then. The entries
 * read are PostgreSQL's own index statistics (PostgreSQL 15 or later, which can be asked to publish
 * them at once).
 */
class ClaimPlanCacheTest {

    private static final QueueKey QUEUE = new QueueKey("claims", 1);
    /** The claim as it was before its update found the locked row by address: the test can fail. */
    private static final String CLAIM_BY_ID_ONLY = ClaimStore.CLAIM_NEXT.replace("t.ctid = candidate.row_address AND ", "");

    @Test
    void aClaimFirstMadeOnAnEmptyQueueReadsAFewIndexEntriesOnceTheQueueIsFull() throws SQLException {
        DataSource database = emptyQueue("oversight_tasks_claim_cache_test");
        try (Connection c = database.getConnection()) {
            IndexStatistics.assumePublishable(c);
            ClaimStore claims = new ClaimStore();
            for (int i = 0; i < 12; i++) {
                assertTrue(claims.claimNext(c, QUEUE, "rita", "rita-digest", T0.plusSeconds(600)).isEmpty());
            }
            ClaimPlanTest.fillQueue(database);

            long before = openTaskIndexEntriesRead(database, c);
            assertTrue(claims.claimNext(c, QUEUE, "rita", "rita-digest", T0.plusSeconds(600)).isPresent());
            long read = openTaskIndexEntriesRead(database, c) - before;

            assertTrue(read < 100, "entries of the open-task index read by one claim: " + read);
        }
    }

    @Test
    void theClaimByIdOnlyWalksEveryOpenTaskWithThePlanKeptFromTheEmptyQueue() throws SQLException {
        DataSource database = emptyQueue("oversight_tasks_claim_cache_old_test");
        try (Connection c = database.getConnection(); PreparedStatement claim = c.prepareStatement(CLAIM_BY_ID_ONLY)) {
            IndexStatistics.assumePublishable(c);
            for (int i = 0; i < 12; i++) {
                assertEquals(0, claimOnce(claim));
            }
            ClaimPlanTest.fillQueue(database);

            long before = openTaskIndexEntriesRead(database, c);
            assertEquals(1, claimOnce(claim));
            long read = openTaskIndexEntriesRead(database, c) - before;

            assertTrue(read > 10_000, "entries of the open-task index read by one claim: " + read);
        }
    }

    private static DataSource emptyQueue(String name) throws SQLException {
        DataSource database = TestDatabase.freshPostgres(name, TasksTestSchema.MIGRATIONS);
        ClaimPlanTest.neverAnalyzed(database);
        return database;
    }

    private static int claimOnce(PreparedStatement claim) throws SQLException {
        claim.setString(1, QUEUE.workflowKey());
        claim.setInt(2, QUEUE.tier());
        claim.setString(3, "rita");
        claim.setString(4, "rita-digest");
        claim.setString(5, "rita");
        claim.setTimestamp(6, Timestamp.from(T0.plusSeconds(600)));
        claim.setString(7, "rita");
        int claimed = 0;
        try (ResultSet rows = claim.executeQuery()) {
            while (rows.next()) {
                claimed++;
            }
        }
        return claimed;
    }

    private static long openTaskIndexEntriesRead(DataSource database, Connection user) throws SQLException {
        return IndexStatistics.entriesRead(database, user, "task_open_in_order_by_id");
    }
}
