package io.oversight.app.users;

import io.oversight.app.security.PasswordHashing;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Creates and reads accounts of the database identity store. Creating an account is an audited
 * action: the ledger records who created it, for whom (as pseudonyms) and with which roles, in the
 * same transaction.
 */
@ApplicationScoped
@Transactional
public class UserDirectory {

    @PersistenceContext(unitName = "oversight")
    EntityManager em;

    @Inject
    PasswordHashing passwordHashing;

    @Inject
    Clock clock;

    @Inject
    AuditRecorder recorder;

    @Inject
    Pseudonyms pseudonyms;

    /** Action type of the ledger entry written for every new account. */
    public static final String ACCOUNT_CREATED = "app.account.created";

    public UserAccount create(NewUser request, Actor createdBy) {
        if (em.find(AppUser.class, request.username()) != null) {
            throw new UsernameTakenException(request.username());
        }
        AppUser user = new AppUser(request.username(), passwordHashing.hash(request.password().toCharArray()),
                request.displayName(), new HashSet<>(request.roles()), clock.instant());
        em.persist(user);
        em.flush();
        recorder.record(LedgerRecord.builder(ACCOUNT_CREATED, createdBy)
                .subject(SubjectRef.person(actorPseudonym(user.username())))
                .attribute("roles", String.join(",", user.roles()))
                .occurredAt(user.createdAt())
                .build());
        return UserAccount.of(user);
    }

    /** How the ledger names this account's holder when they act. */
    public String actorPseudonym(String username) {
        return pseudonyms.pseudonymFor(PersonKind.ACTOR, username);
    }

    @Transactional(Transactional.TxType.SUPPORTS) // a read: on a token check it needs no transaction of its own
    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(em.find(AppUser.class, username)).map(UserAccount::of);
    }

    public List<UserAccount> list() {
        return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class)
                .getResultList().stream().map(UserAccount::of).toList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult();
    }
}
