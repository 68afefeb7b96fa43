package io.oversight.tasks.rest;

import io.oversight.tasks.Candidate;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.Preference;
import io.oversight.tasks.QueueStatistics;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.application.InlineWaits;
import io.oversight.tasks.domain.IntakeSettings;
import io.oversight.tasks.infrastructure.SettingsStore;
import io.oversight.tasks.infrastructure.SlaStore;
import io.oversight.tasks.infrastructure.WebhookStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON documents of the tasks API: flat records, absent values as null. */
public final class TaskViews {

    private TaskViews() {
    }

    /**
     * A prediction's state, as its status URL and intake answer it.
     *
     * @param actedUpon     whether the caller may act on {@code effectiveLabels} now
     * @param effectiveLabels what to act on: the people's decision, the auto-accepted model output, or
     *                      (inline timeout) the model output when failing open and nothing when failing closed
     */
    public record PredictionJson(String id, String workflow, String clientKey, String mode, String status,
            boolean replayed, boolean actedUpon, List<String> effectiveLabels, List<String> predictedLabels,
            double confidence, String modelSnapshotId, RoutingJson routing, DecisionJson decision,
            String inlineTimeoutOutcome, String correlationId, JsonValue payload, Instant receivedAt, String statusUrl) {
    }

    public record RoutingJson(String outcome, int tier, String reason, String policyId, int policyVersion,
            boolean auditSampled, String orderingMethod, double uncertainty, String uncertaintyNote, int reviewsRequired) {
    }

    public record DecisionJson(List<String> labels, String output, String source, Boolean modelAgreed, Instant decidedAt) {
    }

    static PredictionJson prediction(ReviewItem item, boolean replayed, Optional<TimeoutOutcome> timedOut, URI statusUrl) {
        boolean shadow = "SHADOW".equals(item.integrationMode());
        boolean actedUpon;
        List<String> effective;
        switch (item.status()) {
            case AUTO_ACCEPTED -> {
                actedUpon = !shadow;
                effective = shadow ? List.of() : item.predictedLabels();
            }
            case DECIDED -> {
                actedUpon = !shadow;
                effective = shadow ? List.of() : item.decisionLabels();
            }
            default -> {
                boolean failOpen = timedOut.filter(t -> t == TimeoutOutcome.FAIL_OPEN).isPresent() && !shadow;
                actedUpon = failOpen;
                effective = failOpen ? item.predictedLabels() : List.of();
            }
        }
        DecisionJson decision = item.decisionSource().isPresent()
                ? new DecisionJson(item.decisionLabels(), item.decisionOutput().orElse(null), item.decisionSource().get(),
                        item.modelAgreed().orElse(null), item.decidedAt().orElse(null))
                : null;
        RoutingJson routing = new RoutingJson(item.routeOutcome(), item.routeTier(), item.routeReason(), item.policyId(),
                item.policyVersion(), item.auditSampled(), item.orderingMethod(), item.uncertainty(),
                item.uncertaintyNote(), item.reviewsRequired());
        return new PredictionJson(item.id(), item.workflowKey(), item.clientKey(), item.integrationMode(),
                item.status().name(), replayed, actedUpon, effective, item.predictedLabels(), item.confidence(), item.modelSnapshotId(), routing,
                decision, timedOut.or(item::inlineTimeoutOutcome).map(Enum::name).orElse(null),
                item.correlationId().orElse(null), parse(item.payloadJson()), item.receivedAt(), statusUrl.toString());
    }

    static PredictionJson answer(InlineWaits.Answer answer, URI statusUrl) {
        return prediction(answer.item(), false, answer.timedOut(), statusUrl);
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public record TaskJson(String id, String itemId, String workflow, int tier, String purpose, int slot, String status,
            int priority, Instant slaDeadline, double uncertainty, String leaseHolder, Instant leaseExpiresAt, int claims,
            Instant createdAt, Instant completedAt, String note) {

        static TaskJson of(ReviewTask t) {
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

        static ClaimJson of(ClaimedTask claimed) {
            ReviewItem i = claimed.item();
            PairJson pair = PairJson.of(claimed);
            return new ClaimJson(TaskJson.of(claimed.task()), i.id(), pair == null ? i.predictedLabels() : List.of(),
                    i.predictedOutput().orElse(null), i.confidence(), i.classScores(), pair, i.modelSnapshotId(),
                    i.routeReason(), i.uncertaintyNote(), parse(i.payloadJson()));
        }
    }

    /**
     * A pairwise task's two outputs on the sides this task shows them (the candidates' ids are not
     * shown), and the side the model prefers, if it said.
     */
    public record PairJson(String a, String b, String modelPrefers) {

        static PairJson of(ClaimedTask claimed) {
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

        static QueueJson of(QueueStatistics q) {
            return new QueueJson(q.queue().workflowKey(), q.queue().tier(), q.open(), q.claimed(),
                    q.oldestOpenAge().map(Duration::toSeconds).orElse(null), q.maxMinutesToReview().orElse(null),
                    q.maxDepth().orElse(null), q.reviewTimeBreached(), q.depthBreached(), q.withinSla());
        }
    }

    public record AlertJson(String id, String workflow, int tier, String measure, long observed, long target,
            Instant openedAt, Instant closedAt) {

        static AlertJson of(SlaStore.Alert a) {
            return new AlertJson(a.id(), a.queue().workflowKey(), a.queue().tier(), a.measure().name(), a.observed(),
                    a.target(), a.openedAt(), a.closedAt().orElse(null));
        }
    }

    public record QualificationJson(String login, String workflow, int maxTier, boolean mayRevealPii, Instant grantedAt) {

        static QualificationJson of(SettingsStore.Qualification q) {
            return new QualificationJson(q.principal(), q.workflowKey(), q.maxTier(), q.mayRevealPii(), q.grantedAt());
        }
    }

    /** Intake settings as read back: the webhook secret itself is shown only once, when it is created. */
    public record SettingsJson(String workflow, String orderingMethod, double diversityLambda, int leaseSeconds,
            int inlineTimeoutMillis, String inlineTimeoutOutcome, String webhookUrl, boolean webhookSecretSet,
            String newWebhookSecret, int auditTier, int feedbackTier, int feedbackPriority,
            List<String> conflictFieldPaths) {

        static SettingsJson of(IntakeSettings s, String newSecret) {
            return new SettingsJson(s.workflowKey(), s.orderingMethod().name(), s.diversityLambda(), s.leaseSeconds(),
                    s.inlineTimeoutMillis(), s.inlineTimeoutOutcome().name(), s.webhookUrl().map(URI::toString).orElse(null),
                    s.webhookSecret().isPresent(), newSecret, s.auditTier(),
                    s.feedbackTier(), s.feedbackPriority(), s.conflictFieldPaths());
        }
    }

    public record DeliveryJson(String id, String url, String status, int attempts, Instant nextAttemptAt,
            Instant createdAt, Instant deliveredAt, List<AttemptJson> attemptLog) {
    }

    public record AttemptJson(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMillis) {

        static AttemptJson of(WebhookStore.Attempt a) {
            return new AttemptJson(a.attempt(), a.attemptedAt(), a.statusCode().orElse(null), a.error().orElse(null),
                    a.durationMillis());
        }
    }

    public record FeedbackJson(String id, String itemId, String kind, String taskId, int tier, int priority,
            Instant receivedAt) {
    }
}
