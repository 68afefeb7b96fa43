package io.oversight.tasks.rest;

import io.oversight.tasks.StuckTask;
import io.oversight.governance.IntegrationMode;
import io.oversight.tasks.TaskDocuments;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.delivery.InlineWaits;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.queue.SlaStore;
import io.oversight.tasks.delivery.WebhookStore;
import jakarta.json.JsonValue;
import java.net.URI;
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
        boolean shadow = item.integrationMode() == IntegrationMode.SHADOW;
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
                ? new DecisionJson(item.decisionLabels(), item.decisionOutput().orElse(null), item.decisionSource().get().name(),
                        item.modelAgreed().orElse(null), item.decidedAt().orElse(null))
                : null;
        RoutingJson routing = new RoutingJson(item.routeOutcome(), item.routeTier(), item.routeReason(), item.policyId(),
                item.policyVersion(), item.auditSampled(), item.orderingMethod().name(), item.uncertainty(),
                item.uncertaintyNote(), item.reviewsRequired());
        return new PredictionJson(item.id(), item.workflowKey(), item.clientKey(), item.integrationMode().name(),
                item.status().name(), replayed, actedUpon, effective, item.predictedLabels(), item.confidence(), item.modelSnapshotId(), routing,
                decision, timedOut.or(item::inlineTimeoutOutcome).map(Enum::name).orElse(null),
                item.correlationId().orElse(null), TaskDocuments.payload(item.payloadJson()), item.receivedAt(), statusUrl.toString());
    }

    static PredictionJson answer(InlineWaits.Answer answer, URI statusUrl) {
        return prediction(answer.item(), false, answer.timedOut(), statusUrl);
    }

    public record AlertJson(String id, String workflow, int tier, String measure, long observed, long target,
            Instant openedAt, Instant closedAt) {

        static AlertJson of(SlaStore.Alert a) {
            return new AlertJson(a.id(), a.queue().workflowKey(), a.queue().tier(), a.measure().name(), a.observed(),
                    a.target(), a.openedAt(), a.closedAt().orElse(null));
        }
    }

    /** An open task nobody may claim, with why: {@code eligible} reviewers are qualified for its queue. */
    public record StuckJson(String taskId, String itemId, String workflow, int tier, int slot, String purpose,
            Instant openSince, int eligible, String reason) {

        static StuckJson of(StuckTask s) {
            return new StuckJson(s.task().id(), s.task().itemId(), s.task().queue().workflowKey(), s.task().queue().tier(),
                    s.task().slot(), s.task().purpose().name(), s.task().createdAt(), s.eligible(), s.reason());
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

    /** One of a workflow's deliveries in its list: its state and its latest attempt (nulls when not tried yet). */
    public record ListedDeliveryJson(String id, String itemId, String url, String status, int attempts,
            Instant createdAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
            Instant deliveredAt) {

        static ListedDeliveryJson of(WebhookStore.Listed listed) {
            WebhookStore.Delivery d = listed.delivery();
            Optional<WebhookStore.Attempt> last = listed.lastAttempt();
            return new ListedDeliveryJson(d.id(), d.itemId(), d.url(), d.status().name(), d.attempts(), d.createdAt(),
                    last.map(WebhookStore.Attempt::attemptedAt).orElse(null),
                    last.flatMap(WebhookStore.Attempt::statusCode).orElse(null),
                    last.flatMap(WebhookStore.Attempt::error).orElse(null), d.nextAttemptAt().orElse(null),
                    d.deliveredAt().orElse(null));
        }
    }

    /** A page of a workflow's deliveries; pass {@code nextBefore} as {@code before} for the next (null, left out of the JSON, on the last page). */
    public record DeliveryPageJson(List<ListedDeliveryJson> deliveries, String nextBefore) {
    }

    public record FeedbackJson(String id, String itemId, String kind, String taskId, int tier, int priority,
            Instant receivedAt) {
    }
}
