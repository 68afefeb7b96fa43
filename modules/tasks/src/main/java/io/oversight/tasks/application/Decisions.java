package io.oversight.tasks.application;

import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import io.oversight.tasks.ItemDecided;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewAnswer;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.Verdict;
import io.oversight.tasks.domain.IntakeSettings;
import io.oversight.tasks.domain.ReviewConsensus;
import io.oversight.tasks.domain.ReviewSettings;
import io.oversight.tasks.infrastructure.ReviewStore;
import io.oversight.tasks.infrastructure.TaskRow;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a completed task does to its item. Independent reviews are weighed by {@link ReviewConsensus}:
 * agreement decides the item, a disagreement adds a reviewer (dynamic mode) or opens an adjudication;
 * an audit review measures agreement with the auto-accepted model output; a feedback review corrects
 * the decision. A decision is recorded, queued for the workflow's webhook in the same transaction,
 * and announced to inline callers after commit.
 */
@ApplicationScoped
public class Decisions {

    public static final String SOURCE_FEEDBACK_REVIEW = "FEEDBACK_REVIEW";
    public static final String SOURCE_ADJUDICATION = "ADJUDICATION";

    @Inject
    TasksDatabase database;

    @Inject
    TasksLedger ledger;

    @Inject
    SettingsService settingsService;

    @Inject
    Event<ItemDecided> decided;

    @Inject
    LoopReporting reporting;

    @Inject
    Clock clock;

    /** Runs in the transaction that completed {@code task}, with the item's row locked. */
    void settle(ReviewItem item, ReviewTask task, ReviewAnswer answer, Actor reviewer, ReviewSettings settings) {
        Instant now = clock.instant();
        switch (task.purpose()) {
            case AUDIT -> {
                boolean agreed = answer.agreesWith(modelAnswer(item));
                database.run("recording an audit", c -> {
                    TaskStore.setModelAgreed(c, item.id(), agreed);
                    return null;
                });
                ledger.write(ledger.record(TasksLedger.AUDIT_COMPLETED, reviewer, item.workflowKey())
                        .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                        .attribute("modelAgreed", Boolean.toString(agreed))
                        .attribute("verdict", answer.verdict().name())
                        .attribute("labels", String.join(",", answer.labels().stream().sorted().toList())));
                reporting.audited(item, agreed, now);
            }
            case FEEDBACK -> decide(item, answer, SOURCE_FEEDBACK_REVIEW, reviewer, 1, now);
            case REVIEW, ESCALATION -> weigh(item, task, reviewer, settings, now);
            default -> throw new IllegalStateException("unknown purpose " + task.purpose());
        }
    }

    private void weigh(ReviewItem item, ReviewTask task, Actor reviewer, ReviewSettings settings, Instant now) {
        List<TaskStore.CompletedReview> reviews = database.run("reading an item's reviews",
                c -> TaskStore.completedReviews(c, item.id()));
        List<ReviewAnswer> answers = reviews.stream()
                .map(r -> ReviewAnswer.of(r.result(), item.predictedLabels(), item.predictedOutput())).toList();
        ReviewConsensus.Outcome outcome = ReviewConsensus.evaluate(answers, item.reviewsRequired(), settings);
        switch (outcome.step()) {
            case WAIT -> {
            }
            case DECIDE -> decide(item, outcome.answer().orElseThrow(), outcome.source().orElseThrow(), reviewer,
                    answers.size(), now);
            case ADD_REVIEWER -> addReviewer(item, task, answers.size() + 1, outcome.explanation(), now);
            case ADJUDICATE -> openAdjudication(item, answers.size(), outcome.explanation(), now);
            default -> throw new IllegalStateException("unknown step " + outcome.step());
        }
    }

    private void addReviewer(ReviewItem item, ReviewTask task, int slot, String why, Instant now) {
        String taskId = UUID.randomUUID().toString();
        database.run("adding a reviewer", c -> {
            TaskStore.insertTasks(c, List.of(new TaskRow(taskId, item.id(), item.workflowKey(), task.queue().tier(),
                    TaskPurpose.REVIEW, slot, task.priority(), task.slaDeadline(), task.uncertainty(),
                    TaskStore.simHash(c, task.id()), now, Optional.of(why))));
            TaskStore.setReviewsRequired(c, item.id(), slot);
            return null;
        });
        ledger.write(ledger.record(TasksLedger.REVIEWER_ADDED, Actor.system("review-consensus"), item.workflowKey())
                .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                .attribute("task", taskId)
                .attribute("slot", Integer.toString(slot))
                .attribute("reason", why));
    }

    private void openAdjudication(ReviewItem item, int reviews, String why, Instant now) {
        String adjudicationId = UUID.randomUUID().toString();
        database.run("opening an adjudication", c -> {
            TaskStore.setItemStatus(c, item.id(), ItemStatus.NEEDS_ADJUDICATION);
            ReviewStore.insertAdjudication(c, adjudicationId, item.id(), item.workflowKey(), now);
            return null;
        });
        ledger.write(ledger.record(TasksLedger.ITEM_DISAGREEMENT, Actor.system("review-consensus"), item.workflowKey())
                .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                .attribute("reviews", Integer.toString(reviews))
                .attribute("adjudication", adjudicationId)
                .attribute("reason", why));
    }

    /** Settles the item with {@code answer}; writes the item-decided record and the webhook outbox row. */
    void decide(ReviewItem item, ReviewAnswer answer, String source, Actor by, int reviews, Instant now) {
        boolean agreed = answer.agreesWith(modelAnswer(item));
        Verdict verdict = answer.verdict() == Verdict.REJECT ? Verdict.REJECT : agreed ? Verdict.APPROVE : Verdict.CORRECT;
        List<String> labels = answer.labels().stream().sorted().toList();
        IntakeSettings settings = settingsService.of(item.workflowKey());
        database.run("deciding an item", c -> {
            TaskStore.decideItem(c, item.id(), ItemStatus.DECIDED, labels, answer.output(), source, Optional.of(agreed),
                    now, Optional.of(verdict));
            if (settings.webhookUrl().isPresent()) {
                WebhookStore.insert(c, UUID.randomUUID().toString(), item.id(), item.workflowKey(),
                        settings.webhookUrl().get().toString(),
                        webhookBody(item, labels, answer.output(), source, verdict, agreed, now), now);
            }
            return null;
        });
        LedgerRecord.Builder record = ledger.record(TasksLedger.ITEM_DECIDED, by, item.workflowKey())
                .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                .attribute("labels", String.join(",", labels))
                .attribute("verdict", verdict.name())
                .attribute("source", source)
                .attribute("reviews", Integer.toString(reviews))
                .attribute("modelAgreed", Boolean.toString(agreed))
                .attribute("mode", item.integrationMode());
        answer.output().ifPresent(o -> record.attribute("outputDigest", LedgerRecord.digestOf(o).hex()));
        ledger.write(record);
        decided.fire(new ItemDecided(item.id(), item.workflowKey(), labels, answer.output(), source));
        reporting.decided(item, agreed, verdict, source, now);
    }

    static ReviewAnswer modelAnswer(ReviewItem item) {
        return new ReviewAnswer(Verdict.APPROVE, Set.copyOf(item.predictedLabels()), item.predictedOutput());
    }

    /** The webhook's JSON: what the receiver needs to act, and nothing personal (the payload is not sent). */
    static String webhookBody(ReviewItem item, List<String> labels, Optional<String> output, String source,
            Verdict verdict, boolean agreed, Instant at) {
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
                .add("verdict", verdict.name())
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
