package io.oversight.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One completed human review (gold, audit and feedback reviews excluded), for agreement metrics.
 *
 * @param answerKey the review's answer as a category: sorted labels joined by "+", or REJECT
 * @param modelKey  the model's prediction in the same form
 */
public record CompletedReviewRecord(String itemId, String workflowKey, int tier, String reviewer, String answerKey,
        String modelKey, List<String> labels, Optional<String> guidelineId, Instant completedAt) {

    public CompletedReviewRecord {
        labels = List.copyOf(labels);
    }
}
