package io.oversight.review.decision;

import io.oversight.review.adjudication.AdjudicationStore;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.TaskLeases;
import io.oversight.ledger.Database;
import io.oversight.ledger.Actor;
import io.oversight.tasks.DecisionSource;
import io.oversight.review.ReviewAnswer;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    @Inject
    Database database;

    @Inject
    ReviewLedger ledger;

    @Inject
    TaskLeases leases;

    @Inject
    ItemOutcomes outcomes;

    @Inject
    ReviewReporting reporting;

    @Inject
    Clock clock;

    @Inject
    AdjudicationStore adjudicationStore;

    /** Runs in the transaction that completed {@code task}, with the item's row locked. */
    void settle(ReviewItem item, ReviewTask task, ReviewAnswer answer, Actor reviewer, ReviewSettings settings) {
        Instant now = clock.instant();
        switch (task.purpose()) {
            case AUDIT -> {
                boolean agreed = answer.agreesWith(modelAnswer(item));
                outcomes.recordAudit(item.id(), agreed);
                ledger.write(ledger.record(ReviewLedger.AUDIT_COMPLETED, reviewer, item.workflowKey())
                        .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                        .attribute("modelAgreed", Boolean.toString(agreed))
                        .attribute("verdict", answer.verdict().name())
                        .attribute("labels", String.join(",", answer.labels().stream().sorted().toList())));
                reporting.audited(item, agreed, now);
            }
            case FEEDBACK -> decide(item, answer, DecisionSource.FEEDBACK_REVIEW, reviewer, 1, now);
            case REVIEW, ESCALATION -> weigh(item, task, reviewer, settings, now);
            default -> throw new IllegalStateException("unknown purpose " + task.purpose());
        }
    }

    private void weigh(ReviewItem item, ReviewTask task, Actor reviewer, ReviewSettings settings, Instant now) {
        List<ItemOutcomes.CompletedReview> reviews = outcomes.completedReviews(item.id());
        List<ReviewAnswer> answers = reviews.stream()
                .map(r -> ReviewAnswer.of(r.result(), item.predictedLabels(), item.predictedOutput())).toList();
        ReviewConsensus.Outcome outcome = ReviewConsensus.evaluate(answers, item.reviewsRequired(), settings);
        boolean weighedToAnEnd = outcome.step() == ReviewConsensus.Step.DECIDE
                || outcome.step() == ReviewConsensus.Step.ADJUDICATE;
        if (weighedToAnEnd && answers.size() > 1) {
            reporting.reviewerAnswers(item, answers, now);
        }
        switch (outcome.step()) {
            case WAIT -> {
            }
            case DECIDE -> decide(item, outcome.answer().orElseThrow(), outcome.source().orElseThrow(), reviewer,
                    answers.size(), now);
            case ADD_REVIEWER -> addReviewer(item, task, answers.size() + 1, outcome.explanation(), now);
            case ADJUDICATE -> openAdjudication(item, answers.size(), outcome.explanation(), Actor.system("review-consensus"), now);
            default -> throw new IllegalStateException("unknown step " + outcome.step());
        }
    }

    private void addReviewer(ReviewItem item, ReviewTask task, int slot, String why, Instant now) {
        ReviewTask added = leases.addReview(task, slot, why, now);
        ledger.write(ledger.record(ReviewLedger.REVIEWER_ADDED, Actor.system("review-consensus"), item.workflowKey())
                .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                .attribute("task", added.id())
                .attribute("slot", Integer.toString(slot))
                .attribute("reason", why));
    }

    /** The item waits for an adjudicator, {@code by}'s doing for {@code why}; returns the adjudication's id. */
    String openAdjudication(ReviewItem item, int reviews, String why, Actor by, Instant now) {
        String adjudicationId = UUID.randomUUID().toString();
        outcomes.awaitAdjudication(item.id());
        database.run("opening an adjudication", c -> {
            adjudicationStore.insertAdjudication(c, adjudicationId, item.id(), item.workflowKey(), now);
            return null;
        });
        ledger.write(ledger.record(ReviewLedger.ITEM_DISAGREEMENT, by, item.workflowKey())
                .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                .attribute("reviews", Integer.toString(reviews))
                .attribute("adjudication", adjudicationId)
                .attribute("reason", why));
        return adjudicationId;
    }

    /** Releases the item with {@code answer}: tasks records the decision, delivers it and writes its ledger record. */
    public void decide(ReviewItem item, ReviewAnswer answer, DecisionSource source, Actor by, int reviews, Instant now) {
        boolean agreed = answer.agreesWith(modelAnswer(item));
        Verdict verdict = answer.verdict() == Verdict.REJECT ? Verdict.REJECT : agreed ? Verdict.APPROVE : Verdict.CORRECT;
        List<String> labels = answer.labels().stream().sorted().toList();
        outcomes.release(new ItemOutcomes.Release(item, by, verdict, labels, answer.output(), source, agreed, reviews, now));
    }

    static ReviewAnswer modelAnswer(ReviewItem item) {
        return new ReviewAnswer(Verdict.APPROVE, Set.copyOf(item.predictedLabels()), item.predictedOutput());
    }
}
