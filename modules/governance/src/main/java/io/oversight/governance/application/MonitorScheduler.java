package io.oversight.governance.application;

import io.oversight.ledger.PlatformStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the monitor tick on every server every {@code oversight.monitors.tickSeconds} (default 30);
 * the tick's lock row makes one server compute a round while the others skip it. A failing round is
 * logged and its observations stay in the outbox for the next one.
 */
@ApplicationScoped
public class MonitorScheduler {

    private static final Logger LOG = Logger.getLogger(MonitorScheduler.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "oversight.monitors.tickSeconds", defaultValue = "30")
    int tickSeconds;

    @Inject
    MonitorComputation computation;

    private Optional<ScheduledFuture<?>> job = Optional.empty();

    synchronized void onPlatformStarted(@Observes PlatformStarted started) {
        if (job.isPresent()) {
            return;
        }
        long millis = Math.max(1, tickSeconds) * 1000L;
        job = Optional.of(scheduler.scheduleWithFixedDelay(() -> {
            try {
                computation.tick();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The monitor tick failed; it runs again in " + millis + " ms", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    synchronized void stop() {
        job.ifPresent(j -> j.cancel(false));
        job = Optional.empty();
    }
}
