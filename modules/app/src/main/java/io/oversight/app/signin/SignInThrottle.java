package io.oversight.app.signin;

import io.oversight.app.users.UserDirectory;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.SubjectRef;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed sign-ins in the database, where every server of a cluster records and reads them,
 * and applies the {@link ThrottlePolicy} before credentials are checked, so that a refused attempt
 * reveals nothing about the password. Refused attempts are not failures: they add no rows, so a
 * lock always ends {@code lockFor} after the last real failure.
 * <p>
 * Most API calls are answered from the credential cache without a database read; the throttle must
 * not undo that. Each server therefore keeps the set of addresses that failed within the window,
 * read again from the database at most once a second (by one caller, while the others go on with the
 * set read before) and updated at once for its own failures: a call from an address outside it needs
 * no throttle query.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(1);

    /** Action type of the ledger entry written when an administrator lifts a lock or slow-down. */
    public static final String LOCK_LIFTED = "app.sign-in.lock-lifted";

    @PersistenceContext(unitName = "oversight")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditRecorder recorder;

    @Inject
    UserDirectory directory;

    @Inject
    @ConfigProperty(name = "oversight.security.signIn.windowMinutes", defaultValue = "15")
    int windowMinutes;

    @Inject
    @ConfigProperty(name = "oversight.security.signIn.slowAfter", defaultValue = "3")
    int slowAfter;

    @Inject
    @ConfigProperty(name = "oversight.security.signIn.firstDelaySeconds", defaultValue = "2")
    int firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "oversight.security.signIn.maxDelaySeconds", defaultValue = "60")
    int maxDelaySeconds;

    @Inject
    @ConfigProperty(name = "oversight.security.signIn.lockAfter", defaultValue = "10")
    int lockAfter;

    @Inject
    @ConfigProperty(name = "oversight.security.signIn.lockSeconds", defaultValue = "900")
    int lockSeconds;

    @Inject
    @ConfigProperty(name = "oversight.security.signIn.addressLockAfter", defaultValue = "100")
    int addressLockAfter;

    private ThrottlePolicy policy;
    private final Set<String> failingAddresses = ConcurrentHashMap.newKeySet();
    private volatile Instant snapshotAt = Instant.MIN;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    @PostConstruct
    void configure() {
        policy = new ThrottlePolicy(Duration.ofMinutes(windowMinutes), slowAfter, Duration.ofSeconds(firstDelaySeconds),
                Duration.ofSeconds(maxDelaySeconds), lockAfter, Duration.ofSeconds(lockSeconds), addressLockAfter);
    }

    public ThrottlePolicy policy() {
        return policy;
    }

    /**
     * False when no server recorded a failure from the address within the window (as of at most a
     * second ago, or this server's own failures at once): a call from it needs no throttle check.
     * Not transactional: it is on every cached Basic call, and its once-a-second read needs none.
     */
    public boolean mayBeThrottled(String address) {
        Instant now = clock.instant();
        if (Duration.between(snapshotAt, now).compareTo(SNAPSHOT_AGE) > 0 && refreshing.compareAndSet(false, true)) {
            // one caller reads while the others go on with the set of a second ago: they must not queue
            // behind a database read on every call's path
            try {
                List<String> addresses = em.createQuery(
                                "SELECT DISTINCT f.address FROM SignInFailureEntity f WHERE f.failedAt > :since", String.class)
                        .setParameter("since", policy.lookbackStart(now)).getResultList();
                failingAddresses.retainAll(addresses);
                failingAddresses.addAll(addresses);
                snapshotAt = now;
            } finally {
                refreshing.set(false);
            }
        }
        return failingAddresses.contains(address);
    }

    /** The attempt's standing before its credentials are checked. */
    public record Standing(Optional<ThrottlePolicy.Refusal> refusal, boolean accountFailedBefore) {
    }

    @Transactional
    public Standing standing(String username, String address) {
        Instant now = clock.instant();
        List<SignInFailureEntity> fromAddress = em.createQuery(
                        "SELECT f FROM SignInFailureEntity f WHERE f.address = :address AND f.failedAt > :since",
                        SignInFailureEntity.class)
                .setParameter("address", address).setParameter("since", policy.lookbackStart(now)).getResultList();
        String name = clip(username);
        List<Instant> account = fromAddress.stream().filter(f -> f.username().equals(name))
                .map(SignInFailureEntity::failedAt).toList();
        List<Instant> all = fromAddress.stream().map(SignInFailureEntity::failedAt).toList();
        return new Standing(policy.refusal(account, all, now), !account.isEmpty());
    }

    /** Records a failed sign-in and forgets failures too old to matter. */
    @Transactional
    public void failed(String username, String address) {
        Instant now = clock.instant();
        em.persist(new SignInFailureEntity(clip(username), address, now));
        em.createQuery("DELETE FROM SignInFailureEntity f WHERE f.failedAt <= :before")
                .setParameter("before", policy.lookbackStart(now)).executeUpdate();
        failingAddresses.add(address);
    }

    /**
     * A successful sign-in forgets the account's failures from that address (they were the person's
     * own typing errors); the address's count for other accounts stays, so that an attacker holding
     * one valid account cannot reset the address limit.
     */
    @Transactional
    public void succeeded(String username, String address) {
        em.createQuery("DELETE FROM SignInFailureEntity f WHERE f.username = :username AND f.address = :address")
                .setParameter("username", clip(username)).setParameter("address", address).executeUpdate();
    }

    /**
     * An administrator forgets the recorded failures of one account from an address, or, with no
     * account, of every account from it, so a person locked out by an attacker's guessing (or by their
     * own) may sign in again before the lock ends by itself. The ledger entry names the account, if it
     * exists, as a pseudonym, and how many failures were forgotten, not the address: ledger entries are
     * never erased, and an address is personal data.
     *
     * @return how many failures were forgotten
     * @throws NotFoundException when nothing is recorded for the account and address within the window
     */
    @Transactional
    public int lift(String address, String username, Actor liftedBy) {
        String from = address == null ? "" : address.strip();
        if (from.isEmpty() || from.length() > 64) {
            throw InvalidInputException.of("address", "must be the address of a listed failure, in 1 to 64 characters");
        }
        String account = username == null || username.isBlank() ? null : username.strip();
        if (account != null && account.length() > 64) {
            throw InvalidInputException.of("username", "must be at most 64 characters, as listed");
        }
        Instant now = clock.instant();
        var delete = em.createQuery("DELETE FROM SignInFailureEntity f WHERE f.address = :address AND f.failedAt > :since"
                        + (account == null ? "" : " AND f.username = :username"))
                .setParameter("address", from).setParameter("since", policy.lookbackStart(now));
        if (account != null) {
            delete.setParameter("username", account);
        }
        int forgotten = delete.executeUpdate();
        if (forgotten == 0) {
            throw new NotFoundException("No failed sign-in " + (account == null ? "" : "of '" + account + "' ")
                    + "from " + from + " is recorded within the window: there is nothing to lift.");
        }
        LedgerRecord.Builder entry = LedgerRecord.builder(LOCK_LIFTED, liftedBy)
                .attribute("scope", account == null ? "address" : "account")
                .attribute("failuresForgotten", String.valueOf(forgotten))
                .occurredAt(now);
        if (account != null && directory.find(account).isPresent()) {
            // a name typed at the sign-in form that is no account gets no pseudonym: it may be anything
            entry.subject(SubjectRef.person(directory.actorPseudonym(account)));
        }
        recorder.record(entry.build());
        if (account == null) {
            failingAddresses.remove(from);
        }
        return forgotten;
    }

    /**
     * Recent failures for administrators: each address as a whole first when it is locked, then each
     * account and address pair, most recent failure first.
     */
    @Transactional
    public List<ThrottledSignIn> recent() {
        Instant now = clock.instant();
        List<SignInFailureEntity> failures = em.createQuery(
                        "SELECT f FROM SignInFailureEntity f WHERE f.failedAt > :since", SignInFailureEntity.class)
                .setParameter("since", policy.lookbackStart(now)).getResultList();
        Map<String, List<SignInFailureEntity>> byAddress = new LinkedHashMap<>();
        failures.forEach(f -> byAddress.computeIfAbsent(f.address(), a -> new ArrayList<>()).add(f));
        List<ThrottledSignIn> rows = new ArrayList<>();
        byAddress.forEach((address, fromAddress) -> {
            List<Instant> all = fromAddress.stream().map(SignInFailureEntity::failedAt).toList();
            Optional<ThrottlePolicy.Refusal> addressRefusal = policy.refusal(List.of(), all, now);
            if (addressRefusal.isPresent()) {
                rows.add(new ThrottledSignIn(null, address, policy.counted(all), latest(all), addressRefusal.get().until(),
                        "address-locked"));
            }
            Map<String, List<Instant>> byAccount = new LinkedHashMap<>();
            fromAddress.forEach(f -> byAccount.computeIfAbsent(f.username(), u -> new ArrayList<>()).add(f.failedAt()));
            byAccount.forEach((username, times) -> {
                Optional<ThrottlePolicy.Refusal> refusal = policy.refusal(times, List.of(), now);
                rows.add(new ThrottledSignIn(username, address, policy.counted(times), latest(times),
                        refusal.map(ThrottlePolicy.Refusal::until).orElse(null),
                        refusal.map(r -> r.reason() == ThrottlePolicy.Reason.SLOWED ? "slowed" : "locked").orElse("counting")));
            });
        });
        rows.sort(Comparator.comparing(ThrottledSignIn::lastFailureAt).reversed());
        return rows;
    }

    private static Instant latest(List<Instant> times) {
        return times.stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    private static String clip(String username) {
        String name = username == null ? "" : username;
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
