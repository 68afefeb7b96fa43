package io.oversight.tasks.intake;

import io.oversight.governance.IntegrationMode;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.ItemStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A new item as intake writes it. Lists and score maps are already JSON text. */
public record ItemRow(
        String id,
        String workflowKey,
        String clientKey,
        String requestDigest,
        IntegrationMode integrationMode,
        String modelSnapshotId,
        List<String> predictedLabels,
        Optional<String> predictedOutput,
        Optional<String> candidatesJson,
        double confidence,
        Optional<String> classScoresJson,
        Optional<String> committeeJson,
        Optional<String> correlationId,
        int priority,
        String payloadJson,
        String payloadDigest,
        Optional<String> dataSubject,
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
        Optional<DecisionSource> decisionSource,
        Instant receivedAt) {
}
