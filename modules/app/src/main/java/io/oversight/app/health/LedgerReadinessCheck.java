package io.oversight.app.health;

import io.oversight.ledger.SequencerControl;
import io.oversight.ledger.SequencerHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while this server's ledger sequencer runs without error and committed records do not wait
 * long to be sealed: a server that cannot seal (keystore missing, database refusing) must not take
 * traffic whose actions would pile up unsealed.
 */
@Readiness
@ApplicationScoped
public class LedgerReadinessCheck implements HealthCheck {

    /** Far above the sealing latency target (250 ms p99): a backlog this old means sealing is stuck. */
    static final Duration MAX_PENDING_AGE = Duration.ofSeconds(60);

    @Inject
    SequencerControl sequencer;

    @Override
    public HealthCheckResponse call() {
        SequencerHealth health = sequencer.health();
        boolean up = health.running() && health.lastError().isEmpty()
                && health.oldestPendingAge().compareTo(MAX_PENDING_AGE) < 0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ledger")
                .status(up)
                .withData("running", health.running())
                .withData("treeSize", health.treeSize())
                .withData("checkpointSize", health.checkpointSize())
                .withData("backlog", health.backlog())
                .withData("oldestPendingMillis", health.oldestPendingAge().toMillis());
        health.lastSealAt().ifPresent(at -> response.withData("lastSealAt", at.toString()));
        health.lastError().ifPresent(error -> response.withData("lastError", error));
        return response.build();
    }
}
