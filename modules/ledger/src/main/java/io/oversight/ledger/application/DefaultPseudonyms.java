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
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * How long an actor's pseudonym is reused without reading the vault. A pseudonym changes only
     * when its person is erased: this server forgets it at once, another server within this time.
     * Shorter than the vault's one-hour granularity of last use, so last use stays as precise.
     */
    static final Duration ACTOR_CACHE_TIME = Duration.ofSeconds(60);

    /** Past this many actors the cache starts over rather than grow without bound. */
    static final int ACTOR_CACHE_ENTRIES = 10_000;

    private record KnownActor(String pseudonym, long readAtNanos) {
    }

    private final Map<String, KnownActor> actors = new ConcurrentHashMap<>();

    /**
     * Every authenticated call of the API needs its caller's pseudonym: an actor's is kept for
     * {@link #ACTOR_CACHE_TIME}, so a busy caller does not cost a vault transaction per call. Data
     * subjects are not kept (each is asked for once or twice).
     */
    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public String pseudonymFor(PersonKind kind, String identity) {
        if (kind != PersonKind.ACTOR) {
            return issueOrFind(kind, identity);
        }
        long now = System.nanoTime();
        KnownActor known = actors.get(identity);
        if (known != null && now - known.readAtNanos() < ACTOR_CACHE_TIME.toNanos()) {
            return known.pseudonym();
        }
        String pseudonym = issueOrFind(kind, identity);
        if (actors.size() >= ACTOR_CACHE_ENTRIES) {
            actors.clear();
        }
        actors.put(identity, new KnownActor(pseudonym, now));
        return pseudonym;
    }

    private String issueOrFind(PersonKind kind, String identity) {
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
    @Transactional(TxType.SUPPORTS)
    public Map<String, SubjectPseudonym> subjectPseudonyms(PersonKind kind, Collection<String> identities) {
        if (identities.isEmpty()) {
            return Map.of();
        }
        Map<String, String> stored = Sql.withConnection(dataSource, "reading data subjects",
                c -> configuration.vault().storedPseudonyms(c, kind, identities));
        Map<String, SubjectPseudonym> pseudonyms = new HashMap<>();
        for (String identity : identities) {
            String known = stored.get(identity);
            pseudonyms.put(identity, known != null ? new SubjectPseudonym(known, true)
                    : new SubjectPseudonym(configuration.vault().drawPseudonym(), false));
        }
        return pseudonyms;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void storeSubjects(PersonKind kind, Map<String, SubjectPseudonym> subjects,
            Map<String, Map<String, String>> fieldsByIdentity) {
        if (subjects.isEmpty()) {
            return;
        }
        Sql.withConnection(dataSource, "storing data subjects and their personal data", c -> {
            Map<String, String> fresh = new LinkedHashMap<>();
            for (Map.Entry<String, SubjectPseudonym> subject : subjects.entrySet()) {
                if (subject.getValue().stored()) {
                    configuration.vault().declarePersonalData(c, subject.getValue().pseudonym(),
                            fieldsByIdentity.getOrDefault(subject.getKey(), Map.of()));
                } else {
                    fresh.put(subject.getKey(), subject.getValue().pseudonym());
                }
            }
            configuration.vault().storeSubjects(c, kind, fresh, fieldsByIdentity);
            return null;
        });
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
        ErasureReceipt receipt = Sql.withConnection(dataSource, "erasing " + pseudonym,
                c -> configuration.vault().erase(c, pseudonym, policy, requestedBy, reason));
        actors.values().removeIf(known -> known.pseudonym().equals(pseudonym));
        return receipt;
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
