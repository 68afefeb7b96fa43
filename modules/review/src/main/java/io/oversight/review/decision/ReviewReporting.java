package io.oversight.review.decision;

import io.oversight.governance.LoopObservations;
import io.oversight.review.ReviewAnswer;
import io.oversight.tasks.ReviewItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tells governance's monitors what reviewers did (ADR 0017), in the transaction of the change. No
 * payload is passed, so no declared personal-data field can reach a monitor.
 */
@ApplicationScoped
public class ReviewReporting {

    @Inject
    LoopObservations observations;

    public void audited(ReviewItem item, boolean modelAgreed, Instant at) {
        observations.audit(new LoopObservations.Audit(item.workflowKey(), item.modelSnapshotId(), at, item.confidence(),
                modelAgreed));
    }

    /** {@code action}: COMPLETED, ESCALATED or SKIPPED. */
    public void reviewAction(ReviewItem item, String action, Instant at) {
        observations.reviewAction(new LoopObservations.ReviewAction(item.workflowKey(), item.modelSnapshotId(), at, action));
    }

    /**
     * The independent answers of an item whose reviews were weighed to an end (decided or sent to
     * adjudication). Answers are keyed by {@link ReviewAnswer#key()}, equal exactly when they agree.
     */
    public void reviewerAnswers(ReviewItem item, List<ReviewAnswer> answers, Instant at) {
        Map<String, Long> counts = answers.stream().collect(Collectors.groupingBy(ReviewAnswer::key, Collectors.counting()));
        observations.reviewerAnswers(new LoopObservations.ReviewerAnswers(item.workflowKey(), item.modelSnapshotId(), at,
                counts));
    }

    public void goldAnswer(String workflowKey, String reviewerPseudonym, boolean correct, Instant at) {
        observations.goldAnswer(new LoopObservations.GoldAnswer(workflowKey, at, reviewerPseudonym, correct));
    }

}
