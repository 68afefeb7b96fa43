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
    /** Most webhook deliveries sent per tick, so one tick stays short. */
    static final int WEBHOOKS_PER_TICK = 50;
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
        jobs.add(every(configuration.webhookPollMillis(), "webhook dispatcher", () -> {
            int sent = 0;
            while (sent < WEBHOOKS_PER_TICK && webhooks.sendNextDue()) {
                sent++;
            }
        }));
        jobs.add(every(configuration.inlinePollMillis(), "inline waits", inlineWaits::poll));
        jobs.add(every(QUEUE_COUNTS_MILLIS, "queue counts", queueCounts::refreshIfWatched));
        jobs.add(every(QUEUE_VACUUM_MILLIS, "task table vacuum", queueVacuum::vacuumIfChanged));
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
