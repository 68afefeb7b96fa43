package io.oversight.ledger.application;

import io.oversight.ledger.PlatformStarted;
import io.oversight.ledger.SequencerControl;
import io.oversight.ledger.SequencerHealth;
import io.oversight.ledger.storage.LogStatus;
import io.oversight.ledger.storage.Micros;
import io.oversight.ledger.storage.Sequencer;
import io.oversight.ledger.storage.Sql;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs this server's sealing loop on the default managed scheduled executor, outside any JTA
 * transaction: each cycle takes a connection and seals with local transactions (see
 * {@link Sequencer}). Every server of a cluster may run it; the head row lock makes them take turns.
 * A failing cycle (database down, keystore unreadable, refused checkpoint) is logged, reported by
 * {@link #health()}, and retried at the next tick: records keep accumulating safely in the outbox.
 */
@ApplicationScoped
public class SequencerService implements SequencerControl {

    private static final Logger LOG = Logger.getLogger(SequencerService.class.getName());

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    LedgerConfiguration configuration;

    private ScheduledFuture<?> loop;
    private Sequencer sequencer;
    private volatile Optional<Instant> lastSealAt = Optional.empty();
    private volatile Optional<String> lastError = Optional.empty();

    @Override
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        long poll = configuration.pollInterval().toMillis();
        loop = scheduler.scheduleWithFixedDelay(this::cycle, 0, poll, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Ledger sequencer started for origin " + configuration.settings().origin() + ", polling every "
                + poll + " ms");
    }

    /** The platform is migrated and seeded: from now on records can be sealed. */
    void onPlatformStarted(@Observes PlatformStarted started) {
        start();
    }

    @Override
    @PreDestroy
    public synchronized void stop() {
        if (loop != null) {
            loop.cancel(false);
            loop = null;
            LOG.info("Ledger sequencer stopped");
        }
    }

    @Override
    public SequencerHealth health() {
        boolean running;
        synchronized (this) {
            running = loop != null && !loop.isDone();
        }
        LogStatus status = Sql.withConnection(dataSource, "reading the sequencer's state", LogStatus::read);
        Duration age = status.oldestPendingMicros()
                .map(t -> Duration.ofNanos(Math.max(0, Micros.now(configuration.clock()) - t) * 1_000))
                .orElse(Duration.ZERO);
        return new SequencerHealth(running, lastSealAt, status.backlog(), age, status.treeSize(), status.checkpointSize(),
                lastError);
    }

    /** One tick: seal what is committed, sign when due. Runs on the scheduler, never concurrently with itself. */
    private void cycle() {
        try (Connection connection = dataSource.getConnection()) {
            sequencer().runCycle(connection);
            lastSealAt = Optional.of(configuration.clock().instant());
            lastError = Optional.empty();
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!lastError.equals(Optional.of(message))) {
                LOG.log(Level.WARNING, "Ledger sealing cycle failed; retrying", e);
            }
            lastError = Optional.of(message);
        }
    }

    private Sequencer sequencer() {
        if (sequencer == null) {
            sequencer = new Sequencer(configuration.settings(), configuration.keyStore(), configuration.clock());
        }
        return sequencer;
    }
}
