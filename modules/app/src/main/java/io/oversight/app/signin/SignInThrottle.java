package io.oversight.app.signin;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed sign-ins in the database, where every server of a cluster records and reads them,
 * and applies the {@link ThrottlePolicy} before credentials are checked, so that a refused attempt
 * reveals nothing about the password. Refused attempts are not failures: they add no rows, so a
 * lock always ends {@code lockFor} after the last real failure.
 * <p>
 * Most API calls are answered from the credential cache without a database read; the throttle must
 * not undo that. Each server therefore keeps the set of addresses that failed within the window,
 * read again from the database at most once a second and updated at once for its own failures: a
 * call from an address outside it needs no throttle query.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(1);

    @PersistenceContext(unitName = "oversight")
    EntityManager em;

    @Inject
    Clock clock;

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
        if (Duration.between(snapshotAt, now).compareTo(SNAPSHOT_AGE) > 0) {
            synchronized (failingAddresses) {
                if (Duration.between(snapshotAt, now).compareTo(SNAPSHOT_AGE) > 0) {
                    List<String> addresses = em.createQuery(
                                    "SELECT DISTINCT f.address FROM SignInFailureEntity f WHERE f.failedAt > :since", String.class)
                            .setParameter("since", policy.lookbackStart(now)).getResultList();
                    failingAddresses.retainAll(addresses);
                    failingAddresses.addAll(addresses);
                    snapshotAt = now;
                }
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
