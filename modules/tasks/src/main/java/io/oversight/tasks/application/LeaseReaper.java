package io.oversight.tasks.application;

import io.oversight.ledger.Actor;
import io.oversight.tasks.infrastructure.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Returns tasks whose lease ran out to their queue, one ledger entry each. Safe on several servers
 * at once: expired rows are taken with {@code FOR UPDATE SKIP LOCKED}, so each is reaped once.
 */
@ApplicationScoped
public class LeaseReaper {

    static final int BATCH = 500;

    @Inject
    TasksDatabase database;

    @Inject
    TasksLedger ledger;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** @return how many leases were reaped */
    @Transactional
    public int reapExpired() {
        Instant now = clock.instant();
        List<TaskStore.ExpiredLease> expired = database.run("reaping expired leases", c -> {
            List<TaskStore.ExpiredLease> leases = TaskStore.lockExpiredLeases(c, now, BATCH);
            for (TaskStore.ExpiredLease lease : leases) {
                TaskStore.reopen(c, lease.taskId(), lease.holder());
                TaskStore.removeItemReviewer(c, lease.itemId(), lease.holder());
            }
            return leases;
        });
        for (TaskStore.ExpiredLease lease : expired) {
            ledger.write(ledger.record(TasksLedger.LEASE_EXPIRED, Actor.system("lease-reaper"), lease.workflowKey())
                    .subject("task", lease.taskId())
                    .occurredAt(now)
                    .attribute("item", lease.itemId())
                    .attribute("tier", Integer.toString(lease.tier()))
                    .attribute("holder", callers.pseudonymOf(lease.holder())));
        }
        return expired.size();
    }
}
