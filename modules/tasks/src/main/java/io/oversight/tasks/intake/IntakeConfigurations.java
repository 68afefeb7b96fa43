package io.oversight.tasks.intake;

import io.oversight.governance.GovernanceChanged;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ModelSnapshots;
import io.oversight.governance.RoutingPolicies;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.NotFoundException;
import io.oversight.tasks.ReviewDemand;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.settings.SettingsService;
import io.oversight.tasks.settings.TasksConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What intake needs to know about a workflow, read once and then kept in memory: the workflow with
 * its taxonomy, the active routing policy (parsed), the active guideline, the intake settings, the
 * number of reviews an item starts with, and the model snapshots predictions name. Without it every
 * prediction paid some ten database round trips in six transactions for configuration that changes
 * a few times a day.
 *
 * <p>Freshness: a recorded change on this server ({@link GovernanceChanged}, after its commit)
 * discards every entry, so the next prediction here is routed by the new configuration. A change
 * made on another server is seen when the entry's time to live
 * ({@code oversight.intake.configurationCacheMillis}, default 1 s) runs out, by the prediction that
 * re-reads it and by all that come after that read (those arriving during the read still use the
 * entry it replaces). An entry read while a
 * change committed is never kept past that change: entries carry the generation they were read in.
 */
@ApplicationScoped
public class IntakeConfigurations {

    /** A workflow's configuration as intake uses it. */
    public static final class Configuration {
        private final Workflow workflow;
        private final Optional<RoutingPolicy> policy;
        private final IntakeSettings settings;
        private final int initialReviews;
        private final Optional<GuidelineVersion> guideline;
        private final ModelSnapshots snapshots;
        private final Map<String, ModelSnapshot> snapshotsById = new ConcurrentHashMap<>();
        private final long generation;
        private final long readAtNanos;

        Configuration(Workflow workflow, Optional<RoutingPolicy> policy, IntakeSettings settings, int initialReviews,
                      Optional<GuidelineVersion> guideline, ModelSnapshots snapshots, long generation, long readAtNanos) {
            this.workflow = workflow;
            this.policy = policy;
            this.settings = settings;
            this.initialReviews = initialReviews;
            this.guideline = guideline;
            this.snapshots = snapshots;
            this.generation = generation;
            this.readAtNanos = readAtNanos;
        }

        public Workflow workflow() {
            return workflow;
        }

        public Optional<RoutingPolicy> policy() {
            return policy;
        }

        public IntakeSettings settings() {
            return settings;
        }

        public int initialReviews() {
            return initialReviews;
        }

        public Optional<GuidelineVersion> guideline() {
            return guideline;
        }

        /** A registered snapshot, kept with the rest; an unknown id is looked up again every time. */
        public Optional<ModelSnapshot> snapshot(String id) {
            ModelSnapshot known = snapshotsById.get(id);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<ModelSnapshot> found = snapshots.find(id);
            found.ifPresent(s -> snapshotsById.put(id, s));
            return found;
        }
    }

    @Inject
    Workflows workflows;

    @Inject
    ModelSnapshots snapshots;

    @Inject
    RoutingPolicies policies;

    @Inject
    Guidelines guidelines;

    @Inject
    SettingsService settingsService;

    @Inject
    ReviewDemand reviewDemand;

    @Inject
    TasksConfiguration configuration;

    private final Map<String, Configuration> byWorkflow = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Set<String> rereading = ConcurrentHashMap.newKeySet();
    private LongSupplier nanoTime = System::nanoTime;

    /** For tests: the clock that ages entries. */
    void useNanoTime(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The workflow's configuration, read from the database when the kept one is older than the bound
     * or superseded. When it is only older than the bound, one caller reads it again while the others
     * go on with the kept one: a busy workflow would otherwise have every concurrent prediction re-read
     * it in the same instant. After a change on this server nobody uses the superseded one.
     */
    public Configuration of(String workflowKey) {
        Configuration kept = byWorkflow.get(workflowKey);
        long now = nanoTime.getAsLong();
        boolean current = kept != null && kept.generation == generation.get();
        if (current && now - kept.readAtNanos < configuration.configurationCacheMillis() * 1_000_000L) {
            return kept;
        }
        if (!current) {
            return read(workflowKey, now);
        }
        if (!rereading.add(workflowKey)) {
            return kept;
        }
        try {
            return read(workflowKey, now);
        } finally {
            rereading.remove(workflowKey);
        }
    }

    private Configuration read(String workflowKey, long now) {
        long readIn = generation.get();
        Workflow workflow = workflows.find(workflowKey)
                .orElseThrow(() -> new NotFoundException("No workflow " + workflowKey + "."));
        Configuration read = new Configuration(workflow, policies.activeFor(workflowKey), settingsService.of(workflowKey),
                reviewDemand.initialReviews(workflowKey, workflow.reviewersPerItem()), guidelines.activeFor(workflowKey),
                snapshots, readIn, now);
        byWorkflow.put(workflowKey, read);
        return read;
    }

    /** A governance change committed on this server: whatever was read before it is not used again. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) GovernanceChanged change) {
        generation.incrementAndGet();
        byWorkflow.clear();
    }
}
