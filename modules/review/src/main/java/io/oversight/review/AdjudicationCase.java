package io.oversight.review;

import io.oversight.tasks.ReviewItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An item in adjudication, with its reviews as the adjudicator sees them: verdicts, labels and
 * rationales, under "Reviewer 1, 2..." unless the workflow lets adjudicators see who wrote them.
 */
public record AdjudicationCase(String id, ReviewItem item, List<ReviewSummary> reviews, String status,
        Optional<Instant> leaseExpiresAt, Instant createdAt, Optional<Instant> completedAt) {

    public AdjudicationCase {
        reviews = List.copyOf(reviews);
    }
}
