package io.oversight.ledger.application;

import io.oversight.ledger.Actor;
import io.oversight.ledger.ErasureReceipt;
import io.oversight.ledger.LedgerStorageException;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.RetentionPolicy;
import io.oversight.ledger.RevealedSubject;
import io.oversight.ledger.storage.Sql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The vault as a CDI bean. Issuing a pseudonym runs in a local transaction of its own (a pseudonym is
 * not undone when the business transaction fails, and two servers issuing one for the same person at
 * once must not abort the callers' transactions); reveal and erasure join the caller's transaction,
 * so that the ledger record of each commits with it.
 */
@ApplicationScoped
public class DefaultPseudonyms implements Pseudonyms {

    /** SQLSTATE of a unique key violation, on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Inject
    LedgerConfiguration configuration;

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public String pseudonymFor(PersonKind kind, String identity) {
        try {
            return issue(kind, identity);
        } catch (LedgerStorageException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                // Another server issued one for this person a moment ago: use theirs.
                return issue(kind, identity);
            }
            throw e;
        }
    }

    @Override
    @Transactional(TxType.REQUIRED)
    public void declarePersonalData(String pseudonym, Map<String, String> fields) {
        Sql.withConnection(dataSource, "storing personal data of " + pseudonym, c -> {
            configuration.vault().declarePersonalData(c, pseudonym, fields);
            return null;
        });
    }

    @Override
    @Transactional(TxType.REQUIRED)
    public RevealedSubject reveal(String pseudonym, Actor auditor, String justification) {
        return Sql.withConnection(dataSource, "revealing " + pseudonym,
                c -> configuration.vault().reveal(c, pseudonym, auditor, justification));
    }

    @Override
    @Transactional(TxType.REQUIRED)
    public RevealedSubject revealForReview(String pseudonym, Actor reviewer, String justification,
            Map<String, String> context) {
        return Sql.withConnection(dataSource, "revealing " + pseudonym + " for review",
                c -> configuration.vault().revealForReview(c, pseudonym, reviewer, justification, context));
    }

    @Override
    @Transactional(TxType.REQUIRED)
    public ErasureReceipt erase(String pseudonym, RetentionPolicy policy, Actor requestedBy,
            String reason) {
        return Sql.withConnection(dataSource, "erasing " + pseudonym,
                c -> configuration.vault().erase(c, pseudonym, policy, requestedBy, reason));
    }

    @Override
    public boolean isErased(String pseudonym) {
        return Sql.withConnection(dataSource, "reading the vault", c -> configuration.vault().isErased(c, pseudonym));
    }

    private String issue(PersonKind kind, String identity) {
        return Sql.inTransaction(dataSource, Connection.TRANSACTION_READ_COMMITTED, "issuing a pseudonym",
                c -> configuration.vault().pseudonymFor(c, kind, identity));
    }
}
