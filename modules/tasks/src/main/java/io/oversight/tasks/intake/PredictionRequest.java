package io.oversight.tasks.intake;

import io.oversight.tasks.Candidate;
import io.oversight.governance.IntegrationMode;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One prediction as a model service submits it, parsed but not yet checked against the
 * workflow: that is {@link PredictionValidator}'s job.
 *
 * @param clientKey      the caller's idempotency key: the same key returns the same result
 * @param labels         predicted label codes (classification), possibly empty for free text
 * @param output         the model's free-text output, if any
 * @param candidates     the two outputs a pairwise-preference item compares, empty otherwise
 * @param confidence     the model's confidence in its first label, in [0, 1]
 * @param scores         per-class scores, empty when the model gives only a confidence
 * @param committee      several models' per-class scores, for query-by-committee ordering
 * @param mode           the caller's integration mode, when it overrides the workflow's
 * @param timeoutMillis  how long an inline caller waits for a person
 * @param requestDigest  SHA-256 of the canonical JSON of the whole prediction, to tell a replay from a reused key
 */
public record PredictionRequest(
        String clientKey,
        String modelSnapshotId,
        JsonObject payload,
        List<String> labels,
        Optional<String> output,
        List<Candidate> candidates,
        double confidence,
        Map<String, Double> scores,
        List<Map<String, Double>> committee,
        Optional<String> correlationId,
        int priority,
        Optional<IntegrationMode> mode,
        Optional<Integer> timeoutMillis,
        String requestDigest) {

    public PredictionRequest {
        labels = List.copyOf(labels);
        candidates = List.copyOf(candidates);
        scores = Map.copyOf(scores);
        committee = committee.stream().map(Map::copyOf).toList();
    }
}
