package io.oversight.tasks.queue;

import io.oversight.ledger.Database;
import io.oversight.tasks.settings.TasksConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the claim index short on PostgreSQL. Every claim takes the first open task in queue order and
 * leaves behind, at the head of the index {@code task_open_in_order_by_id}, the entry of the row
 * version it replaced; until a vacuum removes them, each claim reads past all of them (measured: 427
 * index and heap pages and 3.1 ms a claim after some 13,000 claims, 10 pages and 0.2 ms after a vacuum).
 * The webhook outbox's due index {@code task_webhook_due} fills the same way with the entries of sent
 * deliveries, one per decision, and the dispatcher's next round reads past them.
 * PostgreSQL's autovacuum, where it runs at all, comes by only once a fifth of a table has changed.
 * So each server vacuums both tables itself once it has committed
 * {@code oversight.tasks.queueVacuumChanges} task changes since it last did (default 2,000; 0 never).
 * {@code SKIP_LOCKED}: a server whose colleague is vacuuming skips its turn instead of waiting.
 */
@ApplicationScoped
public class QueueVacuum {

    static final String VACUUM = "VACUUM (SKIP_LOCKED, INDEX_CLEANUP ON) task_task, task_webhook_delivery";

    @Inject
    Database database;

    @Inject
    TasksConfiguration configuration;

    /** {@link QueueChanges#committed()} when this server last vacuumed (or started). */
    private long vacuumedAt;
    /** Set on a database without VACUUM (H2), where the index keeps no such entries for claims to read. */
    private boolean notNeeded;

    /** Vacuums the task and outbox tables when enough task changes have committed here since the last time. */
    public synchronized void vacuumIfChanged() {
        long changes = QueueChanges.committed();
        if (notNeeded || !due(changes, vacuumedAt, configuration.queueVacuumChanges())) {
            return;
        }
        vacuumedAt = changes;
        notNeeded = !database.run("vacuuming the task and outbox tables", QueueVacuum::vacuum);
    }

    static boolean due(long changes, long vacuumedAt, int threshold) {
        return threshold > 0 && changes - vacuumedAt >= threshold;
    }

    /**
     * Vacuums the task and outbox tables on a connection outside any transaction (VACUUM refuses to run in one).
     *
     * @return false on a database that is not PostgreSQL, where nothing was run
     */
    static boolean vacuum(Connection c) throws SQLException {
        if (!ClaimCandidateStore.isPostgres(c)) {
            return false;
        }
        try (Statement vacuum = c.createStatement()) {
            vacuum.execute(VACUUM);
        }
        return true;
    }
}
