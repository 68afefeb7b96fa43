package io.oversight.review.decision;

import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Workflow;
import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Database;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.LedgerRecord;
import io.oversight.review.ReviewAnswer;
import io.oversight.review.quality.GoldService;
import io.oversight.tasks.HeldTask;
import io.oversight.tasks.Preference;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskLeases;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reviewer's answer to a held task: checked against the taxonomy and the rationale rule (the blind
 * rule where the prediction was hidden), recorded on the task through tasks' {@link TaskLeases}, scored
 * when the task is gold, and settled on its item ({@link Decisions}) when it was the item's last
 * review. The task, the item and the ledger records commit together in this class's transaction.
 */
@ApplicationScoped
public class Completions {

    @Inject
    Database database;

    @Inject
    Callers callers;

    @Inject
    ReviewLedger ledger;

    @Inject
    TaskLeases leases;

    @Inject
    Decisions decisions;

    @Inject
    ReviewConfigurations configurations;

    @Inject
    GoldService gold;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    @Inject
    ReviewReporting reporting;

    @Inject
    ExposureStore exposureStore;

    /** Completes a held task with the caller's answer. */
    public ReviewTask complete(String taskId, TaskResult result) {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            HeldTask held = leases.held(taskId, login);
            String workflowKey = held.task().queue().workflowKey();
            ReviewConfigurations.Configuration configuration = configurations.of(workflowKey);
            ReviewSettings review = configuration.settings();
            Workflow workflow = configuration.workflow();
            boolean predictionShown = predictionShown(held.task());
            TaskResult recorded = predictionShown ? result : BlindAnswers.asRecorded(result, held.item(), workflow.taskKind());
            ResultRules.check(recorded, workflow, held.item(), predictionShown ? review.rationaleRequired()
                    : BlindAnswers.rationaleRule(review.rationaleRequired()));
            Actor actor = callers.actorIn(TierRoles.of(held.task().queue().tier()), pseudonym);
            return complete(held, recorded, login, actor, configuration.guideline(), review, Map.of(), predictionShown);
        });
    }

    /** Completes a held pairwise-preference task with the side the caller chose, as they saw the sides. */
    public ReviewTask completePreference(String taskId, Preference preference, String rationale) {
        if (preference == null) {
            throw InvalidInputException.of("preference", "is required: A, B, TIE or BOTH_BAD");
        }
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            HeldTask held = leases.held(taskId, login);
            String workflowKey = held.task().queue().workflowKey();
            ReviewConfigurations.Configuration configuration = configurations.of(workflowKey);
            Workflow workflow = configuration.workflow();
            if (workflow.taskKind() != TaskKind.PAIRWISE_PREFERENCE) {
                throw InvalidInputException.of("preference", "applies to pairwise-preference workflows only; "
                        + workflowKey + " is " + workflow.taskKind());
            }
            String key = preference.key(held.item().candidates(), taskId);
            boolean modelsChoice = held.item().predictedLabels().equals(List.of(key));
            TaskResult result = new TaskResult(modelsChoice ? Verdict.APPROVE : Verdict.CORRECT,
                    modelsChoice ? List.of() : List.of(key), Optional.empty(), rationale == null ? "" : rationale);
            ReviewSettings review = configuration.settings();
            boolean predictionShown = predictionShown(held.task());
            ResultRules.check(result, workflow, held.item(), predictionShown ? review.rationaleRequired()
                    : BlindAnswers.rationaleRule(review.rationaleRequired()));
            Actor actor = callers.actorIn(TierRoles.of(held.task().queue().tier()), pseudonym);
            return complete(held, result, login, actor, configuration.guideline(), review,
                    Map.of("preference", preference.name(), "sidesSwapped", Boolean.toString(Preference.sidesSwapped(taskId))),
                    predictionShown);
        });
    }

    /** Whether the reviewer of {@code task} sees the model's prediction before answering. */
    public boolean predictionShown(ReviewTask task) {
        return configurations.of(task.queue().workflowKey()).view().predictionShownTo(task.queue().tier());
    }

    /**
     * Completes the task {@code held} (read with its item, both locked, by {@link TaskLeases#held} in
     * this transaction: neither is read again), recording whether its reviewer saw the model's
     * prediction before answering.
     */
    private ReviewTask complete(HeldTask held, TaskResult result, String login, Actor actor,
            Optional<GuidelineVersion> guideline, ReviewSettings review, Map<String, String> shownAnswer,
            boolean predictionShown) {
        ReviewTask task = held.task();
        String taskId = task.id();
        Instant now = clock.instant();
        ReviewItem item = held.item();
        ReviewAnswer answer = ReviewAnswer.of(result, item.predictedLabels(), item.predictedOutput());
        List<String> labels = answer.labels().stream().sorted().toList();
        ReviewTask completed = leases.complete(held, result, labels, answer.output(),
                guideline.map(GuidelineVersion::id), now);
        LedgerRecord.Builder record = ledger.taskRecord(ReviewLedger.TASK_COMPLETED, actor, completed, item, now, guideline)
                .attribute("verdict", result.verdict().name())
                .attribute("labels", String.join(",", labels))
                .attribute("predictionShown", Boolean.toString(predictionShown));
        shownAnswer.forEach(record::attribute);
        answer.output().ifPresent(o -> record.attribute("outputDigest", LedgerRecord.digestOf(o).hex()));
        if (!result.rationale().isBlank()) {
            record.rationale(result.rationale());
        }
        if (held.gold()) {
            boolean correct = gold.score(taskId, item, answer, login, actor, review, now);
            record.attribute("gold", "true").attribute("goldCorrect", Boolean.toString(correct));
            ledger.write(record);
            reporting.goldAnswer(item.workflowKey(), actor.pseudonym(), correct, now);
            return completed;
        }
        ledger.write(record);
        if (task.purpose() == TaskPurpose.REVIEW || task.purpose() == TaskPurpose.ESCALATION) {
            ReviewAnswer model = ReviewAnswer.of(new TaskResult(Verdict.APPROVE, List.of(), Optional.empty(), ""),
                    item.predictedLabels(), item.predictedOutput());
            ExposureStore.Exposure exposure = new ExposureStore.Exposure(taskId, item.id(), item.workflowKey(),
                    task.queue().tier(), predictionShown, answer.key(), model.key(), now);
            database.run("recording prediction exposure", c -> {
                exposureStore.insert(c, exposure);
                return null;
            });
        }
        reporting.reviewAction(item, "COMPLETED", now);
        decisions.settle(item, completed, answer, actor, review);
        return completed;
    }
}
