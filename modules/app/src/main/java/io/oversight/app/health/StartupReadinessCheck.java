package io.oversight.app.health;

import io.oversight.app.startup.DatabaseMigrations;
import io.oversight.app.startup.StartupSequence;
import io.oversight.app.startup.StartupState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every module's schema is migrated and accounts are seeded; reports the schema versions. */
@Readiness
@ApplicationScoped
public class StartupReadinessCheck implements HealthCheck {

    @Inject
    StartupSequence startup;

    @Inject
    DatabaseMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        StartupState state = startup.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("startup")
                .status(state.phase() == StartupState.Phase.READY)
                .withData("phase", state.phase().name())
                .withData("schema", String.join(", ", migrations.appliedVersions()));
        state.failure().ifPresent(why -> response.withData("failure", why));
        return response.build();
    }
}
