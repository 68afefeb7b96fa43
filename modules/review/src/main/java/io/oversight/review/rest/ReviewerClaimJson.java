package io.oversight.review.rest;

import io.oversight.review.ReviewQueues;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.TaskDocuments.ClaimJson;
import io.oversight.tasks.TaskDocuments.PairJson;
import io.oversight.tasks.TaskDocuments.TaskJson;
import jakarta.json.JsonValue;
import io.oversight.tasks.QueueKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A claimed task as its reviewer receives it over the API: tasks' claim document, with
 * {@code predictionShown}; where governance hides the prediction from the task's tier the
 * prediction, confidence, scores, the model's pairwise preference and the routing texts that quote the
 * confidence are left out, so an API client answers as blind as a person on the workbench.
 */
public record ReviewerClaimJson(TaskJson task, String itemId, List<String> predictedLabels, String predictedOutput,
        Double confidence, Map<String, Double> classScores, PairJson pairwise, String modelSnapshotId,
        String routeReason, String uncertaintyNote, JsonValue payload, boolean predictionShown) {

    /** The tasks of one claim. */
    public record ClaimsJson(List<ReviewerClaimJson> tasks) {
    }

    /** The claims' documents; whether a queue sees the prediction is read once per queue. */
    static List<ReviewerClaimJson> of(List<ClaimedTask> claimed, ReviewQueues queues) {
        Map<QueueKey, Boolean> shown = new HashMap<>();
        return claimed.stream().map(c -> of(c, shown.computeIfAbsent(c.task().queue(),
                q -> queues.predictionShown(c.task())))).toList();
    }

    static ReviewerClaimJson of(ClaimedTask claimed, ReviewQueues queues) {
        return of(claimed, queues.predictionShown(claimed.task()));
    }

    private static ReviewerClaimJson of(ClaimedTask claimed, boolean predictionShown) {
        ClaimJson c = ClaimJson.of(claimed);
        if (predictionShown) {
            return new ReviewerClaimJson(c.task(), c.itemId(), c.predictedLabels(), c.predictedOutput(), c.confidence(),
                    c.classScores(), c.pairwise(), c.modelSnapshotId(), c.routeReason(), c.uncertaintyNote(), c.payload(), true);
        }
        PairJson pair = c.pairwise() == null ? null : new PairJson(c.pairwise().a(), c.pairwise().b(), null);
        return new ReviewerClaimJson(c.task(), c.itemId(), null, null, null, null, pair, c.modelSnapshotId(), null, null,
                c.payload(), false);
    }
}
