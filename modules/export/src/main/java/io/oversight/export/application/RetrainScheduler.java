package io.oversight.export.application;

import io.oversight.export.RetrainTriggers;
import io.oversight.ledger.PlatformStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a retrain round on every server every {@code oversight.export.triggerSeconds} (default 60);
 * the round's lock row makes one server evaluate while the others skip it (as the monitor tick). A
 * failing round is logged and rolled back; the next one measures again.
 */
@ApplicationScoped
public class RetrainScheduler {

    private static final Logger LOG = Logger.getLogger(RetrainScheduler.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "oversight.export.triggerSeconds", defaultValue = "60")
    int triggerSeconds;

    @Inject
    RetrainTriggers triggers;

    private Optional<ScheduledFuture<?>> job = Optional.empty();

    synchronized void onPlatformStarted(@Observes PlatformStarted started) {
        if (job.isPresent()) {
            return;
        }
        long millis = Math.max(1, triggerSeconds) * 1000L;
        job = Optional.of(scheduler.scheduleWithFixedDelay(() -> {
            try {
                triggers.evaluate();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The retrain-trigger round failed; it runs again in " + millis + " ms", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    synchronized void stop() {
        job.ifPresent(j -> j.cancel(false));
        job = Optional.empty();
    }
}
