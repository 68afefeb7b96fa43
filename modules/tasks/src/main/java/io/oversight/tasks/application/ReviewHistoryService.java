package io.oversight.tasks.application;

import io.oversight.tasks.CompletedReviewRecord;
import io.oversight.tasks.ReviewAnswer;
import io.oversight.tasks.ReviewHistory;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import io.oversight.tasks.infrastructure.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReviewHistoryService implements ReviewHistory {

    @Inject
    TasksDatabase database;

    @Override
    public List<CompletedReviewRecord> completedReviews(String workflowKey, Instant from, Instant to, int limit) {
        List<TaskStore.ReviewRecord> records = database.run("reading completed reviews",
                c -> TaskStore.reviewRecords(c, workflowKey, from, to, limit));
        return records.stream().map(r -> {
            ReviewAnswer answer = ReviewAnswer.of(new TaskResult(r.verdict(), r.labels(), r.output(), ""),
                    r.predictedLabels(), Optional.empty());
            ReviewAnswer model = ReviewAnswer.of(new TaskResult(Verdict.APPROVE, List.of(), Optional.empty(), ""),
                    r.predictedLabels(), Optional.empty());
            return new CompletedReviewRecord(r.itemId(), r.workflowKey(), r.tier(), r.reviewer(), answer.key(), model.key(),
                    r.labels(), r.guidelineId(), r.completedAt());
        }).toList();
    }
}
