package io.oversight.app.tokens;

import io.oversight.app.users.UserAccount;
import io.oversight.app.users.UserDirectory;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.Roles;
import io.oversight.ledger.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Creates, lists, revokes and checks API tokens. Creating and revoking a token are audited actions:
 * the ledger records who did it, for which account (as a pseudonym) and which token, in the same
 * transaction. Checking a token reads the database on every call, so a revocation takes effect at
 * once on every server; the time of last use is written at most once a minute per token, so that a
 * busy integration does not turn every call into a write or a transaction.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    /** Action type of the ledger entry written when an administrator creates a token. */
    public static final String TOKEN_CREATED = "app.token.created";
    /** Action type of the ledger entry written when an administrator revokes a token. */
    public static final String TOKEN_REVOKED = "app.token.revoked";

    /** How stale the recorded time of last use may get before a call refreshes it. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "oversight")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditRecorder recorder;

    @Inject
    UserDirectory directory;

    /** The result of checking a presented token: the caller, or why the token was refused. */
    public record Check(Optional<TokenCaller> caller, String refusal) {

        static Check accepted(TokenCaller caller) {
            return new Check(Optional.of(caller), null);
        }

        static Check refused(String why) {
            return new Check(Optional.empty(), why);
        }
    }

    public CreatedApiToken create(String username, NewApiToken request, Actor createdBy) {
        UserAccount account = account(username);
        if (!account.roles().contains(Roles.INTEGRATION)) {
            throw new ConflictException("API tokens are for integration accounts; '" + username
                    + "' does not hold the integration role.");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw InvalidInputException.of("name", "must name the system that will hold the token, in 1 to 100 characters");
        }
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw InvalidInputException.of("expiresAt", "must be in the future");
        }
        ApiTokenSecret secret = ApiTokenSecret.generate();
        ApiTokenEntity token = new ApiTokenEntity(username, name, secret, now, request.expiresAt());
        em.persist(token);
        em.flush();
        LedgerRecord.Builder entry = LedgerRecord.builder(TOKEN_CREATED, createdBy)
                .subject(SubjectRef.person(directory.actorPseudonym(username)))
                .attribute("tokenId", token.id())
                .occurredAt(now);
        token.expiresAt().ifPresent(expiry -> entry.attribute("expiresAt", expiry.toString()));
        recorder.record(entry.build());
        return new CreatedApiToken(ApiTokenView.of(token, now), secret.value());
    }

    /** The account's tokens, newest first, revoked and expired ones included. */
    public List<ApiTokenView> list(String username) {
        account(username);
        Instant now = clock.instant();
        return em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.username = :username ORDER BY t.createdAt DESC",
                        ApiTokenEntity.class)
                .setParameter("username", username).getResultList().stream()
                .map(token -> ApiTokenView.of(token, now)).toList();
    }

    /** Every account's tokens, by account and newest first, for the administrator's page. */
    public List<ApiTokenView> listAll() {
        Instant now = clock.instant();
        return em.createQuery("SELECT t FROM ApiTokenEntity t ORDER BY t.username, t.createdAt DESC", ApiTokenEntity.class)
                .getResultList().stream().map(token -> ApiTokenView.of(token, now)).toList();
    }

    /**
     * Revokes a token of the account. Revoking a token that is already revoked changes nothing and
     * writes no second ledger entry.
     */
    public ApiTokenView revoke(String username, String tokenId, Actor revokedBy) {
        account(username);
        ApiTokenEntity token = Optional.ofNullable(em.find(ApiTokenEntity.class, tokenId))
                .filter(found -> found.username().equals(username))
                .orElseThrow(() -> new NotFoundException("Account '" + username + "' has no token " + tokenId + "."));
        Instant now = clock.instant();
        if (token.revoke(now)) {
            em.flush();
            recorder.record(LedgerRecord.builder(TOKEN_REVOKED, revokedBy)
                    .subject(SubjectRef.person(directory.actorPseudonym(username)))
                    .attribute("tokenId", token.id())
                    .occurredAt(now)
                    .build());
        }
        return ApiTokenView.of(token, now);
    }

    /**
     * Checks a presented token: it must be known, neither revoked nor expired, and its account must
     * still exist and be enabled. The caller gets the roles the account holds now. It reads the token
     * and the account on every call, so a revocation takes effect at once on every server, and writes
     * the time of last use at most once a minute. All of it is one transaction on one connection: run
     * without one, each read held a connection of its own until the request ended (Liberty keeps a
     * connection taken outside a transaction until then), so as many concurrent calls as half the
     * pool held every connection while waiting for a second one, and no token call was answered
     * until the pool's wait timed out.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Check check(ApiTokenSecret secret) {
        List<ApiTokenEntity> found = em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.tokenDigest = :digest",
                        ApiTokenEntity.class)
                .setParameter("digest", secret.digest()).getResultList();
        if (found.isEmpty()) {
            return Check.refused("The token is not known.");
        }
        ApiTokenEntity token = found.get(0);
        Instant now = clock.instant();
        Optional<String> unusable = token.unusableBecause(now);
        if (unusable.isPresent()) {
            return Check.refused(unusable.get());
        }
        Optional<UserAccount> account = directory.find(token.username()).filter(UserAccount::enabled);
        if (account.isEmpty()) {
            return Check.refused("The token's account is disabled.");
        }
        if (token.lastUsedAt().map(last -> last.plus(LAST_USE_PRECISION).isBefore(now)).orElse(true)) {
            // a bulk update, not the entity's setter: concurrent calls of one token then write in turn
            // instead of failing on each other's version, and the first one's time is kept
            em.createQuery("UPDATE ApiTokenEntity t SET t.lastUsedAt = :now WHERE t.id = :id"
                            + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :stale)")
                    .setParameter("now", now).setParameter("id", token.id())
                    .setParameter("stale", now.minus(LAST_USE_PRECISION)).executeUpdate();
        }
        return Check.accepted(new TokenCaller(token.username(), new HashSet<>(account.get().roles())));
    }

    private UserAccount account(String username) {
        return directory.find(username)
                .orElseThrow(() -> new NotFoundException("No account named '" + username + "'."));
    }
}
