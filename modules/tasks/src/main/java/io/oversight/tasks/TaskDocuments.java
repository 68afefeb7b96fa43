package io.oversight.tasks;

import io.oversight.kernel.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON documents of tasks' public types, as every REST resource that returns them writes them
 * (tasks' queues, review's claims): flat records, absent values as null.
 */
public final class TaskDocuments {

    private TaskDocuments() {
    }

    /** An item's payload as stored (valid JSON, personal data already tokenised). */
    public static JsonObject payload(String json) {
        try (var reader = JsonFactories.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }


    public record TaskJson(String id, String itemId, String workflow, int tier, String purpose, int slot, String status,
            int priority, Instant slaDeadline, double uncertainty, String leaseHolder, Instant leaseExpiresAt, int claims,
            Instant createdAt, Instant completedAt, String note) {

        public static TaskJson of(ReviewTask t) {
            return new TaskJson(t.id(), t.itemId(), t.queue().workflowKey(), t.queue().tier(), t.purpose().name(), t.slot(),
                    t.status().name(), t.priority(), t.slaDeadline().orElse(null), t.uncertainty(),
                    t.leaseHolder().orElse(null), t.leaseExpiresAt().orElse(null), t.claims(), t.createdAt(),
                    t.completedAt().orElse(null), t.note().orElse(null));
        }
    }


    /** A claimed task with what the reviewer needs of its item (not the people's earlier decisions: reviews are blind). */
    /**
     * A task as its reviewer sees it: the item's input and the model's prediction, never another
     * reviewer's answer nor the item's decision (a gold item's known answer would leak through it).
     */
    public record ClaimJson(TaskJson task, String itemId, List<String> predictedLabels, String predictedOutput,
            double confidence, java.util.Map<String, Double> classScores, PairJson pairwise, String modelSnapshotId,
            String routeReason, String uncertaintyNote, JsonValue payload) {

        public static ClaimJson of(ClaimedTask claimed) {
            ReviewItem i = claimed.item();
            PairJson pair = PairJson.of(claimed);
            return new ClaimJson(TaskJson.of(claimed.task()), i.id(), pair == null ? i.predictedLabels() : List.of(),
                    i.predictedOutput().orElse(null), i.confidence(), i.classScores(), pair, i.modelSnapshotId(),
                    i.routeReason(), i.uncertaintyNote(), TaskDocuments.payload(i.payloadJson()));
        }
    }


    /**
     * A pairwise task's two outputs on the sides this task shows them (the candidates' ids are not
     * shown), and the side the model prefers, if it said.
     */
    public record PairJson(String a, String b, String modelPrefers) {

        public static PairJson of(ClaimedTask claimed) {
            List<Candidate> candidates = claimed.item().candidates();
            if (candidates.size() != 2) {
                return null;
            }
            String taskId = claimed.task().id();
            Candidate a = Preference.shown(candidates, taskId, Preference.A);
            Candidate b = Preference.shown(candidates, taskId, Preference.B);
            String preferred = claimed.item().predictedLabels().isEmpty() ? null : claimed.item().predictedLabels().get(0);
            return new PairJson(a.output(), b.output(), preferred == null ? null : preferred.equals(a.id()) ? "A" : "B");
        }
    }


    public record ClaimsJson(List<ClaimJson> tasks) {
    }


    public record QueueJson(String workflow, int tier, long open, long claimed, Long oldestOpenAgeSeconds,
            Integer maxMinutesToReview, Integer maxDepth, boolean reviewTimeBreached, boolean depthBreached,
            boolean withinSla) {

        public static QueueJson of(QueueStatistics q) {
            return new QueueJson(q.queue().workflowKey(), q.queue().tier(), q.open(), q.claimed(),
                    q.oldestOpenAge().map(Duration::toSeconds).orElse(null), q.maxMinutesToReview().orElse(null),
                    q.maxDepth().orElse(null), q.reviewTimeBreached(), q.depthBreached(), q.withinSla());
        }
    }

}
