package io.oversight.review.quality;

import io.oversight.ledger.Database;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewerSupply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** Tasks' question who may take a queue's work, answered by qualifications and pauses. */
@ApplicationScoped
public class EligibleReviewers implements ReviewerSupply {

    @Inject
    Database database;

    @Inject
    QualificationStore qualificationStore;

    @Override
    public Set<String> eligibleReviewers(QueueKey queue) {
        return database.run("reading who may review",
                c -> qualificationStore.eligible(c, queue.workflowKey(), queue.tier()));
    }
}
