package io.oversight.tasks.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.governance.ConfidenceBands;
import io.oversight.governance.GovernanceChanged;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.LabelSelection;
import io.oversight.governance.LowConfidenceOutcome;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ModelSnapshots;
import io.oversight.governance.PolicyStatus;
import io.oversight.governance.RiskLevel;
import io.oversight.governance.RiskProfile;
import io.oversight.governance.RoutingPolicies;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Taxonomy;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.format.Digest;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.settings.SettingsService;
import io.oversight.tasks.settings.TasksConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two servers' caches over one database: the server where a policy is activated routes the next
 * prediction by it; the other one within the configured bound, never later.
 */
class IntakeConfigurationsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final long MILLI = 1_000_000L;

    /** The shared database: the active policy version and how often it was read. */
    private final AtomicReference<RoutingPolicy> activePolicy = new AtomicReference<>(policy(1));
    private final AtomicInteger policyReads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(5_000 * MILLI);

    @Test
    void aPolicyActivatedOnOneServerRoutesItsNextPredictionThereAndTheOtherServersWithinTheBound() {
        IntakeConfigurations serverA = server(1000);
        IntakeConfigurations serverB = server(1000);
        assertEquals(1, serverA.of("loans").policy().orElseThrow().number());
        assertEquals(1, serverB.of("loans").policy().orElseThrow().number());
        int reads = policyReads.get();
        assertEquals(1, serverA.of("loans").policy().orElseThrow().number());
        assertEquals(reads, policyReads.get(), "within the bound the kept configuration is used: no read");

        nanos.addAndGet(200 * MILLI);
        activePolicy.set(policy(2)); // activated on server A: committed, then its event
        serverA.changed(new GovernanceChanged("loans"));
        assertEquals(2, serverA.of("loans").policy().orElseThrow().number(), "the next prediction on A");
        assertEquals(1, serverB.of("loans").policy().orElseThrow().number(), "B has not read it yet");

        nanos.addAndGet(799 * MILLI);
        assertEquals(1, serverB.of("loans").policy().orElseThrow().number(), "still within B's bound");
        nanos.addAndGet(MILLI);
        assertEquals(2, serverB.of("loans").policy().orElseThrow().number(), "1 s after B read it, B reads it again");
    }

    private IntakeConfigurations server(int boundMillis) {
        IntakeConfigurations server = new IntakeConfigurations();
        server.useNanoTime(nanos::get);
        server.workflows = new Workflows() {
            @Override
            public Optional<Workflow> find(String key) {
                return Optional.of(new Workflow(key, "Loans", "", new RiskProfile(RiskLevel.HIGH, RiskLevel.LOW, RiskLevel.LOW),
                        IntegrationMode.ASYNC, 1, 365, false, List.of(), TaskKind.CLASSIFICATION, LabelSelection.LEAF_ONLY,
                        new Taxonomy(1, List.of()), T0, T0));
            }

            @Override
            public List<Workflow> list() {
                return List.of();
            }
        };
        server.policies = policies(() -> activePolicy.get());
        server.guidelines = new Guidelines() {
            @Override
            public Optional<GuidelineVersion> activeFor(String workflowKey) {
                return Optional.empty();
            }

            @Override
            public Optional<GuidelineVersion> find(String id) {
                return Optional.empty();
            }

            @Override
            public String renderedInstructions(GuidelineVersion version) {
                return "";
            }

            @Override
            public List<GuidelineVersion> versionsOf(String workflowKey) {
                return List.of();
            }
        };
        server.snapshots = new ModelSnapshots() {
            @Override
            public Optional<ModelSnapshot> find(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<ModelSnapshot> activeFor(String workflowKey) {
                return Optional.empty();
            }

            @Override
            public List<ModelSnapshot> of(String workflowKey) {
                return List.of();
            }
        };
        server.settingsService = new SettingsService() {
            @Override
            public IntakeSettings of(String workflowKey) {
                return IntakeSettings.defaults(workflowKey, "seed");
            }
        };
        server.reviewDemand = (workflowKey, reviewersPerItem) -> reviewersPerItem;
        server.configuration = new TasksConfiguration() {
            @Override
            public int configurationCacheMillis() {
                return boundMillis;
            }
        };
        return server;
    }

    private RoutingPolicies policies(java.util.function.Supplier<RoutingPolicy> active) {
        return new RoutingPolicies() {
            @Override
            public Optional<RoutingPolicy> activeFor(String workflowKey) {
                policyReads.incrementAndGet();
                return Optional.of(active.get());
            }

            @Override
            public Optional<RoutingPolicy> find(String id) {
                return Optional.empty();
            }

            @Override
            public List<RoutingPolicy> versionsOf(String workflowKey) {
                return List.of();
            }
        };
    }

    private static RoutingPolicy policy(int number) {
        return new RoutingPolicy("policy-" + number, "loans", number, PolicyStatus.ACTIVE,
                new ConfidenceBands(0.9, 0.1, LowConfidenceOutcome.ESCALATE, List.of()), List.of(), List.of(), 0.0, List.of(),
                Digest.zero(), T0, T0);
    }
}
