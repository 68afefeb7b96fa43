package io.oversight.review.decision;

import io.oversight.review.quality.NoticeStore;
import io.oversight.review.quality.PauseStore;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.QueueOverview;
import io.oversight.tasks.TaskLeases;
import io.oversight.review.quality.GoldService;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.ledger.Callers;
import io.oversight.kernel.ForbiddenException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.RoutingPolicies;
import io.oversight.governance.ReviewerViews;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.RevealedSubject;
import io.oversight.ledger.Roles;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.Preference;
import io.oversight.tasks.Verdict;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.QueueStatistics;
import io.oversight.tasks.ReviewItem;
import io.oversight.review.ReviewAnswer;
import io.oversight.review.ReviewQueues;
import io.oversight.review.ReviewerNotice;
import io.oversight.review.ReviewerWorkload;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskResult;
import io.oversight.review.quality.FatigueLimitException;
import io.oversight.review.quality.Workload;
import io.oversight.review.quality.QualificationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A reviewer's work on the tiered queues: claim-next (with gold items served in
 * and fatigue caps and pauses enforced), skip, release, escalation, completion, personal-data reveal.
 * The task rows change through tasks' {@link TaskLeases} in this class's transaction, so each change,
 * its consequences (consensus, gold score) and its ledger records commit together.
 */
@ApplicationScoped
public class ReviewWork implements ReviewQueues {

    /** Most tasks one claim may take. */
    public static final int MAX_CLAIM = 20;
    static final int MAX_RATIONALE = ResultRules.MAX_RATIONALE;

    @Inject
    Database database;

    @Inject
    Callers callers;

    @Inject
    ReviewLedger ledger;

    @Inject
    TaskLeases leases;

    @Inject
    QueueOverview queueOverview;

    @Inject
    ItemOutcomes outcomes;

    @Inject
    Workflows workflows;

    @Inject
    RoutingPolicies policies;

    @Inject
    Guidelines guidelines;

    @Inject
    Decisions decisions;

    @Inject
    ReviewSettingsService reviewSettings;

    @Inject
    GoldService gold;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    @Inject
    ReviewReporting reporting;

    @Inject
    DeadEnds deadEnds;

    @Inject
    ReviewerViews reviewerViews;

    @Inject
    NoticeStore noticeStore;

    @Inject
    ExposureStore exposureStore;

    @Inject
    PauseStore pauseStore;

    @Inject
    QualificationStore qualificationStore;

    @Override
    public List<QueueStatistics> myQueues() {
        String login = callers.login();
        List<QualificationStore.Qualification> qualifications = database.run("reading qualifications",
                c -> qualificationStore.qualificationsOf(c, login));
        Map<QueueKey, QueueStatistics> all = new HashMap<>();
        queueOverview.statistics().forEach(s -> all.put(s.queue(), s));
        Map<QueueKey, Long> claimable = queueOverview.claimableBy(login);
        List<QueueStatistics> mine = new ArrayList<>();
        for (QualificationStore.Qualification q : qualifications) {
            for (int tier = 1; tier <= q.maxTier(); tier++) {
                QueueKey key = new QueueKey(q.workflowKey(), tier);
                QueueStatistics queue = all.getOrDefault(key, new QueueStatistics(key, 0, 0, Optional.empty(), Optional.empty(),
                        Optional.empty(), false, false));
                // open counts what the caller could be given: items they had or are excluded from are not theirs
                mine.add(new QueueStatistics(key, claimable.getOrDefault(key, 0L), queue.claimed(), queue.oldestOpenAge(),
                        queue.maxMinutesToReview(), queue.maxDepth(), queue.reviewTimeBreached(), queue.depthBreached()));
            }
        }
        return mine;
    }

    @Override
    public List<ClaimedTask> claimNext(QueueKey queue, int count) {
        if (count < 1 || count > MAX_CLAIM) {
            throw InvalidInputException.of("count", "must be between 1 and " + MAX_CLAIM);
        }
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            QualificationStore.Qualification qualification = database.run("reading a qualification",
                    c -> qualificationStore.qualification(c, login, queue.workflowKey())).orElseThrow(() ->
                    new ForbiddenException("You hold no qualification for workflow " + queue.workflowKey() + "."));
            if (qualification.maxTier() < queue.tier()) {
                throw new ForbiddenException("Your qualification for " + queue.workflowKey() + " reaches tier "
                        + qualification.maxTier() + ", not tier " + queue.tier() + ".");
            }
            Actor actor = callers.actorIn(reviewRolesFor(queue.tier()), pseudonym);
            ReviewSettings review = reviewSettings.of(queue.workflowKey());
            refuseIfPausedOrTired(login, queue.workflowKey(), review);
            TaskLeases.LeaseTerms terms = leases.termsOf(queue.workflowKey());
            return claim(queue, count, login, actor, terms, review, terms.diversityLambda() > 0 && count > 1);
        });
    }

    @Override
    public Optional<ClaimedTask> claimNextAnywhere() {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        List<QualificationStore.Qualification> qualifications = database.run("reading qualifications",
                c -> qualificationStore.qualificationsOf(c, login));
        Map<String, Instant> lastWorked = leases.lastCompletions(login);
        List<QualificationStore.Qualification> rotation = new ArrayList<>(qualifications);
        rotation.sort(Comparator.comparing((QualificationStore.Qualification q) ->
                lastWorked.getOrDefault(q.workflowKey(), Instant.EPOCH)).thenComparing(QualificationStore.Qualification::workflowKey));
        for (QualificationStore.Qualification q : rotation) {
            try {
                Optional<ClaimedTask> claimed = inTransaction.call(() -> {
                    ReviewSettings review = reviewSettings.of(q.workflowKey());
                    refuseIfPausedOrTired(login, q.workflowKey(), review);
                    TaskLeases.LeaseTerms terms = leases.termsOf(q.workflowKey());
                    for (int tier = q.maxTier(); tier >= 1; tier--) {
                        QueueKey queue = new QueueKey(q.workflowKey(), tier);
                        Actor actor = callers.actorIn(reviewRolesFor(tier), pseudonym);
                        List<ClaimedTask> taken = claim(queue, 1, login, actor, terms, review, false);
                        if (!taken.isEmpty()) {
                            return Optional.of(taken.get(0));
                        }
                    }
                    return Optional.<ClaimedTask>empty();
                });
                if (claimed.isPresent()) {
                    return claimed;
                }
            } catch (FatigueLimitException | ForbiddenException notNow) {
                // paused, at a cap or without the role here: rotation moves on to the next workflow
            }
        }
        return Optional.empty();
    }

    private void refuseIfPausedOrTired(String login, String workflowKey, ReviewSettings review) {
        database.run("reading pauses", c -> pauseStore.activePause(c, login, workflowKey)).ifPresent(pause -> {
            throw new ForbiddenException("You are paused in " + workflowKey + " since " + pause.pausedAt() + ": "
                    + pause.reason() + ". An administrator must resume you.");
        });
        Workload workload = workloadOf(login, workflowKey, review);
        if (workload.capReached().isPresent()) {
            throw new FatigueLimitException(workload.capReached().get(), workload.retryAfter().orElse(Duration.ZERO));
        }
    }

    private Workload workloadOf(String login, String workflowKey, ReviewSettings review) {
        Instant now = clock.instant();
        List<Instant> completions = leases.completionTimes(login, workflowKey, now.minus(Duration.ofDays(1)));
        return Workload.of(completions, now, review);
    }

    @Override
    public ReviewerWorkload workload(String workflowKey) {
        String login = callers.login();
        ReviewSettings review = reviewSettings.of(workflowKey);
        Workload w = workloadOf(login, workflowKey, review);
        Optional<String> paused = database.run("reading pauses", c -> pauseStore.activePause(c, login, workflowKey))
                .map(PauseStore.Pause::reason);
        return new ReviewerWorkload(workflowKey, w.completedLastHour(), review.maxItemsPerHour(), w.completedThisSession(),
                review.maxItemsPerSession(), w.sessionStartedAt(), w.capReached(), w.retryAfter(), w.breakDue(), paused);
    }

    @Override
    public List<ReviewerNotice> myNotices() {
        String login = callers.login();
        return database.run("reading notices", c -> noticeStore.notices(c, login, 50).stream()
                .map(n -> new ReviewerNotice(n.id(), n.itemId(), n.workflowKey(), n.message(), n.createdAt(), n.readAt()))
                .toList());
    }

    @Override
    public void markNoticeRead(String noticeId) {
        String login = callers.login();
        boolean found = inTransaction.call(() -> database.run("marking a notice read",
                c -> noticeStore.markNoticeRead(c, login, noticeId, clock.instant())));
        if (!found) {
            throw new NotFoundException("You have no notice " + noticeId + ".");
        }
    }

    @Override
    public boolean mayRevealPersonalData(String workflowKey) {
        String login = callers.login();
        return database.run("reading a qualification", c -> qualificationStore.qualification(c, login, workflowKey))
                .map(QualificationStore.Qualification::mayRevealPii).orElse(false);
    }

    @Override
    public Map<String, String> revealPersonalData(String taskId, String justification) {
        if (justification == null || justification.isBlank() || justification.length() > ResultRules.MAX_RATIONALE) {
            throw InvalidInputException.of("justification",
                    "is required: why you need to see the personal data (at most " + ResultRules.MAX_RATIONALE + " characters)");
        }
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            HeldTask held = held(taskId, login);
            String workflowKey = held.task().queue().workflowKey();
            if (!mayRevealPersonalData(workflowKey)) {
                throw new ForbiddenException("Your qualification for " + workflowKey
                        + " does not include seeing personal data; it stays masked.");
            }
            String subject = outcomes.dataSubject(held.item().id())
                    .orElseThrow(() -> new NotFoundException("Item " + held.item().id() + " holds no personal data."));
            Actor actor = callers.actorIn(reviewRolesFor(held.task().queue().tier()), pseudonym);
            RevealedSubject revealed = pseudonyms.revealForReview(subject, actor, justification,
                    Map.of("task", taskId, "item", held.item().id(), "workflow", workflowKey));
            return new TreeMap<>(revealed.fields());
        });
    }

    @Override
    public ReviewTask skip(String taskId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > ResultRules.MAX_RATIONALE) {
            throw InvalidInputException.of("reason",
                    "is required: why you skip the item (at most " + ResultRules.MAX_RATIONALE + " characters)");
        }
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            HeldTask held = held(taskId, login);
            Actor actor = callers.actorIn(reviewRolesFor(held.task().queue().tier()), pseudonym);
            Instant now = clock.instant();
            ReviewTask reopened = leases.reopen(taskId, login, false);
            ledger.write(taskRecord(ReviewLedger.TASK_SKIPPED, actor, reopened, held.item(), now, Optional.empty())
                    .rationale(reason));
            reporting.reviewAction(held.item(), "SKIPPED", now);
            deadEnds.moveOnIfStuck(taskId);
            return leases.tasksOf(reopened.itemId()).stream().filter(t -> t.id().equals(taskId)).findFirst().orElse(reopened);
        });
    }

    // Claims and releases run in one transaction; the pseudonym is issued first, on a connection of
    // its own. Governance's JPA reads take a connection of their own, so the hot paths do not name
    // the guideline in force (completions and escalations, the decisions, do).
    private List<ClaimedTask> claim(QueueKey queue, int count, String login, Actor actor, TaskLeases.LeaseTerms terms,
            ReviewSettings review, boolean diverse) {
        Instant now = clock.instant();
        Instant leaseEnd = now.plusSeconds(terms.leaseSeconds());
        List<ClaimedTask> claimed = new ArrayList<>();
        Set<String> goldTasks = new HashSet<>();
        gold.serve(queue, login, leaseEnd, review).ifPresent(task -> {
            claimed.add(task);
            goldTasks.add(task.task().id());
        });
        double lambda = diverse ? terms.diversityLambda() : 0;
        claimed.addAll(leases.claim(queue, login, count - claimed.size(), leaseEnd, lambda));
        for (ClaimedTask task : claimed) {
            ledger.write(taskRecord(ReviewLedger.TASK_CLAIMED, actor, task.task(), task.item(), now, Optional.empty())
                    .attribute("leaseExpiresAt", leaseEnd.toString())
                    .attribute("claims", Integer.toString(task.task().claims()))
                    .attribute("diversityLambda", Double.toString(lambda))
                    .attribute("gold", Boolean.toString(goldTasks.contains(task.task().id()))));
        }
        return claimed;
    }

    @Override
    public ReviewTask release(String taskId, String reason) {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            ReviewTask current = held(taskId, login).task();
            Actor actor = callers.actorIn(reviewRolesFor(current.queue().tier()), pseudonym);
            return release(taskId, reason, login, actor, Optional.empty());
        });
    }

    private ReviewTask release(String taskId, String reason, String login, Actor actor,
            Optional<GuidelineVersion> guideline) {
        HeldTask held = held(taskId, login);
        Instant now = clock.instant();
        ReviewTask released = leases.reopen(taskId, login, true);
        LedgerRecord.Builder record = taskRecord(ReviewLedger.TASK_RELEASED, actor, released, held.item(), now, guideline);
        if (reason != null && !reason.isBlank()) {
            record.rationale(reason);
        }
        ledger.write(record);
        return released;
    }

    @Override
    public ReviewTask escalate(String taskId, int toTier, String reason) {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            ReviewTask current = held(taskId, login).task();
            checkEscalation(current, toTier, reason);
            Actor actor = callers.actorIn(reviewRolesFor(current.queue().tier()), pseudonym);
            return escalate(taskId, toTier, reason, login, actor, guidelines.activeFor(current.queue().workflowKey()),
                    policies.activeFor(current.queue().workflowKey()));
        });
    }

    private static void checkEscalation(ReviewTask current, int toTier, String reason) {
        Violations v = new Violations();
        v.check(toTier > current.queue().tier() && toTier <= 3, "toTier",
                "must be a higher tier than " + current.queue().tier() + " and at most 3");
        v.check(reason != null && !reason.isBlank() && reason.length() <= MAX_RATIONALE, "reason",
                "is required: why the item needs a higher tier (at most " + MAX_RATIONALE + " characters)");
        v.throwIfAny("The escalation");
    }

    private ReviewTask escalate(String taskId, int toTier, String reason, String login, Actor actor,
            Optional<GuidelineVersion> guideline, Optional<RoutingPolicy> policy) {
        HeldTask held = held(taskId, login);
        ReviewTask task = held.task();
        Instant now = clock.instant();
        Optional<Instant> dueBy = policy.flatMap(p -> p.slaFor(toTier)).map(sla -> now.plusSeconds(60L * sla.minutesToReview()));
        ReviewTask escalated = leases.escalate(taskId, login, toTier, reason, dueBy, now);
        String successorId = escalated.id();
        ledger.write(taskRecord(ReviewLedger.TASK_ESCALATED, actor, task, held.item(), now, guideline)
                .rationale(reason)
                .attribute("toTier", Integer.toString(toTier))
                .attribute("successorTask", successorId));
        reporting.reviewAction(held.item(), "ESCALATED", now);
        return escalated;
    }

    @Override
    public ReviewTask complete(String taskId, TaskResult result) {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            HeldTask held = held(taskId, login);
            String workflowKey = held.task().queue().workflowKey();
            ReviewSettings review = reviewSettings.of(workflowKey);
            Workflow workflow = workflows.find(workflowKey).orElseThrow();
            boolean predictionShown = predictionShown(held.task());
            TaskResult recorded = predictionShown ? result : BlindAnswers.asRecorded(result, held.item(), workflow.taskKind());
            ResultRules.check(recorded, workflow, held.item(), predictionShown ? review.rationaleRequired()
                    : BlindAnswers.rationaleRule(review.rationaleRequired()));
            Actor actor = callers.actorIn(reviewRolesFor(held.task().queue().tier()), pseudonym);
            return complete(held, recorded, login, actor, guidelines.activeFor(workflowKey), review, Map.of(), predictionShown);
        });
    }

    @Override
    public ReviewTask completePreference(String taskId, Preference preference, String rationale) {
        if (preference == null) {
            throw InvalidInputException.of("preference", "is required: A, B, TIE or BOTH_BAD");
        }
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            HeldTask held = held(taskId, login);
            String workflowKey = held.task().queue().workflowKey();
            Workflow workflow = workflows.find(workflowKey).orElseThrow();
            if (workflow.taskKind() != TaskKind.PAIRWISE_PREFERENCE) {
                throw InvalidInputException.of("preference", "applies to pairwise-preference workflows only; "
                        + workflowKey + " is " + workflow.taskKind());
            }
            String key = preference.key(held.item().candidates(), taskId);
            boolean modelsChoice = held.item().predictedLabels().equals(List.of(key));
            TaskResult result = new TaskResult(modelsChoice ? Verdict.APPROVE : Verdict.CORRECT,
                    modelsChoice ? List.of() : List.of(key), Optional.empty(), rationale == null ? "" : rationale);
            ReviewSettings review = reviewSettings.of(workflowKey);
            boolean predictionShown = predictionShown(held.task());
            ResultRules.check(result, workflow, held.item(), predictionShown ? review.rationaleRequired()
                    : BlindAnswers.rationaleRule(review.rationaleRequired()));
            Actor actor = callers.actorIn(reviewRolesFor(held.task().queue().tier()), pseudonym);
            return complete(held, result, login, actor, guidelines.activeFor(workflowKey), review,
                    Map.of("preference", preference.name(), "sidesSwapped", Boolean.toString(Preference.sidesSwapped(taskId))),
                    predictionShown);
        });
    }

    @Override
    public boolean predictionShown(ReviewTask task) {
        return reviewerViews.of(task.queue().workflowKey()).predictionShownTo(task.queue().tier());
    }

    /**
     * Completes the task {@code held} (read and locked by {@link #held} in this transaction), recording
     * whether its reviewer saw the model's prediction before answering.
     */
    private ReviewTask complete(HeldTask held, TaskResult result, String login, Actor actor,
            Optional<GuidelineVersion> guideline, ReviewSettings review, Map<String, String> shownAnswer,
            boolean predictionShown) {
        ReviewTask task = held.task();
        String taskId = task.id();
        Instant now = clock.instant();
        ReviewItem item = leases.item(task.itemId(), true).orElseThrow();
        ReviewAnswer answer = ReviewAnswer.of(result, item.predictedLabels(), item.predictedOutput());
        List<String> labels = answer.labels().stream().sorted().toList();
        boolean isGold = leases.isGold(taskId);
        ReviewTask completed = leases.complete(taskId, login, result, labels, answer.output(),
                guideline.map(GuidelineVersion::id), now);
        LedgerRecord.Builder record = taskRecord(ReviewLedger.TASK_COMPLETED, actor, completed, item, now, guideline)
                .attribute("verdict", result.verdict().name())
                .attribute("labels", String.join(",", labels))
                .attribute("predictionShown", Boolean.toString(predictionShown));
        shownAnswer.forEach(record::attribute);
        answer.output().ifPresent(o -> record.attribute("outputDigest", LedgerRecord.digestOf(o).hex()));
        if (!result.rationale().isBlank()) {
            record.rationale(result.rationale());
        }
        if (isGold) {
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

    @Override
    public List<ClaimedTask> myClaims() {
        String login = callers.login();
        return leases.claimedBy(login);
    }

    @Override
    public Optional<ReviewItem> item(String itemId) {
        return leases.item(itemId, false);
    }

    private record HeldTask(ReviewTask task, ReviewItem item) {
    }

    /** The caller's claimed task, locked; refuses tasks that are not theirs or whose lease ran out. */
    private HeldTask held(String taskId, String login) {
        ClaimedTask held = leases.held(taskId, login);
        return new HeldTask(held.task(), held.item());
    }

    LedgerRecord.Builder taskRecord(String action, Actor actor, ReviewTask task, ReviewItem item, Instant now,
            Optional<GuidelineVersion> guideline) {
        LedgerRecord.Builder record = ledger.record(action, actor, task.queue().workflowKey())
                .subject("task", task.id())
                .modelSnapshot(item.modelSnapshotId())
                .occurredAt(now)
                .attribute("item", task.itemId())
                .attribute("purpose", task.purpose().name())
                .attribute("tier", Integer.toString(task.queue().tier()))
                .attribute("slot", Integer.toString(task.slot()));
        guideline.ifPresent(g -> record.guideline(g.id(), g.contentDigest()));
        return record;
    }

    /** Roles a reviewer may act in on a tier's queue, the most fitting first. */
    static List<String> reviewRolesFor(int tier) {
        return switch (tier) {
            case 3 -> List.of(Roles.EXPERT, Roles.REVIEWER, Roles.ANNOTATOR, Roles.ADJUDICATOR);
            case 2 -> List.of(Roles.REVIEWER, Roles.EXPERT, Roles.ANNOTATOR, Roles.ADJUDICATOR);
            default -> List.of(Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR);
        };
    }
}
