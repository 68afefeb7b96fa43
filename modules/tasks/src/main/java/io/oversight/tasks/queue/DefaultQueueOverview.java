package io.oversight.tasks.queue;

import io.oversight.governance.RoutingPolicies;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.SlaTarget;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Database;
import io.oversight.tasks.intake.IntakeService;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.QueueOverview;
import io.oversight.tasks.QueueStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Queue counts from a recent snapshot ({@link LiveQueueCounts}), with each queue's SLA target and breach state. */
@ApplicationScoped
public class DefaultQueueOverview implements QueueOverview {

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    RoutingPolicies policies;

    @Inject
    Clock clock;

    @Inject
    ClaimCandidateStore claimCandidateStore;

    @Inject
    LiveQueueCounts liveCounts;

    @Inject
    SlaStore slaStore;

    /**
     * Every queue that has live tasks or an SLA target, with its counts (a snapshot at most a second
     * old, {@link LiveQueueCounts}) and SLA state.
     */
    @Override
    public List<QueueStatistics> statistics() {
        return statistics(liveCounts.current());
    }

    /** As {@link #statistics()}, for the SLA monitor: its reads do not keep the counts' background refresh going. */
    List<QueueStatistics> statisticsForBackgroundJob() {
        return statistics(liveCounts.currentForBackgroundJob());
    }

    private List<QueueStatistics> statistics(List<QueueCountStore.QueueCounts> counts) {
        Set<String> breached = new HashSet<>();
        database.run("reading SLA state", slaStore::breachedStates)
                .forEach(s -> breached.add(s.queue() + "/" + s.measure()));
        Map<QueueKey, QueueCountStore.QueueCounts> byQueue = new HashMap<>();
        counts.forEach(c -> byQueue.put(c.queue(), c));
        Set<QueueKey> keys = new java.util.TreeSet<>(Comparator.comparing(QueueKey::workflowKey)
                .thenComparingInt(QueueKey::tier));
        keys.addAll(byQueue.keySet());
        Map<String, RoutingPolicy> policyOf = new HashMap<>();
        for (Workflow workflow : workflows.list()) {
            policies.activeFor(workflow.key()).ifPresent(p -> {
                policyOf.put(workflow.key(), p);
                p.slaTargets().forEach(s -> keys.add(new QueueKey(workflow.key(), s.tier())));
            });
        }
        Instant now = clock.instant();
        List<QueueStatistics> statistics = new ArrayList<>();
        for (QueueKey key : keys) {
            Optional<QueueCountStore.QueueCounts> c = Optional.ofNullable(byQueue.get(key));
            Optional<SlaTarget> sla = Optional.ofNullable(policyOf.get(key.workflowKey())).flatMap(p -> p.slaFor(key.tier()));
            statistics.add(new QueueStatistics(key, c.map(QueueCountStore.QueueCounts::open).orElse(0L),
                    c.map(QueueCountStore.QueueCounts::claimed).orElse(0L),
                    c.flatMap(QueueCountStore.QueueCounts::oldestOpen).map(t -> Duration.between(t, now)),
                    sla.map(SlaTarget::minutesToReview), sla.map(SlaTarget::maxQueueDepth),
                    breached.contains(key + "/" + SlaStore.Measure.REVIEW_TIME),
                    breached.contains(key + "/" + SlaStore.Measure.QUEUE_DEPTH)));
        }
        return statistics;
    }

    @Override
    public Map<QueueKey, Long> claimableBy(String reviewer) {
        return database.run("counting a reviewer's work",
                c -> claimCandidateStore.claimableCounts(c, reviewer, IntakeService.identityDigest(reviewer)));
    }

}
