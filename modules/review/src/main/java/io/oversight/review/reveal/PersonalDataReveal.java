package io.oversight.review.reveal;

import io.oversight.kernel.ForbiddenException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Database;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.RevealedSubject;
import io.oversight.review.decision.ResultRules;
import io.oversight.review.decision.TierRoles;
import io.oversight.review.quality.QualificationStore;
import io.oversight.tasks.HeldTask;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.TaskLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Personal data shown to a reviewer: only of the item of a task they hold, only when their
 * qualification for the workflow allows it, and only with a justification that the ledger's reveal
 * entry records with the task, in the reveal's transaction.
 */
@ApplicationScoped
public class PersonalDataReveal {

    @Inject
    Database database;

    @Inject
    Callers callers;

    @Inject
    TaskLeases leases;

    @Inject
    ItemOutcomes outcomes;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    InTransaction inTransaction;

    @Inject
    QualificationStore qualificationStore;

    /** Whether the caller's qualification for this workflow lets them reveal personal data. */
    public boolean mayReveal(String workflowKey) {
        String login = callers.login();
        return database.run("reading a qualification", c -> qualificationStore.qualification(c, login, workflowKey))
                .map(QualificationStore.Qualification::mayRevealPii).orElse(false);
    }

    /** The personal data of the item of a task the caller holds, by payload path. */
    public Map<String, String> reveal(String taskId, String justification) {
        if (justification == null || justification.isBlank() || justification.length() > ResultRules.MAX_RATIONALE) {
            throw InvalidInputException.of("justification",
                    "is required: why you need to see the personal data (at most " + ResultRules.MAX_RATIONALE + " characters)");
        }
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            HeldTask held = leases.held(taskId, login);
            String workflowKey = held.task().queue().workflowKey();
            if (!mayReveal(workflowKey)) {
                throw new ForbiddenException("Your qualification for " + workflowKey
                        + " does not include seeing personal data; it stays masked.");
            }
            String subject = outcomes.dataSubject(held.item().id())
                    .orElseThrow(() -> new NotFoundException("Item " + held.item().id() + " holds no personal data."));
            Actor actor = callers.actorIn(TierRoles.of(held.task().queue().tier()), pseudonym);
            RevealedSubject revealed = pseudonyms.revealForReview(subject, actor, justification,
                    Map.of("task", taskId, "item", held.item().id(), "workflow", workflowKey));
            return new TreeMap<>(revealed.fields());
        });
    }
}
