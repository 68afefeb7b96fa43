package io.oversight.tasks.queue;

import io.oversight.tasks.intake.IntakeService;
import io.oversight.tasks.intake.ItemStore;
import io.oversight.tasks.settings.SettingsService;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.NotFoundException;
import io.oversight.ledger.Database;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.HeldTask;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskLeases;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.TaskTransition;
import io.oversight.tasks.learning.DiverseSelection;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.intake.StoredItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Leases on task rows, each change along {@link TaskTransition}, in the caller's transaction. */
@ApplicationScoped
public class DefaultTaskLeases implements TaskLeases {

    /** Candidates examined per task wanted when diversity sampling is on. */
    static final int DIVERSITY_POOL_FACTOR = 4;
    private static final int MAX_NOTE = 4000;

    @Inject
    Database database;

    @Inject
    SettingsService settingsService;

    @Inject
    Clock clock;

    @Inject
    ClaimCandidateStore claimCandidateStore;

    @Inject
    ClaimStore claimStore;

    @Inject
    CompletedTaskStore completedTaskStore;

    @Inject
    ItemReviewerStore itemReviewerStore;

    @Inject
    ItemStore itemStore;

    @Inject
    TaskStore taskStore;

    @Override
    public List<ClaimedTask> claim(QueueKey queue, String reviewer, int count, Instant leaseEnd, double diversityLambda) {
        if (count < 1) {
            return List.of();
        }
        boolean diverse = diversityLambda > 0 && count > 1;
        return database.run("claiming tasks", c -> {
            if (count == 1 && claimStore.claimsInOneStatement(c)) {
                return claimStore.claimNext(c, queue, reviewer, IntakeService.identityDigest(reviewer), leaseEnd)
                        .map(List::of).orElse(List.of());
            }
            List<ClaimCandidateStore.ClaimCandidate> candidates = claimCandidateStore.lockCandidates(c, queue, reviewer,
                    IntakeService.identityDigest(reviewer), diverse ? count * DIVERSITY_POOL_FACTOR : count * 2);
            List<ClaimCandidateStore.ClaimCandidate> oneSlotPerItem = new ArrayList<>();
            Set<String> items = new HashSet<>();
            for (ClaimCandidateStore.ClaimCandidate candidate : candidates) {
                if (items.add(candidate.itemId())) {
                    oneSlotPerItem.add(candidate);
                }
            }
            List<ClaimCandidateStore.ClaimCandidate> preferred = pick(oneSlotPerItem, count, diverse ? diversityLambda : 0);
            List<ClaimCandidateStore.ClaimCandidate> inOrder = new ArrayList<>(preferred);
            oneSlotPerItem.stream().filter(candidate -> !preferred.contains(candidate)).forEach(inOrder::add);
            List<ClaimedTask> claimed = new ArrayList<>();
            for (ClaimCandidateStore.ClaimCandidate candidate : inOrder) {
                if (claimed.size() == count) {
                    break;
                }
                if (!taskStore.claim(c, candidate.taskId(), reviewer, leaseEnd)) {
                    continue; // taken by a concurrent claimer (H2 reads candidates without locking them)
                }
                itemReviewerStore.addItemReviewer(c, candidate.itemId(), reviewer, candidate.taskId());
                ReviewTask task = taskStore.findTask(c, candidate.taskId(), false).orElseThrow();
                StoredItem item = itemStore.findItem(c, candidate.itemId(), false).orElseThrow();
                claimed.add(new ClaimedTask(task, item.item()));
            }
            return claimed;
        });
    }

    private static List<ClaimCandidateStore.ClaimCandidate> pick(List<ClaimCandidateStore.ClaimCandidate> inQueueOrder, int count, double lambda) {
        if (lambda == 0 || inQueueOrder.size() <= 1) {
            return inQueueOrder.subList(0, Math.min(count, inQueueOrder.size()));
        }
        Map<String, ClaimCandidateStore.ClaimCandidate> byId = new HashMap<>();
        List<DiverseSelection.Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < inQueueOrder.size(); i++) {
            ClaimCandidateStore.ClaimCandidate c = inQueueOrder.get(i);
            byId.put(c.taskId(), c);
            ranked.add(new DiverseSelection.Candidate(c.taskId(), i, c.simHash()));
        }
        return DiverseSelection.pick(ranked, count, lambda).stream().map(c -> byId.get(c.id())).toList();
    }

    @Override
    public ClaimedTask claimNew(String itemId, QueueKey queue, String reviewer, Instant leaseEnd, boolean gold) {
        String taskId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return database.run("cutting a task", c -> {
            taskStore.insertTasks(c, List.of(new TaskRow(taskId, itemId, queue.workflowKey(), queue.tier(),
                    TaskPurpose.REVIEW, 1, 0, Optional.empty(), 0.5, 0L, now, Optional.empty())));
            if (gold) {
                taskStore.markGoldTask(c, taskId);
            }
            if (!taskStore.claim(c, taskId, reviewer, leaseEnd)) {
                throw new ConflictException("Task " + taskId + " was taken before it could be handed out.");
            }
            itemReviewerStore.addItemReviewer(c, itemId, reviewer, taskId);
            return new ClaimedTask(taskStore.findTask(c, taskId, false).orElseThrow(),
                    itemStore.findItem(c, itemId, false).orElseThrow().item());
        });
    }

    @Override
    public HeldTask held(String taskId, String reviewer) {
        HeldTask held = database.run("reading a task", c -> claimStore.hold(c, taskId))
                .orElseThrow(() -> new NotFoundException("No task " + taskId + "."));
        ReviewTask task = held.task();
        if (task.status() != TaskStatus.CLAIMED || !task.leaseHolder().orElse("").equals(reviewer)) {
            throw new ConflictException("You do not hold task " + taskId + " (it is " + task.status() + ").");
        }
        if (task.leaseExpiresAt().orElseThrow().isBefore(clock.instant())) {
            throw new ConflictException("Your lease on task " + taskId + " expired at "
                    + task.leaseExpiresAt().get() + "; claim again.");
        }
        return held;
    }

    @Override
    public ReviewTask reopen(String taskId, String reviewer, boolean forgetReviewer) {
        TaskTransition transition = forgetReviewer ? TaskTransition.RELEASE : TaskTransition.SKIP;
        return database.run(forgetReviewer ? "releasing a task" : "skipping a task", c -> {
            ReviewTask held = taskStore.findTask(c, taskId, false).orElseThrow(() -> new NotFoundException("No task " + taskId + "."));
            if (!taskStore.reopen(c, transition, taskId, reviewer)) {
                throw new ConflictException("Task " + taskId + " is no longer yours to give back.");
            }
            if (forgetReviewer) {
                itemReviewerStore.removeItemReviewer(c, held.itemId(), reviewer);
            }
            ReviewTask reopened = taskStore.findTask(c, taskId, false).orElseThrow();
            taskStore.discardIfGold(c, taskId);
            return reopened;
        });
    }

    @Override
    public ReviewTask complete(HeldTask held, TaskResult result, List<String> labels, Optional<String> output,
            Optional<String> guidelineId, Instant at) {
        String taskId = held.task().id();
        String reviewer = held.task().leaseHolder().orElseThrow();
        return database.run("completing a task", c -> taskStore.complete(c, taskId, reviewer, result, labels, output,
                guidelineId, at)).orElseThrow(() -> new ConflictException("Task " + taskId + " is no longer yours to complete."));
    }

    @Override
    public ReviewTask escalate(String taskId, String reviewer, int toTier, String reason, Optional<Instant> dueBy, Instant at) {
        String successorId = UUID.randomUUID().toString();
        return database.run("escalating a task", c -> {
            ReviewTask task = taskStore.findTask(c, taskId, false).orElseThrow(() -> new NotFoundException("No task " + taskId + "."));
            TaskRow successor = new TaskRow(successorId, task.itemId(), task.queue().workflowKey(), toTier,
                    task.purpose(), task.slot(), task.priority(), dueBy, task.uncertainty(), taskStore.simHash(c, taskId),
                    at, Optional.of(IntakeService.truncate(reason, MAX_NOTE)));
            taskStore.insertTasks(c, List.of(successor));
            if (!taskStore.markEscalated(c, taskId, reviewer, successorId, at)) {
                throw new ConflictException("Task " + taskId + " is no longer yours to escalate.");
            }
            return taskStore.findTask(c, successorId, false).orElseThrow();
        });
    }

    @Override
    public ReviewTask passOn(String taskId, String reason, Instant at) {
        return database.run("passing a task on", c -> {
            if (!taskStore.markPassedOn(c, taskId, IntakeService.truncate(reason, MAX_NOTE), at)) {
                throw new ConflictException("Task " + taskId + " is no longer open.");
            }
            return taskStore.findTask(c, taskId, false).orElseThrow(() -> new NotFoundException("No task " + taskId + "."));
        });
    }

    @Override
    public ReviewTask addReview(ReviewTask like, int slot, String reason, Instant at) {
        String taskId = UUID.randomUUID().toString();
        return database.run("adding a reviewer", c -> {
            taskStore.insertTasks(c, List.of(new TaskRow(taskId, like.itemId(), like.queue().workflowKey(),
                    like.queue().tier(), TaskPurpose.REVIEW, slot, like.priority(), like.slaDeadline(), like.uncertainty(),
                    taskStore.simHash(c, like.id()), at, Optional.of(reason))));
            itemStore.setReviewsRequired(c, like.itemId(), slot);
            return taskStore.findTask(c, taskId, false).orElseThrow();
        });
    }

    @Override
    public List<ClaimedTask> claimedBy(String reviewer) {
        return database.run("reading claims", c -> {
            List<ClaimedTask> claims = new ArrayList<>();
            for (ReviewTask task : taskStore.claimedBy(c, reviewer)) {
                claims.add(new ClaimedTask(task, itemStore.findItem(c, task.itemId(), false).orElseThrow().item()));
            }
            return claims;
        });
    }

    @Override
    public List<ReviewTask> tasksOf(String itemId) {
        return database.run("reading an item's tasks", c -> taskStore.tasksOfItem(c, itemId));
    }

    @Override
    public Optional<ReviewItem> item(String itemId, boolean lock) {
        return database.run("reading an item", c -> itemStore.findItem(c, itemId, lock)).map(StoredItem::item);
    }

    @Override
    public boolean isGold(String taskId) {
        return database.run("reading a task", c -> taskStore.isGoldTask(c, taskId));
    }

    @Override
    public List<String> unseenBy(List<String> itemIds, String reviewer) {
        return database.run("reading an item's reviewers", c -> claimCandidateStore.unseenBy(c, itemIds, reviewer, IntakeService.identityDigest(reviewer)));
    }

    @Override
    public Map<String, Instant> lastCompletions(String reviewer) {
        return database.run("reading recent work", c -> completedTaskStore.lastCompletions(c, reviewer));
    }

    @Override
    public List<Instant> completionTimes(String reviewer, String workflowKey, Instant since) {
        return latestCompletionTimes(reviewer, workflowKey, since, Integer.MAX_VALUE);
    }

    @Override
    public List<Instant> latestCompletionTimes(String reviewer, String workflowKey, Instant since, int limit) {
        return database.run("reading recent work",
                c -> completedTaskStore.completionTimes(c, reviewer, workflowKey, since, limit));
    }

    @Override
    public LeaseTerms termsOf(String workflowKey) {
        IntakeSettings settings = settingsService.of(workflowKey);
        return new LeaseTerms(settings.leaseSeconds(), settings.diversityLambda());
    }
}
