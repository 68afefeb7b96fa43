package io.oversight.tasks.application;

import io.oversight.ledger.Callers;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.ForbiddenException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.RoutingPolicies;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.SlaTarget;
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
import io.oversight.tasks.ReviewAnswer;
import io.oversight.tasks.ReviewQueues;
import io.oversight.tasks.ReviewerNotice;
import io.oversight.tasks.ReviewerWorkload;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.domain.DiverseSelection;
import io.oversight.tasks.domain.FatigueLimitException;
import io.oversight.tasks.domain.ReviewSettings;
import io.oversight.tasks.domain.Workload;
import io.oversight.tasks.domain.IntakeSettings;
import io.oversight.tasks.infrastructure.ReviewStore;
import io.oversight.tasks.infrastructure.SettingsStore;
import io.oversight.tasks.infrastructure.SlaStore;
import io.oversight.tasks.infrastructure.StoredItem;
import io.oversight.tasks.infrastructure.TaskRow;
import io.oversight.tasks.infrastructure.TaskStore;
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
import java.util.UUID;

/**
 * Tiered queues with leases (SPEC T5, T6): claim-next under {@code FOR UPDATE SKIP LOCKED}, release,
 * escalation, completion, and the statistics of the queue dashboard. Every change is recorded in the
 * ledger in its transaction.
 */
@ApplicationScoped
public class QueueService implements ReviewQueues {

    /** Most tasks one claim may take. */
    public static final int MAX_CLAIM = 20;
    /** Candidates examined per task wanted when diversity sampling is on. */
    static final int DIVERSITY_POOL_FACTOR = 4;
    static final int MAX_RATIONALE = ResultRules.MAX_RATIONALE;

    @Inject
    TasksDatabase database;

    @Inject
    Callers callers;

    @Inject
    TasksLedger ledger;

    @Inject
    SettingsService settingsService;

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
    LoopReporting reporting;

    @Override
    public List<QueueStatistics> myQueues() {
        String login = callers.login();
        List<SettingsStore.Qualification> qualifications = database.run("reading qualifications",
                c -> SettingsStore.qualificationsOf(c, login));
        Map<QueueKey, QueueStatistics> all = new HashMap<>();
        statistics().forEach(s -> all.put(s.queue(), s));
        List<QueueStatistics> mine = new ArrayList<>();
        for (SettingsStore.Qualification q : qualifications) {
            for (int tier = 1; tier <= q.maxTier(); tier++) {
                QueueKey key = new QueueKey(q.workflowKey(), tier);
                mine.add(all.getOrDefault(key, new QueueStatistics(key, 0, 0, Optional.empty(), Optional.empty(),
                        Optional.empty(), false, false)));
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
            SettingsStore.Qualification qualification = database.run("reading a qualification",
                    c -> SettingsStore.qualification(c, login, queue.workflowKey())).orElseThrow(() ->
                    new ForbiddenException("You hold no qualification for workflow " + queue.workflowKey() + "."));
            if (qualification.maxTier() < queue.tier()) {
                throw new ForbiddenException("Your qualification for " + queue.workflowKey() + " reaches tier "
                        + qualification.maxTier() + ", not tier " + queue.tier() + ".");
            }
            Actor actor = callers.actorIn(reviewRolesFor(queue.tier()), pseudonym);
            ReviewSettings review = reviewSettings.of(queue.workflowKey());
            refuseIfPausedOrTired(login, queue.workflowKey(), review);
            IntakeSettings settings = settingsService.of(queue.workflowKey());
            boolean diverse = settings.diversityLambda() > 0 && count > 1;
            return claim(queue, count, login, actor, settings, review, diverse, Optional.empty());
        });
    }

    @Override
    public Optional<ClaimedTask> claimNextAnywhere() {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        List<SettingsStore.Qualification> qualifications = database.run("reading qualifications",
                c -> SettingsStore.qualificationsOf(c, login));
        Map<String, Instant> lastWorked = database.run("reading recent work", c -> ReviewStore.lastCompletions(c, login));
        List<SettingsStore.Qualification> rotation = new ArrayList<>(qualifications);
        rotation.sort(Comparator.comparing((SettingsStore.Qualification q) ->
                lastWorked.getOrDefault(q.workflowKey(), Instant.EPOCH)).thenComparing(SettingsStore.Qualification::workflowKey));
        for (SettingsStore.Qualification q : rotation) {
            try {
                Optional<ClaimedTask> claimed = inTransaction.call(() -> {
                    ReviewSettings review = reviewSettings.of(q.workflowKey());
                    refuseIfPausedOrTired(login, q.workflowKey(), review);
                    IntakeSettings settings = settingsService.of(q.workflowKey());
                    for (int tier = q.maxTier(); tier >= 1; tier--) {
                        QueueKey queue = new QueueKey(q.workflowKey(), tier);
                        Actor actor = callers.actorIn(reviewRolesFor(tier), pseudonym);
                        List<ClaimedTask> taken = claim(queue, 1, login, actor, settings, review, false, Optional.empty());
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
        database.run("reading pauses", c -> ReviewStore.activePause(c, login, workflowKey)).ifPresent(pause -> {
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
        List<Instant> completions = database.run("reading recent work",
                c -> ReviewStore.completionTimes(c, login, workflowKey, now.minus(Duration.ofDays(1))));
        return Workload.of(completions, now, review);
    }

    @Override
    public ReviewerWorkload workload(String workflowKey) {
        String login = callers.login();
        ReviewSettings review = reviewSettings.of(workflowKey);
        Workload w = workloadOf(login, workflowKey, review);
        Optional<String> paused = database.run("reading pauses", c -> ReviewStore.activePause(c, login, workflowKey))
                .map(ReviewStore.Pause::reason);
        return new ReviewerWorkload(workflowKey, w.completedLastHour(), review.maxItemsPerHour(), w.completedThisSession(),
                review.maxItemsPerSession(), w.sessionStartedAt(), w.capReached(), w.retryAfter(), w.breakDue(), paused);
    }

    @Override
    public List<ReviewerNotice> myNotices() {
        String login = callers.login();
        return inTransaction.call(() -> database.run("reading notices", c -> {
            List<ReviewerNotice> notices = ReviewStore.notices(c, login, 50).stream()
                    .map(n -> new ReviewerNotice(n.id(), n.itemId(), n.workflowKey(), n.message(), n.createdAt(), n.readAt()))
                    .toList();
            ReviewStore.markNoticesRead(c, login, clock.instant());
            return notices;
        }));
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
            boolean permitted = database.run("reading a qualification", c -> SettingsStore.qualification(c, login, workflowKey))
                    .map(SettingsStore.Qualification::mayRevealPii).orElse(false);
            if (!permitted) {
                throw new ForbiddenException("Your qualification for " + workflowKey
                        + " does not include seeing personal data; it stays masked.");
            }
            String subject = database.run("reading an item", c -> TaskStore.dataSubject(c, held.item().id()))
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
            ReviewTask reopened = database.run("skipping a task", c -> {
                TaskStore.reopen(c, taskId, login);
                ReviewTask task = TaskStore.findTask(c, taskId, false).orElseThrow();
                ReviewStore.discardIfGold(c, taskId);
                return task;
            });
            ledger.write(taskRecord(TasksLedger.TASK_SKIPPED, actor, reopened, held.item(), now, Optional.empty())
                    .rationale(reason));
            reporting.reviewAction(held.item(), "SKIPPED", now);
            return reopened;
        });
    }

    // Claims and releases hold one pooled connection: the pseudonym is issued first, on a connection
    // of its own, and the rest runs in one transaction on JDBC alone. Governance's JPA reads take a
    // connection of their own, so the hot paths do not name the guideline in force (completions and
    // escalations, the decisions, do).
    private List<ClaimedTask> claim(QueueKey queue, int count, String login, Actor actor, IntakeSettings settings,
            ReviewSettings review, boolean diverse, Optional<GuidelineVersion> guideline) {
        Instant now = clock.instant();
        Instant leaseEnd = now.plusSeconds(settings.leaseSeconds());
        List<ClaimedTask> claimed = new ArrayList<>();
        Set<String> goldTasks = new HashSet<>();
        database.run("claiming tasks", c -> {
            gold.serve(c, queue, login, IntakeService.identityDigest(login), leaseEnd, review).ifPresent(task -> {
                claimed.add(task);
                goldTasks.add(task.task().id());
            });
            List<TaskStore.ClaimCandidate> candidates = TaskStore.lockCandidates(c, queue, login,
                    IntakeService.identityDigest(login), diverse ? count * DIVERSITY_POOL_FACTOR : count * 2);
            List<TaskStore.ClaimCandidate> oneSlotPerItem = new ArrayList<>();
            Set<String> items = new HashSet<>();
            for (TaskStore.ClaimCandidate candidate : candidates) {
                if (items.add(candidate.itemId())) {
                    oneSlotPerItem.add(candidate);
                }
            }
            List<TaskStore.ClaimCandidate> preferred = pick(oneSlotPerItem, count, diverse ? settings.diversityLambda() : 0);
            List<TaskStore.ClaimCandidate> inOrder = new ArrayList<>(preferred);
            oneSlotPerItem.stream().filter(candidate -> !preferred.contains(candidate)).forEach(inOrder::add);
            for (TaskStore.ClaimCandidate candidate : inOrder) {
                if (claimed.size() == count) {
                    break;
                }
                if (!TaskStore.claim(c, candidate.taskId(), login, leaseEnd)) {
                    continue; // taken by a concurrent claimer (H2 reads candidates without locking them)
                }
                TaskStore.addItemReviewer(c, candidate.itemId(), login, candidate.taskId());
                ReviewTask task = TaskStore.findTask(c, candidate.taskId(), false).orElseThrow();
                StoredItem item = TaskStore.findItem(c, candidate.itemId(), false).orElseThrow();
                claimed.add(new ClaimedTask(task, item.item()));
            }
            return null;
        });
        for (ClaimedTask task : claimed) {
            ledger.write(taskRecord(TasksLedger.TASK_CLAIMED, actor, task.task(), task.item(), now, guideline)
                    .attribute("leaseExpiresAt", leaseEnd.toString())
                    .attribute("claims", Integer.toString(task.task().claims()))
                    .attribute("diversityLambda", Double.toString(diverse ? settings.diversityLambda() : 0))
                    .attribute("gold", Boolean.toString(goldTasks.contains(task.task().id()))));
        }
        return claimed;
    }

    private static List<TaskStore.ClaimCandidate> pick(List<TaskStore.ClaimCandidate> inQueueOrder, int count, double lambda) {
        if (lambda == 0 || inQueueOrder.size() <= 1) {
            return inQueueOrder.subList(0, Math.min(count, inQueueOrder.size()));
        }
        Map<String, TaskStore.ClaimCandidate> byId = new HashMap<>();
        List<DiverseSelection.Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < inQueueOrder.size(); i++) {
            TaskStore.ClaimCandidate c = inQueueOrder.get(i);
            byId.put(c.taskId(), c);
            ranked.add(new DiverseSelection.Candidate(c.taskId(), i, c.simHash()));
        }
        return DiverseSelection.pick(ranked, count, lambda).stream().map(c -> byId.get(c.id())).toList();
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
        ReviewTask released = database.run("releasing a task", c -> {
            TaskStore.reopen(c, taskId, login);
            TaskStore.removeItemReviewer(c, held.task().itemId(), login);
            ReviewTask reopened = TaskStore.findTask(c, taskId, false).orElseThrow();
            ReviewStore.discardIfGold(c, taskId);
            return reopened;
        });
        LedgerRecord.Builder record = taskRecord(TasksLedger.TASK_RELEASED, actor, released, held.item(), now, guideline);
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
        String successorId = UUID.randomUUID().toString();
        ReviewTask escalated = database.run("escalating a task", c -> {
            TaskRow successor = new TaskRow(successorId, task.itemId(), task.queue().workflowKey(), toTier,
                    task.purpose(), task.slot(), task.priority(),
                    policy.flatMap(p -> p.slaFor(toTier)).map(s -> now.plusSeconds(60L * s.minutesToReview())),
                    task.uncertainty(), TaskStore.simHash(c, taskId), now, Optional.of(IntakeService.truncate(reason, 4000)));
            TaskStore.insertTasks(c, List.of(successor));
            if (!TaskStore.markEscalated(c, taskId, login, successorId, now)) {
                throw new ConflictException("Task " + taskId + " is no longer yours to escalate.");
            }
            return TaskStore.findTask(c, successorId, false).orElseThrow();
        });
        ledger.write(taskRecord(TasksLedger.TASK_ESCALATED, actor, task, held.item(), now, guideline)
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
            ResultRules.check(result, workflows.find(workflowKey).orElseThrow(), held.item(), review.rationaleRequired());
            Actor actor = callers.actorIn(reviewRolesFor(held.task().queue().tier()), pseudonym);
            return complete(held, result, login, actor, guidelines.activeFor(workflowKey), review, Map.of());
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
            ResultRules.check(result, workflow, held.item(), review.rationaleRequired());
            Actor actor = callers.actorIn(reviewRolesFor(held.task().queue().tier()), pseudonym);
            return complete(held, result, login, actor, guidelines.activeFor(workflowKey), review,
                    Map.of("preference", preference.name(), "sidesSwapped", Boolean.toString(Preference.sidesSwapped(taskId))));
        });
    }

    /** Completes the task {@code held} (read and locked by {@link #held} in this transaction). */
    private ReviewTask complete(HeldTask held, TaskResult result, String login, Actor actor,
            Optional<GuidelineVersion> guideline, ReviewSettings review, Map<String, String> shownAnswer) {
        ReviewTask task = held.task();
        String taskId = task.id();
        Instant now = clock.instant();
        ReviewItem item = database.run("locking the item", c -> TaskStore.findItem(c, task.itemId(), true))
                .orElseThrow().item();
        ReviewAnswer answer = ReviewAnswer.of(result, item.predictedLabels(), item.predictedOutput());
        List<String> labels = answer.labels().stream().sorted().toList();
        boolean isGold = database.run("reading a task", c -> ReviewStore.isGoldTask(c, taskId));
        ReviewTask completed = database.run("completing a task", c -> {
            if (!TaskStore.complete(c, taskId, login, result, labels, answer.output(), guideline.map(GuidelineVersion::id),
                    now)) {
                throw new ConflictException("Task " + taskId + " is no longer yours to complete.");
            }
            return TaskStore.findTask(c, taskId, false).orElseThrow();
        });
        LedgerRecord.Builder record = taskRecord(TasksLedger.TASK_COMPLETED, actor, completed, item, now, guideline)
                .attribute("verdict", result.verdict().name())
                .attribute("labels", String.join(",", labels));
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
        reporting.reviewAction(item, "COMPLETED", now);
        decisions.settle(item, completed, answer, actor, review);
        return completed;
    }

    @Override
    public List<ClaimedTask> myClaims() {
        String login = callers.login();
        return database.run("reading my claims", c -> {
            List<ClaimedTask> claims = new ArrayList<>();
            for (ReviewTask task : TaskStore.claimedBy(c, login)) {
                claims.add(new ClaimedTask(task, TaskStore.findItem(c, task.itemId(), false).orElseThrow().item()));
            }
            return claims;
        });
    }

    @Override
    public Optional<ReviewItem> item(String itemId) {
        return database.run("reading an item", c -> TaskStore.findItem(c, itemId, false)).map(StoredItem::item);
    }

    /**
     * Every queue that has live tasks or an SLA target, with its counts and SLA state. Counting uses
     * the live-task index only, so the cost grows with open work, not with history.
     */
    public List<QueueStatistics> statistics() {
        List<TaskStore.QueueCounts> counts = database.run("counting queues", TaskStore::queueCounts);
        Set<String> breached = new HashSet<>();
        database.run("reading SLA state", SlaStore::breachedStates)
                .forEach(s -> breached.add(s.queue() + "/" + s.measure()));
        Map<QueueKey, TaskStore.QueueCounts> byQueue = new HashMap<>();
        counts.forEach(c -> byQueue.put(c.queue(), c));
        Set<QueueKey> keys = new java.util.TreeSet<>(Comparator.comparing(QueueKey::workflowKey)
                .thenComparingInt(QueueKey::tier));
        keys.addAll(byQueue.keySet());
        Map<String, RoutingPolicy> policyOf = new HashMap<>();
        for (Workflow workflow : workflows.list()) {
            policies.activeFor(workflow.key()).ifPresent(p -> {
                policyOf.put(workflow.key(), p);
                p.slaTargets().forEach(s -> keys.add(new QueueKey(workflow.key(), s.tier())));
            });
        }
        Instant now = clock.instant();
        List<QueueStatistics> statistics = new ArrayList<>();
        for (QueueKey key : keys) {
            Optional<TaskStore.QueueCounts> c = Optional.ofNullable(byQueue.get(key));
            Optional<SlaTarget> sla = Optional.ofNullable(policyOf.get(key.workflowKey())).flatMap(p -> p.slaFor(key.tier()));
            statistics.add(new QueueStatistics(key, c.map(TaskStore.QueueCounts::open).orElse(0L),
                    c.map(TaskStore.QueueCounts::claimed).orElse(0L),
                    c.flatMap(TaskStore.QueueCounts::oldestOpen).map(t -> Duration.between(t, now)),
                    sla.map(SlaTarget::minutesToReview), sla.map(SlaTarget::maxQueueDepth),
                    breached.contains(key + "/" + SlaStore.Measure.REVIEW_TIME),
                    breached.contains(key + "/" + SlaStore.Measure.QUEUE_DEPTH)));
        }
        return statistics;
    }

    private record HeldTask(ReviewTask task, ReviewItem item) {
    }

    /** The caller's claimed task, locked; refuses tasks that are not theirs or whose lease ran out. */
    private HeldTask held(String taskId, String login) {
        return database.run("reading a task", c -> {
            ReviewTask task = TaskStore.findTask(c, taskId, true)
                    .orElseThrow(() -> new NotFoundException("No task " + taskId + "."));
            if (task.status() != TaskStatus.CLAIMED || !task.leaseHolder().orElse("").equals(login)) {
                throw new ConflictException("You do not hold task " + taskId + " (it is " + task.status() + ").");
            }
            if (task.leaseExpiresAt().orElseThrow().isBefore(clock.instant())) {
                throw new ConflictException("Your lease on task " + taskId + " expired at "
                        + task.leaseExpiresAt().get() + "; claim again.");
            }
            return new HeldTask(task, TaskStore.findItem(c, task.itemId(), false).orElseThrow().item());
        });
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
