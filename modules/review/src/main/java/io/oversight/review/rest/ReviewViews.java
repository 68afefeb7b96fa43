package io.oversight.review.rest;

import io.oversight.review.quality.QualificationStore;
import java.time.Instant;

/** The JSON documents of the review API that are not tasks' (claims and tasks are {@code TaskDocuments}). */
public final class ReviewViews {

    private ReviewViews() {
    }

    public record QualificationJson(String login, String workflow, int maxTier, boolean mayRevealPii, Instant grantedAt) {

        static QualificationJson of(QualificationStore.Qualification q) {
            return new QualificationJson(q.principal(), q.workflowKey(), q.maxTier(), q.mayRevealPii(), q.grantedAt());
        }
    }
}
