package io.oversight.review.decision;

import io.oversight.tasks.ItemOutcomes;
import io.oversight.review.CompletedReviewRecord;
import io.oversight.review.ReviewAnswer;
import io.oversight.review.ReviewHistory;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReviewHistoryService implements ReviewHistory {

    @Inject
    ItemOutcomes outcomes;

    @Override
    public List<CompletedReviewRecord> completedReviews(String workflowKey, Instant from, Instant to, int limit) {
        List<ItemOutcomes.ReviewRecord> records = outcomes.reviewRecords(workflowKey, from, to, limit);
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
