package io.oversight.review.decision;

import io.oversight.governance.LoopObservations;
import io.oversight.tasks.ReviewItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

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

    public void goldAnswer(String workflowKey, String reviewerPseudonym, boolean correct, Instant at) {
        observations.goldAnswer(new LoopObservations.GoldAnswer(workflowKey, at, reviewerPseudonym, correct));
    }

}
