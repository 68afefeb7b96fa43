package io.oversight.tasks.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Server-wide limits and timer periods of the tasks module (MicroProfile Config; see docs/operator-guide.md). */
@ApplicationScoped
public class TasksConfiguration {

    /** Largest input payload, as canonical JSON bytes. */
    @Inject
    @ConfigProperty(name = "oversight.intake.maxPayloadBytes", defaultValue = "65536")
    int maxPayloadBytes;

    /** Largest request body of one prediction. */
    @Inject
    @ConfigProperty(name = "oversight.intake.maxBodyBytes", defaultValue = "131072")
    int maxBodyBytes;

    /** Largest request body of a batch. */
    @Inject
    @ConfigProperty(name = "oversight.intake.maxBatchBodyBytes", defaultValue = "16777216")
    int maxBatchBodyBytes;

    @Inject
    @ConfigProperty(name = "oversight.tasks.leaseReaperSeconds", defaultValue = "5")
    int leaseReaperSeconds;

    @Inject
    @ConfigProperty(name = "oversight.tasks.slaMonitorSeconds", defaultValue = "15")
    int slaMonitorSeconds;

    @Inject
    @ConfigProperty(name = "oversight.tasks.webhookPollMillis", defaultValue = "1000")
    int webhookPollMillis;

    @Inject
    @ConfigProperty(name = "oversight.tasks.inlinePollMillis", defaultValue = "250")
    int inlinePollMillis;

    /**
     * How long intake uses a workflow's configuration read from the database before reading it again:
     * the bound on how late a governance change made on another server reaches this one's intake.
     */
    @Inject
    @ConfigProperty(name = "oversight.intake.configurationCacheMillis", defaultValue = "1000")
    int configurationCacheMillis;

    /**
     * The most single predictions of one workflow written in one transaction (request coalescing,
     * ADR 0052); 1 writes each alone.
     */
    @Inject
    @ConfigProperty(name = "oversight.intake.coalesceMax", defaultValue = "200")
    int intakeCoalesceMax;

    /** Task changes committed on a server after which it vacuums the task table (PostgreSQL; 0: never). */
    @Inject
    @ConfigProperty(name = "oversight.tasks.queueVacuumChanges", defaultValue = "2000")
    int queueVacuumChanges;

    public int maxPayloadBytes() {
        return Math.min(maxPayloadBytes, 262_144);
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxBatchBodyBytes() {
        return maxBatchBodyBytes;
    }

    public int leaseReaperSeconds() {
        return leaseReaperSeconds;
    }

    public int slaMonitorSeconds() {
        return slaMonitorSeconds;
    }

    public int webhookPollMillis() {
        return webhookPollMillis;
    }

    public int inlinePollMillis() {
        return inlinePollMillis;
    }

    public int intakeCoalesceMax() {
        return Math.max(1, intakeCoalesceMax);
    }

    public int queueVacuumChanges() {
        return queueVacuumChanges;
    }

    public int configurationCacheMillis() {
        return Math.max(0, configurationCacheMillis);
    }
}
