package io.oversight.tasks.privacy;

import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Database;
import io.oversight.ledger.ErasureBlockedException;
import io.oversight.ledger.ErasureReceipt;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.RetentionPolicy;
import io.oversight.ledger.SubjectErasedException;
import io.oversight.ledger.UnknownPseudonymException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Erasure of a data subject (GDPR Art. 17) on request: finds the workflow whose intake declared the
 * subject, applies that workflow's legal hold and retention period, and has the vault destroy the
 * subject's key (crypto-shredding), which records the erasure in the ledger in the same transaction.
 * Items keep their {@code pii:} tokens, which then resolve to nothing; every entry and proof still verifies.
 */
@ApplicationScoped
public class SubjectErasure {

    static final int MAX_REASON = 2000;
    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A data subject as an administrator handling a request sees it. */
    public record DataSubject(String pseudonym, String workflowKey, boolean erased) {
    }

    /** What an erasure did: the pseudonym stays in the ledger, unresolvable from {@code erasedAt}. */
    public record Erasure(String pseudonym, String workflowKey, Instant erasedAt, int retentionDays) {
    }

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    InTransaction inTransaction;

    /** The subject of the prediction a client sent under {@code clientKey}, if its payload carried personal data. */
    public Optional<DataSubject> findByClientKey(String workflowKey, String clientKey) {
        Optional<String> pseudonym = database.run("finding a data subject", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT data_subject FROM task_item WHERE workflow_key = ? AND client_key = ?")) {
                select.setString(1, workflowKey);
                select.setString(2, clientKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return pseudonym.map(p -> new DataSubject(p, workflowKey, pseudonyms.isErased(p)));
    }

    /** The subject with this pseudonym, as intake declared it. */
    public DataSubject find(String pseudonym) {
        String workflowKey = workflowOf(pseudonym);
        return new DataSubject(pseudonym, workflowKey, pseudonyms.isErased(pseudonym));
    }

    /**
     * Erases the subject unless its workflow's legal hold or retention period forbids it.
     *
     * @throws ErasureRefusedException       under legal hold or within retention, naming the date it becomes possible
     * @throws SubjectErasedAlreadyException if it was erased before
     * @throws NotFoundException             if no item of any workflow declared this subject
     */
    public Erasure erase(String pseudonym, String reason, Actor requestedBy) {
        Violations v = new Violations();
        v.check(reason != null && !reason.isBlank(), "reason", "is required: the request being honoured (e.g. its reference)");
        v.check(reason == null || reason.length() <= MAX_REASON, "reason", "must be at most " + MAX_REASON + " characters");
        v.throwIfAny("The erasure request");
        String workflowKey = workflowOf(pseudonym);
        Workflow workflow = workflows.find(workflowKey)
                .orElseThrow(() -> new NotFoundException("Workflow " + workflowKey + " no longer exists."));
        RetentionPolicy policy = new RetentionPolicy(workflow.retention(), workflow.legalHold());
        try {
            ErasureReceipt receipt = inTransaction.call(() -> pseudonyms.erase(pseudonym, policy, requestedBy, reason.strip()));
            return new Erasure(pseudonym, workflowKey, receipt.erasedAt(), workflow.retentionDays());
        } catch (ErasureBlockedException e) {
            throw refusal(pseudonym, workflow, e);
        } catch (SubjectErasedException e) {
            throw new SubjectErasedAlreadyException("Subject " + pseudonym + " was erased on "
                    + FOR_PEOPLE.format(e.erasedAt()) + "; there is nothing left to erase.", e.erasedAt());
        } catch (UnknownPseudonymException e) {
            throw new NotFoundException("No data subject has the pseudonym " + pseudonym + ".");
        }
    }

    private static ErasureRefusedException refusal(String pseudonym, Workflow workflow, ErasureBlockedException e) {
        if (e.reason() == ErasureBlockedException.Reason.LEGAL_HOLD) {
            return new ErasureRefusedException("Workflow " + workflow.key() + " is under legal hold: subject " + pseudonym
                    + " cannot be erased until the hold is lifted.", e.reason().name(), Optional.empty());
        }
        Optional<Instant> until = e.blockedUntil();
        return new ErasureRefusedException("Workflow " + workflow.key() + " keeps records for " + workflow.retentionDays()
                + " days after their last use: subject " + pseudonym + " can be erased from "
                + until.map(FOR_PEOPLE::format).orElse("the end of that period") + ".", e.reason().name(), until);
    }

    private String workflowOf(String pseudonym) {
        if (pseudonym == null || pseudonym.isBlank() || pseudonym.length() > 256) {
            throw new NotFoundException("No data subject has the pseudonym " + pseudonym + ".");
        }
        return database.run("finding a data subject's workflow", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT workflow_key FROM task_item WHERE data_subject = ? FETCH FIRST 1 ROWS ONLY")) {
                select.setString(1, pseudonym);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        }).orElseThrow(() -> new NotFoundException("No data subject has the pseudonym " + pseudonym + "."));
    }
}
