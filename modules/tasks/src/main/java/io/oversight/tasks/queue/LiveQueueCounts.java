package io.oversight.tasks.queue;

import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Open and claimed counts of every live queue from a snapshot, instead of a count of every live task
 * per read: {@code GET queues}, {@code GET queues/mine}, the queue pages, the SLA monitor and the
 * stuck-task sweep all read it. A snapshot is reused while it is under {@link #MAX_AGE_MILLIS} old
 * and this server has committed no change to a task since it was taken (so a caller sees its own
 * changes at once); otherwise the next reader counts again, one at a time, the others waiting for
 * that count. While anyone has read the counts in the last {@link #WATCHED_MILLIS}, the tasks
 * scheduler counts again every second, so readers find a fresh snapshot. Changes made by another
 * server of a cluster show within that second. Background jobs (the SLA monitor, the stuck-task
 * sweep) read through {@link #currentForBackgroundJob()}, which does not keep that refresh going: on
 * a busy server they read every 15 to 60 s, and a count every second of a million live tasks would
 * otherwise run for ever.
 */
@ApplicationScoped
public class LiveQueueCounts {

    /** Oldest snapshot a reader accepts when this server changed no task since. */
    static final long MAX_AGE_MILLIS = 1_000;
    /** How long after the last read the snapshot is still refreshed in the background. */
    static final long WATCHED_MILLIS = 60_000;

    @Inject
    Database database;

    @Inject
    QueueCountStore store;

    private record Snapshot(List<QueueCountStore.QueueCounts> counts, long takenAtNanos, long changes) {
    }

    private volatile Snapshot snapshot;
    private volatile long lastReadNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(WATCHED_MILLIS);
    private final Object counting = new Object();
    private final Object publishing = new Object();

    /** The counts of every queue with live tasks, at most {@link #MAX_AGE_MILLIS} old. */
    public List<QueueCountStore.QueueCounts> current() {
        lastReadNanos = System.nanoTime();
        return currentForBackgroundJob();
    }

    /** As {@link #current()}, without keeping the background refresh going. */
    public List<QueueCountStore.QueueCounts> currentForBackgroundJob() {
        Snapshot taken = snapshot;
        if (fresh(taken)) {
            return taken.counts();
        }
        synchronized (counting) {
            taken = snapshot;
            return fresh(taken) ? taken.counts() : count().counts();
        }
    }

    /**
     * Counts again if someone read the counts within {@link #WATCHED_MILLIS} (the scheduler calls this
     * every second). It does not take the readers' lock: holding it while waiting for a pooled
     * connection would stall every reader behind a pool that those readers' requests may be holding.
     */
    public void refreshIfWatched() {
        if (System.nanoTime() - lastReadNanos > TimeUnit.MILLISECONDS.toNanos(WATCHED_MILLIS)) {
            return;
        }
        count();
    }

    private static boolean fresh(Snapshot taken) {
        return taken != null && taken.changes() == QueueChanges.committed()
                && System.nanoTime() - taken.takenAtNanos() < TimeUnit.MILLISECONDS.toNanos(MAX_AGE_MILLIS);
    }

    // The change count and the clock are read before counting: a change committed during the count
    // may or may not be in it, so the snapshot is stamped as taken before it. A snapshot only
    // replaces an older one, since the refresher and a reader may count at the same time.
    private Snapshot count() {
        long changes = QueueChanges.committed();
        long startedAt = System.nanoTime();
        Snapshot taken = new Snapshot(database.run("counting queues", store::queueCounts), startedAt, changes);
        synchronized (publishing) {
            Snapshot previous = snapshot;
            if (previous == null || previous.takenAtNanos() - taken.takenAtNanos() < 0) {
                snapshot = taken;
            }
        }
        return taken;
    }
}
