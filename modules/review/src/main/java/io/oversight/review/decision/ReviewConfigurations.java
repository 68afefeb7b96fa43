package io.oversight.review.decision;

import io.oversight.governance.GovernanceChanged;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.ReviewerView;
import io.oversight.governance.ReviewerViews;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.KeptReads;
import io.oversight.kernel.NotFoundException;
import io.oversight.tasks.TaskLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a claim and a decision need to know about a workflow, read once and then kept in memory: the
 * workflow with its taxonomy, its review settings, its lease terms, its reviewer view and its active
 * guideline. Without it every claim read four of these and every completion five, each a round trip
 * (the governance ones in a transaction of their own), for configuration that changes a few times a day.
 *
 * <p>Freshness ({@link KeptReads}): a recorded change on this server ({@link GovernanceChanged}, after
 * its commit: governance's changes, review and intake settings) discards every entry, so the next claim
 * or decision here uses the new configuration; a change made on another server is seen once the
 * entry's time to live ({@code oversight.review.configurationCacheMillis}, default 1 s) runs out.
 */
@ApplicationScoped
public class ReviewConfigurations {

    /** A workflow's configuration as claims and decisions use it. */
    public record Configuration(Workflow workflow, ReviewSettings settings, TaskLeases.LeaseTerms leaseTerms,
                                ReviewerView view, Optional<GuidelineVersion> guideline) {
    }

    @Inject
    Workflows workflows;

    @Inject
    ReviewSettingsService reviewSettings;

    @Inject
    TaskLeases leases;

    @Inject
    ReviewerViews reviewerViews;

    @Inject
    Guidelines guidelines;

    @Inject
    @ConfigProperty(name = "oversight.review.configurationCacheMillis", defaultValue = "1000")
    int cacheMillis;

    private final KeptReads<String, Configuration> kept =
            new KeptReads<>(() -> Math.max(0, cacheMillis), Integer.MAX_VALUE, System::nanoTime);

    /** The workflow's configuration, read again once the kept one is older than the bound or superseded. */
    public Configuration of(String workflowKey) {
        return kept.get(workflowKey, this::read);
    }

    private Configuration read(String workflowKey) {
        Workflow workflow = workflows.find(workflowKey)
                .orElseThrow(() -> new NotFoundException("No workflow " + workflowKey + "."));
        return new Configuration(workflow, reviewSettings.of(workflowKey), leases.termsOf(workflowKey),
                reviewerViews.of(workflowKey), guidelines.activeFor(workflowKey));
    }

    /** A change committed on this server: whatever was read before it is not used again. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) GovernanceChanged change) {
        kept.forgetAll();
    }
}
