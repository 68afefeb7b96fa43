package io.oversight.app.startup;

import io.oversight.app.users.AccountSeeding;
import io.oversight.ledger.PlatformStarted;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the database to the current schema, refuses demo mode on a database that is not the
 * embedded one (unless forced), seeds accounts, then tells the modules the platform has started (they
 * start background work and seed demo data) when the application starts. A failure is kept (readiness
 * reports it) rather than thrown, so the server stays up and an operator can read why it is not ready.
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Inject
    DatabaseMigrations migrations;

    @Inject
    AccountSeeding accountSeeding;

    @Inject
    Event<PlatformStarted> platformStarted;

    @Inject
    @ConfigProperty(name = "oversight.demo.force", defaultValue = "false")
    boolean demoForced;

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    private final AtomicReference<StartupState> state = new AtomicReference<>(StartupState.starting());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            // after the migrations, so that readiness can still read the ledger's state to report the refusal
            migrations.migrate();
            DemoModeGuard.refusal(accountSeeding.demoMode(), demoForced, databaseUrl()).ifPresent(why -> {
                throw new IllegalStateException(why);
            });
            accountSeeding.seed();
            platformStarted.fire(new PlatformStarted(accountSeeding.demoMode()));
            state.set(StartupState.ready());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Oversight could not start: " + e.getMessage(), e);
            state.set(StartupState.failed(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private String databaseUrl() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    public StartupState state() {
        return state.get();
    }
}
