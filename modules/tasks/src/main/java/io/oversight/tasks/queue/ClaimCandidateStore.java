package io.oversight.tasks.queue;

import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewTask;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which open tasks a reviewer may take: those of items they have not had and are not excluded from
 * (tables {@code task_task}, {@code task_item_reviewer}, {@code task_item_exclusion}), in queue order
 * for a claim, counted per queue for their dashboard, and the open tasks that may have run out of
 * eligible reviewers. Plain JDBC in the caller's transaction.
 */
@ApplicationScoped
public class ClaimCandidateStore {

    /** An open task that may be claimed, with what diversity sampling needs. */
    public record ClaimCandidate(String taskId, String itemId, long simHash) {
    }

    /** Extra unlocked candidates read on H2, where concurrent claimers compete for the same first rows. */
    private static final int H2_CANDIDATE_SLACK = 64;

    /**
     * The open tasks of queue (?1 workflow, ?2 tier) that reviewer ?3 (identity digest ?4) may take, in
     * queue order. Index {@code task_open_in_order_by_id} (tasks migration V8) has exactly these keys
     * after the queue's, down to the tie-breaker {@code id}, so the first rows come straight off it and
     * no plan sorts the queue, whether or not the table has statistics.
     */
    static final String CLAIMABLE_IN_QUEUE_ORDER = "FROM task_task t "
            + "WHERE t.workflow_key = ? AND t.tier = ? AND t.status = 'OPEN' "
            + "AND NOT EXISTS (SELECT 1 FROM task_item_reviewer r WHERE r.item_id = t.item_id AND r.reviewer = ?) "
            + "AND NOT EXISTS (SELECT 1 FROM task_item_exclusion e WHERE e.item_id = t.item_id "
            + "AND e.identity_digest = ?) "
            + "ORDER BY t.priority DESC, t.sla_deadline ASC NULLS LAST, t.uncertainty DESC, t.created_at, t.id";

    /**
     * Up to {@code limit} open tasks of a queue that the reviewer may take, best first. On PostgreSQL
     * they are locked, skipping rows other claimers hold, so concurrent reviewers never wait on each
     * other. H2 applies LIMIT before skipping locked rows (a second claimer would see nothing), so
     * there the candidates are read without locks and {@link TaskStore#claim} decides who gets each one.
     */
    public List<ClaimCandidate> lockCandidates(Connection c, QueueKey queue, String reviewer, String identityDigest,
            int limit) throws SQLException {
        boolean skipLocked = isPostgres(c);
        try (PreparedStatement select = c.prepareStatement("SELECT t.id, t.item_id, t.sim_hash "
                + CLAIMABLE_IN_QUEUE_ORDER + " LIMIT ?" + (skipLocked ? " FOR UPDATE SKIP LOCKED" : ""))) {
            select.setString(1, queue.workflowKey());
            select.setInt(2, queue.tier());
            select.setString(3, reviewer);
            select.setString(4, identityDigest);
            select.setInt(5, skipLocked ? limit : limit + H2_CANDIDATE_SLACK);
            List<ClaimCandidate> candidates = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new ClaimCandidate(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            return candidates;
        }
    }

    /**
     * Open tasks of a queue whose item at least {@code people} people have had or are excluded from
     * (the only ones that can be out of eligible reviewers), oldest first.
     */
    public List<ReviewTask> openTasksPassedOnBy(Connection c, QueueKey queue, int people, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + TaskColumns.LIST + " FROM task_task t "
                + "WHERE t.workflow_key = ? AND t.tier = ? AND t.status = 'OPEN' AND NOT t.gold "
                + "AND (SELECT COUNT(*) FROM task_item_reviewer r WHERE r.item_id = t.item_id) "
                + "+ (SELECT COUNT(*) FROM task_item_exclusion e WHERE e.item_id = t.item_id) >= ? "
                + "ORDER BY t.created_at, t.id LIMIT ?")) {
            select.setString(1, queue.workflowKey());
            select.setInt(2, queue.tier());
            select.setInt(3, people);
            select.setInt(4, limit);
            return TaskColumns.tasks(select);
        }
    }

    /** Per queue, the items with an open task the reviewer has not had and is not excluded from. */
    public Map<QueueKey, Long> claimableCounts(Connection c, String reviewer, String identityDigest)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT t.workflow_key, t.tier, COUNT(DISTINCT t.item_id) "
                + "FROM task_task t WHERE t.status = 'OPEN' AND NOT t.gold "
                + "AND NOT EXISTS (SELECT 1 FROM task_item_reviewer r WHERE r.item_id = t.item_id AND r.reviewer = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM task_item_exclusion e WHERE e.item_id = t.item_id "
                + "AND e.identity_digest = ?) GROUP BY t.workflow_key, t.tier")) {
            select.setString(1, reviewer);
            select.setString(2, identityDigest);
            Map<QueueKey, Long> counts = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(new QueueKey(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
            return counts;
        }
    }

    /** Of {@code itemIds}, those the reviewer has never had and is not excluded from, in the given order. */
    public List<String> unseenBy(Connection c, List<String> itemIds, String reviewer, String identityDigest)
            throws SQLException {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", Collections.nCopies(itemIds.size(), "?"));
        Set<String> seen = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT item_id FROM task_item_reviewer WHERE reviewer = ? "
                + "AND item_id IN (" + in + ") UNION SELECT item_id FROM task_item_exclusion WHERE identity_digest = ? "
                + "AND item_id IN (" + in + ")")) {
            int i = 1;
            select.setString(i++, reviewer);
            for (String id : itemIds) {
                select.setString(i++, id);
            }
            select.setString(i++, identityDigest);
            for (String id : itemIds) {
                select.setString(i++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seen.add(rows.getString(1));
                }
            }
        }
        return itemIds.stream().filter(id -> !seen.contains(id)).toList();
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
