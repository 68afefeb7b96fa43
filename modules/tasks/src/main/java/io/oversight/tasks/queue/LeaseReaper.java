package io.oversight.tasks.queue;

import io.oversight.tasks.recording.TasksLedger;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Actor;
import io.oversight.tasks.TaskTransition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns tasks whose lease ran out to their queue, one ledger entry each. Safe on several servers
 * at once: expired rows are taken with {@code FOR UPDATE SKIP LOCKED}, so each is reaped once.
 */
@ApplicationScoped
public class LeaseReaper {

    static final int BATCH = 500;

    @Inject
    Database database;

    @Inject
    TasksLedger ledger;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    @Inject
    InTransaction inTransaction;

    @Inject
    ExpiredLeaseStore expiredLeaseStore;

    @Inject
    ItemReviewerStore itemReviewerStore;

    @Inject
    TaskStore taskStore;

    /**
     * Resolves the holders' pseudonyms first, outside any transaction, then reaps in one transaction
     * the leases still expired whose holder it knows (a lease that expired in between waits a tick).
     *
     * @return how many leases were reaped
     */
    public int reapExpired() {
        Instant now = clock.instant();
        Map<String, String> pseudonymOfHolder = new HashMap<>();
        database.run("finding expired leases", c -> expiredLeaseStore.expiredLeaseHolders(c, now, BATCH))
                .forEach(holder -> pseudonymOfHolder.put(holder, callers.pseudonymOf(holder)));
        if (pseudonymOfHolder.isEmpty()) {
            return 0;
        }
        return inTransaction.call(() -> reap(now, pseudonymOfHolder));
    }

    private int reap(Instant now, Map<String, String> pseudonymOfHolder) {
        List<ExpiredLeaseStore.ExpiredLease> expired = database.run("reaping expired leases", c -> {
            List<ExpiredLeaseStore.ExpiredLease> leases = new ArrayList<>();
            for (ExpiredLeaseStore.ExpiredLease lease : expiredLeaseStore.lockExpiredLeases(c, now, BATCH)) {
                if (pseudonymOfHolder.containsKey(lease.holder())) {
                    taskStore.reopen(c, TaskTransition.LEASE_EXPIRY, lease.taskId(), lease.holder());
                    itemReviewerStore.removeItemReviewer(c, lease.itemId(), lease.holder());
                    taskStore.discardIfGold(c, lease.taskId());
                    leases.add(lease);
                }
            }
            return leases;
        });
        for (ExpiredLeaseStore.ExpiredLease lease : expired) {
            ledger.write(ledger.record(TasksLedger.LEASE_EXPIRED, Actor.system("lease-reaper"), lease.workflowKey())
                    .subject("task", lease.taskId())
                    .occurredAt(now)
                    .attribute("item", lease.itemId())
                    .attribute("tier", Integer.toString(lease.tier()))
                    .attribute("holder", pseudonymOfHolder.get(lease.holder())));
        }
        return expired.size();
    }
}
