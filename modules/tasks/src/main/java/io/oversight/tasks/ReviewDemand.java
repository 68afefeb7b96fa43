package io.oversight.tasks;

/**
 * How many independent reviews a new item starts with: the review module's consensus rules decide,
 * intake asks (so tasks does not depend on review, review implements this with CDI).
 */
public interface ReviewDemand {

    /** @param workflowReviewersPerItem the workflow's configured reviewers per item */
    int initialReviews(String workflowKey, int workflowReviewersPerItem);
}
