package io.oversight.governance;

import io.oversight.ledger.format.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a workflow's routing policy, immutable once active. Routing a
 * prediction: the first matching payload rule sends it to review at the rule's tier; otherwise its
 * label's thresholds (or the policy's bands) decide. HOTL sampling of auto-accepted items is the
 * caller's to apply, at {@code hotlSamplingRate}.
 *
 * @param contentDigest SHA-256 of the canonical serialization of the policy's content
 */
public record RoutingPolicy(
        String id,
        String workflowKey,
        int number,
        PolicyStatus status,
        ConfidenceBands bands,
        List<LabelThreshold> labelThresholds,
        List<RoutingRule> rules,
        double hotlSamplingRate,
        List<SlaTarget> slaTargets,
        Digest contentDigest,
        Instant createdAt,
        Instant statusChangedAt) {

    public RoutingPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bands, "bands");
        labelThresholds = List.copyOf(labelThresholds);
        rules = List.copyOf(rules);
        slaTargets = List.copyOf(slaTargets);
        Objects.requireNonNull(contentDigest, "contentDigest");
    }

    public Optional<LabelThreshold> thresholdFor(String labelCode) {
        return labelThresholds.stream().filter(t -> t.labelCode().equals(labelCode)).findFirst();
    }

    public Optional<SlaTarget> slaFor(int tier) {
        return slaTargets.stream().filter(s -> s.tier() == tier).findFirst();
    }

    /**
     * Routes one prediction.
     *
     * @param labelCode  the predicted label
     * @param confidence the model's confidence in it, in [0, 1]
     * @param payload    the input payload (nested maps), for the rules
     * @throws IllegalArgumentException if the confidence is NaN or outside [0, 1]
     */
    public RouteDecision route(String labelCode, double confidence, Map<String, ?> payload) {
        if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        for (RoutingRule rule : rules) {
            if (rule.matches(payload)) {
                return new RouteDecision(RouteDecision.Outcome.HUMAN_REVIEW, rule.tier(), "rule: " + rule.expression());
            }
        }
        Optional<LabelThreshold> threshold = thresholdFor(labelCode);
        double accept = threshold.map(LabelThreshold::autoAcceptAtOrAbove).orElse(bands.autoAcceptAtOrAbove());
        double low = threshold.map(LabelThreshold::lowAtOrBelow).orElse(bands.lowAtOrBelow());
        String source = threshold.isPresent() ? "threshold of label " + labelCode : "policy bands";
        if (confidence >= accept) {
            return new RouteDecision(RouteDecision.Outcome.AUTO_ACCEPT, 0, "confidence >= " + accept + " (" + source + ")");
        }
        if (confidence <= low) {
            return bands.lowOutcome() == LowConfidenceOutcome.ESCALATE
                    ? new RouteDecision(RouteDecision.Outcome.ESCALATE, 3, "confidence <= " + low + " (" + source + ")")
                    : new RouteDecision(RouteDecision.Outcome.AUTO_REJECT, 0, "confidence <= " + low + " (" + source + ")");
        }
        int tier = bands.tierFor(confidence);
        return new RouteDecision(RouteDecision.Outcome.HUMAN_REVIEW, tier, "confidence band of tier " + tier);
    }
}
