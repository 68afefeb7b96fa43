package io.oversight.governance.application;

import io.oversight.kernel.ConflictException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorSettings;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.domain.GovernanceRepository;
import io.oversight.governance.domain.PolicyContent;
import io.oversight.governance.domain.RoutingPolicyEntity;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import io.oversight.governance.domain.stats.AutonomyAdvice;
import io.oversight.ledger.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Earned-autonomy advice from a workflow's day windows of the last {@code days} days: the
 * prediction confidences give each threshold's reviewer load, the human-final outcomes (reviews and
 * HOTL audits) its auto-accept error ({@link AutonomyAdvice}). Applying it only writes a new DRAFT
 * routing-policy version with the recommended auto-accept threshold: a person reviews and activates
 * it, never this service.
 */
@ApplicationScoped
@Transactional
public class AutonomyAdviceService {

    public static final int DEFAULT_DAYS = 30;

    @Inject
    DefaultMonitors monitors;

    @Inject
    DefaultRoutingPolicyService policies;

    @Inject
    GovernanceRepository repository;

    @Inject
    GovernanceLedger ledger;

    /** The advice, with the period it rests on and the mean daily volume (to turn shares into items). */
    public record Advice(String workflowKey, Instant from, Instant to, long predictions, double predictionsPerDay,
            Optional<Double> currentThreshold, AutonomyAdvice.Result result) {
    }

    public Advice advise(String workflowKey, Optional<Double> target, int days) {
        if (days < 1 || days > 365) {
            throw InvalidInputException.sentence("days", "must be between 1 and 365");
        }
        MonitorSettings settings = monitors.settings(workflowKey);
        double bound = target.orElse(settings.adviceTarget());
        if (!(bound > 0 && bound < 1)) {
            throw InvalidInputException.sentence("target", "must be strictly between 0 and 1");
        }
        Instant now = ledger.clock().instant();
        Instant to = MonitorGrain.DAY.windowStart(now).plus(MonitorGrain.DAY.length());
        Instant from = to.minus(Duration.ofDays(days));
        WindowAggregate total = monitors.total(workflowKey, MonitorTick.WORKFLOW, MonitorGrain.DAY, from, to);
        AutonomyAdvice.Result result = AutonomyAdvice.advise(total.confidence(), total.outcomes(), total.errors(),
                AutonomyAdvice.standardCandidates(), bound, settings.minN());
        Optional<Double> current = policies.activeFor(workflowKey).map(p -> p.bands().autoAcceptAtOrAbove());
        return new Advice(workflowKey, from, to, total.predictions(), total.predictions() / (double) days, current, result);
    }

    /**
     * Writes a DRAFT copy of the active policy with {@code threshold} as its auto-accept threshold.
     * @throws ConflictException without an active policy to start from
     */
    public RoutingPolicy applyAsDraft(String workflowKey, double threshold, Actor actor) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw InvalidInputException.sentence("threshold", "must be in (0, 1]");
        }
        RoutingPolicyEntity active = repository.activePolicy(workflowKey).orElseThrow(() -> new ConflictException(
                "Workflow " + workflowKey + " has no active routing policy to start the draft from."));
        PolicyContent c = active.content();
        PolicyContent draft = new PolicyContent(threshold, c.lowAtOrBelow(), c.lowOutcome(), c.reviewBands(),
                c.labelThresholds(), c.rules(), c.hotlSamplingRate(), c.slaTargets());
        return policies.createDraft(workflowKey, draft, actor);
    }
}
