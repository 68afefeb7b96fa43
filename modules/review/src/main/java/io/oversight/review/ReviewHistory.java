package io.oversight.review;

import java.time.Instant;
import java.util.List;

/** Completed human reviews, read for agreement metrics and reports. */
public interface ReviewHistory {

    /** Reviews of a workflow completed in [from, to), in completion order; at most {@code limit}. */
    List<CompletedReviewRecord> completedReviews(String workflowKey, Instant from, Instant to, int limit);
}
