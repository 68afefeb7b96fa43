package io.oversight.review.quality;

import io.oversight.review.decision.ReviewLedger;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.ledger.Callers;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import io.oversight.review.quality.QualificationStore.Qualification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Reviewers' qualifications: which workflows' queues a person may claim from, up to which
 * tier. Given and withdrawn by administrators; each change is recorded with the person's pseudonym.
 */
@ApplicationScoped
public class QualificationService {

    /** Tells this server's kept standings of the grant or revocation once it commits. */
    @Inject
    Event<ReviewerStandings.Changed> standingChanges;

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    Callers callers;

    @Inject
    ReviewLedger ledger;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    @Inject
    QualificationStore qualificationStore;

    public List<Qualification> all() {
        return database.run("reading qualifications", qualificationStore::allQualifications);
    }

    public List<Qualification> of(String login) {
        return database.run("reading qualifications", c -> qualificationStore.qualificationsOf(c, login));
    }

    public Qualification grant(String login, String workflowKey, Integer maxTier, boolean mayRevealPii) {
        Violations v = new Violations();
        v.check(login != null && !login.isBlank() && login.length() <= 256, "login", "is required (1 to 256 characters)");
        v.check(maxTier != null && maxTier >= 1 && maxTier <= 3, "maxTier", "must be 1, 2 or 3");
        v.check(workflowKey != null && !workflowKey.isBlank(), "workflowKey", "is required");
        v.throwIfAny("The qualification");
        if (workflows.find(workflowKey).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowKey + ".");
        }
        return grantAs(callers.actorIn(Roles.ADMIN), login, workflowKey, maxTier, mayRevealPii);
    }

    /** Grants as {@code actor}: the caller's check is done, or the platform itself grants (demo data). */
    Qualification grantAs(Actor actor, String login, String workflowKey, int maxTier, boolean mayRevealPii) {
        String person = callers.pseudonymOf(login);
        Qualification qualification = new Qualification(login, workflowKey, maxTier, mayRevealPii, clock.instant());
        return inTransaction.call(() -> {
            database.run("granting a qualification", c -> {
                qualificationStore.grant(c, qualification);
                return null;
            });
            standingChanges.fire(new ReviewerStandings.Changed(login, workflowKey));
            ledger.write(ledger.record(ReviewLedger.QUALIFICATION_GRANTED, actor, workflowKey)
                    .subject("person", person)
                    .occurredAt(qualification.grantedAt())
                    .attribute("maxTier", Integer.toString(maxTier))
                    .attribute("mayRevealPii", Boolean.toString(mayRevealPii)));
            return qualification;
        });
    }

    public void revoke(String login, String workflowKey) {
        Actor actor = callers.actorIn(Roles.ADMIN);
        // looked up before the person's pseudonym is issued: a refused revocation must leave the vault as it was
        if (database.run("reading a qualification", c -> qualificationStore.qualification(c, login, workflowKey)).isEmpty()) {
            throw new NotFoundException(login + " holds no qualification for " + workflowKey + ".");
        }
        String person = callers.pseudonymOf(login);
        inTransaction.call(() -> {
            boolean revoked = database.run("revoking a qualification", c -> qualificationStore.revoke(c, login, workflowKey));
            if (!revoked) {
                throw new NotFoundException(login + " holds no qualification for " + workflowKey + ".");
            }
            standingChanges.fire(new ReviewerStandings.Changed(login, workflowKey));
            ledger.write(ledger.record(ReviewLedger.QUALIFICATION_REVOKED, actor, workflowKey)
                    .subject("person", person)
                    .occurredAt(clock.instant()));
            return null;
        });
    }
}
