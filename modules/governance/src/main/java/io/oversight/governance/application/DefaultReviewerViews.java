package io.oversight.governance.application;

import io.oversight.governance.ReviewerView;
import io.oversight.governance.ReviewerViews;
import io.oversight.governance.domain.ReviewerViewRules;
import io.oversight.governance.infrastructure.ReviewerViewStore;
import io.oversight.kernel.CanonicalJson;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Database;
import io.oversight.ledger.format.Digest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reviewer views: read on every workbench and adjudication page and every claim, changed by
 * governance. A change takes the workflow's lock and is recorded ({@value #CHANGED}) in its transaction;
 * a refused request changes nothing.
 */
@ApplicationScoped
@Transactional
public class DefaultReviewerViews implements ReviewerViews {

    public static final String CHANGED = "governance.reviewer-view.changed";

    @Inject
    Database database;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    GovernanceLedger ledger;

    @Inject
    ReviewerViewStore reviewerViewStore;

    @Override
    public ReviewerView of(String workflowKey) {
        return database.run("reading a reviewer view", c -> reviewerViewStore.view(c, workflowKey))
                .orElseGet(() -> ReviewerView.unset(workflowKey));
    }

    /** The view of an existing workflow (404 for an unknown one). */
    public ReviewerView require(String workflowKey) {
        workflows.require(workflowKey);
        return of(workflowKey);
    }

    /** Replaces the workflow's view by the requested one, or refuses it whole (400 naming each bad field). */
    public ReviewerView change(String workflowKey, List<ReviewerViewRules.FieldRequest> fields, List<Integer> hiddenTiers,
            Actor actor) {
        workflows.require(workflowKey);
        ReviewerView view = ReviewerViewRules.parse(workflowKey, fields, hiddenTiers, ledger.clock().instant());
        workflows.lock(workflowKey);
        database.run("saving a reviewer view", c -> {
            reviewerViewStore.save(c, view);
            return null;
        });
        String tiers = view.predictionHiddenTiers().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        String canonical = CanonicalJson.of(Json.createObjectBuilder().add("workflow", workflowKey)
                .add("fields", ReviewerViewStore.encode(view.fields())).add("predictionHiddenTiers", tiers).build());
        ledger.write(ledger.record(CHANGED, actor, workflowKey, "workflow", workflowKey)
                .payloadDigest(Digest.of(CanonicalJson.sha256(canonical)))
                .attribute("fields", Integer.toString(view.fields().size()))
                .attribute("predictionHiddenTiers", tiers));
        return of(workflowKey); // as stored: the database keeps the time to the microsecond
    }
}
