package io.oversight.tasks;

import io.oversight.governance.IntegrationMode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A received prediction as reviewers, callers and other modules see it. The payload is the stored
 * one: personal-data fields are vault tokens, never the values.
 *
 * @param routeReason     why routing sent it where it went (outcome, band or rule, policy version)
 * @param orderingMethod  the active-learning measure its tasks are ordered by, as applied
 * @param uncertainty     that measure's score, in [0, 1]; higher is reviewed earlier
 * @param classScores     the model's per-class scores, when it sent them (empty otherwise)
 * @param candidates      the two outputs of a pairwise-preference item (empty otherwise); its predicted
 *                        label, if any, is the id of the candidate the model prefers
 * @param decisionVerdict whether the decision approved, corrected or rejected the model's output
 */
public record ReviewItem(
        String id,
        String workflowKey,
        String clientKey,
        IntegrationMode integrationMode,
        String modelSnapshotId,
        List<String> predictedLabels,
        Optional<String> predictedOutput,
        double confidence,
        Map<String, Double> classScores,
        List<Candidate> candidates,
        String payloadJson,
        Optional<String> correlationId,
        int priority,
        String routeOutcome,
        int routeTier,
        String routeReason,
        String policyId,
        int policyVersion,
        boolean auditSampled,
        OrderingMethod orderingMethod,
        double uncertainty,
        String uncertaintyNote,
        ItemStatus status,
        int reviewsRequired,
        List<String> decisionLabels,
        Optional<String> decisionOutput,
        Optional<DecisionSource> decisionSource,
        Optional<Verdict> decisionVerdict,
        Optional<Boolean> modelAgreed,
        Optional<TimeoutOutcome> inlineTimeoutOutcome,
        Instant receivedAt,
        Optional<Instant> decidedAt) {

    public ReviewItem {
        predictedLabels = List.copyOf(predictedLabels);
        decisionLabels = List.copyOf(decisionLabels);
        classScores = Map.copyOf(classScores);
        candidates = List.copyOf(candidates);
    }
}
