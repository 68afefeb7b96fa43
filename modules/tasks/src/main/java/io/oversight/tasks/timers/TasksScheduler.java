package io.oversight.tasks.timers;

import io.oversight.tasks.delivery.InlineWaits;
import io.oversight.tasks.queue.LeaseReaper;
import io.oversight.tasks.queue.LiveQueueCounts;
import io.oversight.tasks.queue.QueueVacuum;
import io.oversight.tasks.queue.SlaMonitor;
import io.oversight.tasks.settings.TasksConfiguration;
import io.oversight.tasks.delivery.WebhookDispatcher;
import io.oversight.ledger.PlatformStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tasks module's background work, on every server of a cluster (each job is safe to run on
 * several at once): returning expired leases, watching SLAs, sending webhooks, answering inline
 * waiters, keeping the queue counts' snapshot fresh while it is read, vacuuming the task table. A
 * failing run is logged and retried at the next tick.
 */
@ApplicationScoped
public class TasksScheduler {

    private static final Logger LOG = Logger.getLogger(TasksScheduler.class.getName());
    /**
     * How long one tick of the webhook dispatcher may go on sending rounds of due deliveries. A tick
     * drains what is due, round after full round, rather than a fixed number: a cap of 50 per tick
     * held a server to under 50 deliveries a second, below the rate at which a busy review loop decides
     * items, so the backlog grew for as long as the load lasted. The bound lets a shutdown or a
     * redeploy stop the job between rounds.
     */
    static final long WEBHOOK_TICK_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How often the queue counts are taken again while someone reads them. */
    static final long QUEUE_COUNTS_MILLIS = 1_000;
    /** How often a server asks whether it has changed enough tasks to vacuum the task table. */
    static final long QUEUE_VACUUM_MILLIS = 5_000;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    TasksConfiguration configuration;

    @Inject
    LeaseReaper leaseReaper;

    @Inject
    SlaMonitor slaMonitor;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    InlineWaits inlineWaits;

    @Inject
    LiveQueueCounts queueCounts;

    @Inject
    QueueVacuum queueVacuum;

    private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

    synchronized void onPlatformStarted(@Observes PlatformStarted started) {
        if (!jobs.isEmpty()) {
            return;
        }
        jobs.add(every(configuration.leaseReaperSeconds() * 1000L, "lease reaper", leaseReaper::reapExpired));
        jobs.add(every(configuration.slaMonitorSeconds() * 1000L, "SLA monitor", slaMonitor::check));
        jobs.add(every(configuration.webhookPollMillis(), "webhook dispatcher",
                () -> drain(() -> webhooks.sendDue() == WebhookDispatcher.ROUND, WEBHOOK_TICK_BUDGET_NANOS,
                        System::nanoTime)));
        jobs.add(every(configuration.inlinePollMillis(), "inline waits", inlineWaits::poll));
        jobs.add(every(QUEUE_COUNTS_MILLIS, "queue counts", queueCounts::refreshIfWatched));
        jobs.add(every(QUEUE_VACUUM_MILLIS, "task table vacuum", queueVacuum::vacuumIfChanged));
    }

    /**
     * Runs {@code step} until it finds nothing to do or {@code budgetNanos} have passed since the first
     * step; at least one step runs. @return how many steps did something
     */
    static int drain(BooleanSupplier step, long budgetNanos, LongSupplier nanoTime) {
        long deadline = nanoTime.getAsLong() + budgetNanos;
        int done = 0;
        while (step.getAsBoolean()) {
            done++;
            if (nanoTime.getAsLong() - deadline >= 0) {
                break;
            }
        }
        return done;
    }

    private ScheduledFuture<?> every(long millis, String name, Runnable job) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The tasks module's " + name + " failed; it runs again in " + millis + " ms", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        jobs.forEach(job -> job.cancel(false));
        jobs.clear();
    }
}
