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
import io.oversight.kernel.KeptReads;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What intake needs to know about a workflow, read once and then kept in memory: the workflow with
 * its taxonomy, the active routing policy (parsed), the active guideline, the intake settings, the
 * number of reviews an item starts with, and the model snapshots predictions name. Without it every
 * prediction paid some ten database round trips in six transactions for configuration that changes
 * a few times a day.
 *
 * <p>Freshness ({@link KeptReads}): a recorded change on this server ({@link GovernanceChanged}, after
 * its commit) discards every entry, so the next prediction here is routed by the new configuration; a
 * change made on another server is seen once the entry's time to live
 * ({@code oversight.intake.configurationCacheMillis}, default 1 s) runs out.
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

        Configuration(Workflow workflow, Optional<RoutingPolicy> policy, IntakeSettings settings, int initialReviews,
                      Optional<GuidelineVersion> guideline, ModelSnapshots snapshots) {
            this.workflow = workflow;
            this.policy = policy;
            this.settings = settings;
            this.initialReviews = initialReviews;
            this.guideline = guideline;
            this.snapshots = snapshots;
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

    private KeptReads<String, Configuration> kept = keptBy(System::nanoTime);

    private KeptReads<String, Configuration> keptBy(LongSupplier nanoTime) {
        return new KeptReads<>(() -> configuration.configurationCacheMillis(), Integer.MAX_VALUE, nanoTime);
    }

    /** For tests: the clock that ages entries. */
    void useNanoTime(LongSupplier nanoTime) {
        kept = keptBy(nanoTime);
    }

    /**
     * The workflow's configuration, read from the database when the kept one is older than the bound
     * or superseded ({@link KeptReads}: one caller re-reads an aged one while the others go on with it).
     */
    public Configuration of(String workflowKey) {
        return kept.get(workflowKey, this::read);
    }

    private Configuration read(String workflowKey) {
        Workflow workflow = workflows.find(workflowKey)
                .orElseThrow(() -> new NotFoundException("No workflow " + workflowKey + "."));
        return new Configuration(workflow, policies.activeFor(workflowKey), settingsService.of(workflowKey),
                reviewDemand.initialReviews(workflowKey, workflow.reviewersPerItem()), guidelines.activeFor(workflowKey),
                snapshots);
    }

    /** A governance change committed on this server: whatever was read before it is not used again. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) GovernanceChanged change) {
        kept.forgetAll();
    }
}
