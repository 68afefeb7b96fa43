package io.oversight.tasks.application;

import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import io.oversight.tasks.ItemDecided;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.domain.IntakeSettings;
import io.oversight.tasks.infrastructure.TaskStore;
import io.oversight.tasks.infrastructure.WebhookStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a completed task does to its item: the last of its independent reviews decides it when they
 * agree and sends it to adjudication when they do not; an audit review measures agreement with the
 * auto-accepted model output; a feedback review corrects the decision. A decision is recorded, queued
 * for the workflow's webhook in the same transaction, and announced to inline callers after commit.
 */
@ApplicationScoped
public class Decisions {

    public static final String SOURCE_REVIEW = "REVIEW";
    public static final String SOURCE_FEEDBACK_REVIEW = "FEEDBACK_REVIEW";

    @Inject
    TasksDatabase database;

    @Inject
    TasksLedger ledger;

    @Inject
    SettingsService settingsService;

    @Inject
    Event<ItemDecided> decided;

    @Inject
    Clock clock;

    /** Runs in the transaction that completed {@code task}, with the item's row locked. */
    void settle(ReviewItem item, ReviewTask task, TaskResult result, Actor reviewer) {
        Instant now = clock.instant();
        switch (task.purpose()) {
            case AUDIT -> {
                boolean agreed = agrees(item, result.labels(), result.output());
                database.run("recording an audit", c -> {
                    TaskStore.setModelAgreed(c, item.id(), agreed);
                    return null;
                });
                ledger.write(ledger.record(TasksLedger.AUDIT_COMPLETED, reviewer, item.workflowKey())
                        .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                        .attribute("modelAgreed", Boolean.toString(agreed))
                        .attribute("labels", String.join(",", result.labels())));
            }
            case FEEDBACK -> decide(item, result.labels(), result.output(), SOURCE_FEEDBACK_REVIEW, reviewer, 1, now);
            case REVIEW, ESCALATION -> {
                List<TaskStore.CompletedReview> reviews = database.run("reading an item's reviews",
                        c -> TaskStore.completedReviews(c, item.id()));
                if (reviews.size() < item.reviewsRequired()) {
                    return;
                }
                boolean unanimous = reviews.stream().allMatch(r -> sameAnswer(r, reviews.get(0)));
                if (unanimous) {
                    decide(item, reviews.get(0).labels(), reviews.get(0).output(), SOURCE_REVIEW, reviewer,
                            reviews.size(), now);
                } else {
                    database.run("marking a disagreement", c -> {
                        TaskStore.setItemStatus(c, item.id(), ItemStatus.NEEDS_ADJUDICATION);
                        return null;
                    });
                    ledger.write(ledger.record(TasksLedger.ITEM_DISAGREEMENT, Actor.system("review-consensus"),
                            item.workflowKey()).subject("item", item.id()).modelSnapshot(item.modelSnapshotId())
                            .occurredAt(now).attribute("reviews", Integer.toString(reviews.size())));
                }
            }
            default -> throw new IllegalStateException("unknown purpose " + task.purpose());
        }
    }

    private void decide(ReviewItem item, List<String> labels, Optional<String> output, String source, Actor reviewer,
            int reviews, Instant now) {
        boolean agreed = agrees(item, labels, output);
        IntakeSettings settings = settingsService.of(item.workflowKey());
        database.run("deciding an item", c -> {
            TaskStore.decideItem(c, item.id(), ItemStatus.DECIDED, labels, output, source, Optional.of(agreed), now);
            if (settings.webhookUrl().isPresent()) {
                WebhookStore.insert(c, UUID.randomUUID().toString(), item.id(), item.workflowKey(),
                        settings.webhookUrl().get().toString(), webhookBody(item, labels, output, source, agreed, now), now);
            }
            return null;
        });
        LedgerRecord.Builder record = ledger.record(TasksLedger.ITEM_DECIDED, reviewer, item.workflowKey())
                .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                .attribute("labels", String.join(",", labels))
                .attribute("source", source)
                .attribute("reviews", Integer.toString(reviews))
                .attribute("modelAgreed", Boolean.toString(agreed))
                .attribute("mode", item.integrationMode());
        output.ifPresent(o -> record.attribute("outputDigest", LedgerRecord.digestOf(o).hex()));
        ledger.write(record);
        decided.fire(new ItemDecided(item.id(), item.workflowKey(), labels, output, source));
    }

    private static boolean sameAnswer(TaskStore.CompletedReview a, TaskStore.CompletedReview b) {
        return new HashSet<>(a.labels()).equals(new HashSet<>(b.labels())) && a.output().equals(b.output());
    }

    private static boolean agrees(ReviewItem item, List<String> labels, Optional<String> output) {
        boolean sameLabels = new HashSet<>(item.predictedLabels()).equals(new HashSet<>(labels));
        return sameLabels && (output.isEmpty() || output.equals(item.predictedOutput()));
    }

    /** The webhook's JSON: what the receiver needs to act, and nothing personal (the payload is not sent). */
    static String webhookBody(ReviewItem item, List<String> labels, Optional<String> output, String source,
            boolean agreed, Instant at) {
        JsonArrayBuilder decidedLabels = Json.createArrayBuilder();
        labels.forEach(decidedLabels::add);
        JsonArrayBuilder predicted = Json.createArrayBuilder();
        item.predictedLabels().forEach(predicted::add);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "item.decided")
                .add("itemId", item.id())
                .add("workflow", item.workflowKey())
                .add("clientKey", item.clientKey())
                .add("mode", item.integrationMode())
                .add("labels", decidedLabels)
                .add("predictedLabels", predicted)
                .add("modelAgreed", agreed)
                .add("source", source)
                .add("decidedAt", at.toString());
        output.ifPresent(o -> body.add("output", o));
        item.correlationId().ifPresent(id -> body.add("correlationId", id));
        return body.build().toString();
    }
}
