package io.oversight.tasks.routing;

import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.RouteDecision;
import io.oversight.governance.RoutingPolicy;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.TaskPurpose;
import java.util.Optional;

/**
 * What intake does with one prediction: the policy's decision, the item's resulting status, and the
 * tasks to open (none, one audit or escalation task, or one review task per required reviewer).
 *
 * @param decision        the routing policy's verdict, recorded as is
 * @param status          the item's status after intake
 * @param taskPurpose     purpose of the tasks to open, if any
 * @param taskTier        their queue's tier
 * @param taskCount       how many (independent reviews), 0 for none
 * @param auditDraw       the seeded draw compared with the sampling rate, for auto-accepted items
 * @param reason          why, in words, for the ledger and for people
 */
public record RoutingPlan(RouteDecision decision, ItemStatus status, Optional<TaskPurpose> taskPurpose, int taskTier,
        int taskCount, Optional<Double> auditDraw, boolean auditSampled, String reason) {

    /**
     * Routes a prediction. In SHADOW mode nothing is acted on, so items the policy would decide
     * automatically go to people too, at the tier of the nearest review band.
     *
     * @param routedLabel the first predicted label ("" for free text)
     */
    public static RoutingPlan of(RoutingPolicy policy, IntegrationMode mode, String routedLabel, double confidence,
            java.util.Map<String, ?> payload, int reviewersPerItem, IntakeSettings settings, String clientKey) {
        RouteDecision decision = policy.route(routedLabel, confidence, payload);
        boolean shadow = mode == IntegrationMode.SHADOW;
        switch (decision.outcome()) {
            case AUTO_ACCEPT -> {
                if (shadow) {
                    return shadowReview(decision, policy, confidence, reviewersPerItem);
                }
                double draw = AuditSampler.draw(settings.auditSeed(), policy.workflowKey(), clientKey);
                boolean sampled = AuditSampler.sampled(draw, policy.hotlSamplingRate());
                String reason = decision.reason() + (sampled
                        ? "; sampled for audit (draw " + draw + " < rate " + policy.hotlSamplingRate() + ")" : "");
                return new RoutingPlan(decision, ItemStatus.AUTO_ACCEPTED,
                        sampled ? Optional.of(TaskPurpose.AUDIT) : Optional.empty(), sampled ? settings.auditTier() : 0,
                        sampled ? 1 : 0, Optional.of(draw), sampled, reason);
            }
            case AUTO_REJECT -> {
                if (shadow) {
                    return shadowReview(decision, policy, confidence, reviewersPerItem);
                }
                return new RoutingPlan(decision, ItemStatus.AUTO_REJECTED, Optional.empty(), 0, 0, Optional.empty(), false,
                        decision.reason());
            }
            case ESCALATE -> {
                return new RoutingPlan(decision, ItemStatus.IN_REVIEW, Optional.of(TaskPurpose.ESCALATION),
                        decision.tier(), 1, Optional.empty(), false, decision.reason());
            }
            case HUMAN_REVIEW -> {
                return new RoutingPlan(decision, ItemStatus.IN_REVIEW, Optional.of(TaskPurpose.REVIEW), decision.tier(),
                        reviewersPerItem, Optional.empty(), false, decision.reason());
            }
            default -> throw new IllegalStateException("unknown outcome " + decision.outcome());
        }
    }

    private static RoutingPlan shadowReview(RouteDecision decision, RoutingPolicy policy, double confidence,
            int reviewersPerItem) {
        int tier = policy.bands().tierFor(confidence);
        return new RoutingPlan(decision, ItemStatus.IN_REVIEW, Optional.of(TaskPurpose.REVIEW), tier, reviewersPerItem,
                Optional.empty(), false, "shadow mode, people decide; the policy would " + decision.outcome()
                        + " (" + decision.reason() + ")");
    }
}
