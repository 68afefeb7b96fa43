package io.oversight.review.decision;

import io.oversight.tasks.ReviewDemand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Intake's question how many reviews a new item starts with, answered by the consensus rules. */
@ApplicationScoped
public class ConsensusReviewDemand implements ReviewDemand {

    @Inject
    ReviewSettingsService reviewSettings;

    @Override
    public int initialReviews(String workflowKey, int workflowReviewersPerItem) {
        return ReviewConsensus.initialReviews(reviewSettings.of(workflowKey), workflowReviewersPerItem);
    }
}
