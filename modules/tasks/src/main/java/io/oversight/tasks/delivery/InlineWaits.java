package io.oversight.tasks.delivery;

import io.oversight.tasks.recording.TasksLedger;
import io.oversight.tasks.intake.ItemStore;
import io.oversight.ledger.Database;
import io.oversight.ledger.Actor;
import io.oversight.tasks.ItemDecided;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.intake.StoredItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Inline callers waiting for a person's decision. A waiter is answered as soon as the item
 * is decided: at once when the decision is made on this server (after its commit), or at the next
 * poll of the database when another server of the cluster made it. A waiter whose deadline passes
 * gets the workflow's fail-closed or fail-open outcome, which is recorded in the ledger; the item
 * stays in review and its eventual decision still reaches the webhook.
 */
@ApplicationScoped
public class InlineWaits {

    /** What a waiting caller is told: the decided item, or the timeout outcome applied. */
    public record Answer(ReviewItem item, Optional<TimeoutOutcome> timedOut) {
    }

    private record Waiter(String itemId, Instant deadline, TimeoutOutcome onTimeout, Consumer<Answer> resume) {
    }

    private final Map<String, List<Waiter>> waiting = new ConcurrentHashMap<>();

    @Inject
    Database database;

    @Inject
    TasksLedger ledger;

    @Inject
    Clock clock;

    @Inject
    ItemStore itemStore;

    public void await(String itemId, Instant deadline, TimeoutOutcome onTimeout, Consumer<Answer> resume) {
        waiting.computeIfAbsent(itemId, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(new Waiter(itemId, deadline, onTimeout, resume));
    }

    void onDecided(@Observes(during = TransactionPhase.AFTER_SUCCESS) ItemDecided decided) {
        List<Waiter> waiters = waiting.remove(decided.itemId());
        if (waiters != null) {
            Optional<ReviewItem> item = database.run("reading a decided item",
                    c -> itemStore.findItem(c, decided.itemId(), false)).map(StoredItem::item);
            item.ifPresent(i -> waiters.forEach(w -> w.resume().accept(new Answer(i, Optional.empty()))));
        }
    }

    /** Answers waiters whose item was decided elsewhere, and those whose deadline passed. */
    @Transactional
    public void poll() {
        if (waiting.isEmpty()) {
            return;
        }
        List<StoredItem> items = database.run("polling waited-for items",
                c -> itemStore.findItems(c, new ArrayList<>(waiting.keySet())));
        Instant now = clock.instant();
        for (StoredItem stored : items) {
            ReviewItem item = stored.item();
            if (item.status() == ItemStatus.DECIDED || item.status() == ItemStatus.AUTO_ACCEPTED
                    || item.status() == ItemStatus.AUTO_REJECTED) {
                List<Waiter> waiters = waiting.remove(item.id());
                if (waiters != null) {
                    waiters.forEach(w -> w.resume().accept(new Answer(item, Optional.empty())));
                }
                continue;
            }
            List<Waiter> waiters = waiting.get(item.id());
            if (waiters == null) {
                continue;
            }
            for (Waiter waiter : waiters) {
                if (!waiter.deadline().isAfter(now)) {
                    waiters.remove(waiter);
                    timeOut(item, waiter, now);
                }
            }
            waiting.computeIfPresent(item.id(), (k, v) -> v.isEmpty() ? null : v);
        }
    }

    private void timeOut(ReviewItem item, Waiter waiter, Instant now) {
        boolean first = database.run("recording an inline timeout",
                c -> itemStore.recordInlineTimeout(c, item.id(), waiter.onTimeout()));
        if (first) {
            ledger.write(ledger.record(TasksLedger.INLINE_TIMED_OUT, Actor.system("inline-intake"), item.workflowKey())
                    .subject("item", item.id())
                    .modelSnapshot(item.modelSnapshotId())
                    .occurredAt(now)
                    .attribute("outcome", waiter.onTimeout().name())
                    .attribute("actedOnModelOutput", Boolean.toString(waiter.onTimeout() == TimeoutOutcome.FAIL_OPEN)));
        }
        waiter.resume().accept(new Answer(item, Optional.of(waiter.onTimeout())));
    }
}
