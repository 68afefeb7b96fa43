package io.oversight.tasks.queue;

import io.oversight.ledger.Database;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.ReviewerSupply;
import io.oversight.tasks.StuckTask;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.UnclaimableTasks;
import io.oversight.tasks.intake.IntakeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds open tasks nobody may claim. A task is claimable while one reviewer eligible for its queue
 * has not had its item and is not excluded from it, the rule the claim query applies per reviewer.
 */
@ApplicationScoped
public class DefaultUnclaimableTasks implements UnclaimableTasks {

    @Inject
    Database database;

    @Inject
    ReviewerSupply supply;

    @Inject
    ClaimCandidateStore claimCandidateStore;

    @Inject
    ItemReviewerStore itemReviewerStore;

    @Inject
    LiveQueueCounts liveCounts;

    @Inject
    TaskStore taskStore;

    @Override
    public Optional<StuckTask> ifStuck(String taskId) {
        return database.run("judging a task's reviewers", c -> {
            Optional<ReviewTask> task = taskStore.findTask(c, taskId, false);
            if (task.isEmpty() || task.get().status() != TaskStatus.OPEN || taskStore.isGoldTask(c, taskId)) {
                return Optional.<StuckTask>empty();
            }
            Set<String> eligible = supply.eligibleReviewers(task.get().queue());
            return nobodyLeft(c, task.get(), eligible) ? Optional.of(new StuckTask(task.get(), eligible.size()))
                    : Optional.<StuckTask>empty();
        });
    }

    @Override
    public List<StuckTask> stuck(Optional<String> workflowKey, int limit) {
        return stuck(liveCounts.current(), workflowKey, limit);
    }

    @Override
    public List<StuckTask> stuckForSweep(int limit) {
        return stuck(liveCounts.currentForBackgroundJob(), Optional.empty(), limit);
    }

    private List<StuckTask> stuck(List<QueueCountStore.QueueCounts> queues, Optional<String> workflowKey, int limit) {
        return database.run("finding tasks nobody may claim", c -> {
            List<StuckTask> stuck = new ArrayList<>();
            for (QueueCountStore.QueueCounts queue : queues) {
                if (queue.open() == 0 || workflowKey.filter(k -> !k.equals(queue.queue().workflowKey())).isPresent()) {
                    continue;
                }
                QueueKey key = queue.queue();
                Set<String> eligible = supply.eligibleReviewers(key);
                // a task can be out of reviewers only if at least as many people had its item as are eligible
                for (ReviewTask task : claimCandidateStore.openTasksPassedOnBy(c, key, eligible.size(), limit)) {
                    if (nobodyLeft(c, task, eligible)) {
                        stuck.add(new StuckTask(task, eligible.size()));
                    }
                }
            }
            stuck.sort(Comparator.comparing((StuckTask s) -> s.task().createdAt()).thenComparing(s -> s.task().id()));
            return List.copyOf(stuck.subList(0, Math.min(limit, stuck.size())));
        });
    }

    private boolean nobodyLeft(Connection c, ReviewTask task, Set<String> eligible) throws SQLException {
        if (eligible.isEmpty()) {
            return true;
        }
        Set<String> had = itemReviewerStore.itemReviewers(c, task.itemId());
        Set<String> excluded = itemReviewerStore.itemExclusions(c, task.itemId());
        return eligible.stream().allMatch(reviewer -> had.contains(reviewer)
                || excluded.contains(IntakeService.identityDigest(reviewer)));
    }
}
