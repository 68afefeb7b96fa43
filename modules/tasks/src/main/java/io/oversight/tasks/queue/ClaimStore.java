package io.oversight.tasks.queue;

import static io.oversight.kernel.SqlValues.utc;

import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.HeldTask;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.TaskTransition;
import io.oversight.tasks.intake.ItemColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The two reads of a reviewer's hot path that take a task with its item in one round trip each:
 * claim-next on PostgreSQL (pick, lock, lease, remember the reviewer, answer task and item) and the
 * hold of a claimed task before a decision on it. Plain JDBC in the caller's transaction.
 */
@ApplicationScoped
public class ClaimStore {

    /** Prefix of the task's columns in a row that also holds its item's, which share several names. */
    private static final String TASK = "task_";

    /**
     * Claim-next on PostgreSQL: the first task in queue order that the reviewer may take, skipping
     * rows other claimers have locked, is leased to them and their name recorded on its item (whose
     * primary key keeps one reviewer from two slots of an item); the statement answers the task as
     * updated, joined to its item. The update finds the row it locked by the row's physical address
     * ({@code ctid}, stable while the statement holds the lock): a plan that PostgreSQL keeps for the
     * connection is made for the tables as they were, and one made while the queue was empty (a new
     * server whose reviewers ask for work) found the row by its id through the open-task index, walking
     * every open task for every claim ever after: 43 ms at 50,000 open tasks. Parameters: workflow,
     * tier, reviewer, identity digest, reviewer, lease end, reviewer.
     */
    static final String CLAIM_NEXT = "WITH candidate AS (SELECT t.ctid AS row_address, t.id "
            + ClaimCandidateStore.CLAIMABLE_IN_QUEUE_ORDER + " LIMIT 1 FOR UPDATE OF t SKIP LOCKED), "
            + "claimed AS (UPDATE task_task t SET " + TaskTransition.CLAIM.assignment() + ", lease_holder = ?, "
            + "lease_expires_at = ?, claims = t.claims + 1 FROM candidate WHERE t.ctid = candidate.row_address "
            + "AND t.id = candidate.id AND t."
            + TaskTransition.CLAIM.guard() + " RETURNING " + TaskColumns.prefixed("t", "") + "), "
            + "seen AS (INSERT INTO task_item_reviewer (item_id, reviewer, task_id) SELECT item_id, ?, id FROM claimed) "
            + "SELECT " + TaskColumns.prefixed("claimed", TASK) + ", " + ItemColumns.of("i")
            + " FROM claimed JOIN task_item i ON i.id = claimed.item_id";

    /**
     * Whether {@link #claimNext} runs on this connection's database: PostgreSQL, whose data-modifying
     * {@code WITH} and {@code SKIP LOCKED} it needs. H2 applies {@code LIMIT} before skipping locked
     * rows, so there claims take {@link ClaimCandidateStore#lockCandidates} and {@link TaskStore#claim}.
     */
    public boolean claimsInOneStatement(Connection c) throws SQLException {
        return ClaimCandidateStore.isPostgres(c);
    }

    /** Claims the next task of {@code queue} for {@code reviewer} in one statement (PostgreSQL); empty if none is left for them. */
    public Optional<ClaimedTask> claimNext(Connection c, QueueKey queue, String reviewer, String identityDigest,
            Instant leaseEnd) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement(CLAIM_NEXT)) {
            claim.setString(1, queue.workflowKey());
            claim.setInt(2, queue.tier());
            claim.setString(3, reviewer);
            claim.setString(4, identityDigest);
            claim.setString(5, reviewer);
            claim.setObject(6, utc(leaseEnd));
            claim.setString(7, reviewer);
            try (ResultSet rows = claim.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                QueueChanges.record();
                return Optional.of(new ClaimedTask(TaskColumns.task(rows, TASK), ItemColumns.item(rows).item()));
            }
        }
    }

    /**
     * The task with its item and gold flag, both rows locked for this transaction. On PostgreSQL the
     * lock is {@code FOR NO KEY UPDATE}: it keeps other writers of the two rows out but lets concurrent
     * claims of the item's other slots insert rows that refer to it (their foreign-key checks take a
     * key-share lock, which {@code FOR UPDATE} would block).
     */
    public Optional<HeldTask> hold(Connection c, String taskId) throws SQLException {
        String lock = ClaimCandidateStore.isPostgres(c) ? " FOR NO KEY UPDATE" : " FOR UPDATE";
        try (PreparedStatement select = c.prepareStatement("SELECT " + TaskColumns.prefixed("t", TASK) + ", t.gold AS "
                + TASK + "gold, " + ItemColumns.of("i") + " FROM task_task t JOIN task_item i ON i.id = t.item_id "
                + "WHERE t.id = ?" + lock)) {
            select.setString(1, taskId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new HeldTask(TaskColumns.task(rows, TASK), ItemColumns.item(rows).item(),
                                rows.getBoolean(TASK + "gold")))
                        : Optional.empty();
            }
        }
    }
}
