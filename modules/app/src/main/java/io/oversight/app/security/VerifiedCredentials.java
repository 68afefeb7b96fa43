package io.oversight.app.security;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, Basic credentials that an identity store accepted, as Liberty's own
 * authentication cache does for its registries. Without it every API call would pay a full
 * PBKDF2 verification (210,000 iterations), which caps a 2-core server at a few dozen calls per
 * second. Entries are keyed by an HMAC of user name and password under a key that lives only in
 * this JVM's memory, so neither passwords nor reusable hashes are kept; a wrong password never
 * matches an entry. A disabled account or a changed password takes effect when the entry expires.
 *
 * <p>Two things keep a busy caller's refresh cheap: each entry lives a random 80 to 100% of the time
 * to live, so the entries of callers who signed in together do not all expire in the same second;
 * and the verification of one set of credentials runs once however many calls present them at the
 * same moment (single flight): the others wait for its result instead of each running PBKDF2.
 * A caller who keeps calling never waits at all: past half of its entry's life, one of its calls
 * verifies the credentials again while the others go on with the entry, which is then renewed (or,
 * if the credentials no longer hold, dropped). Only a caller idle for the whole life waits.
 */
final class VerifiedCredentials {

    /** Past this many entries the cache starts over rather than grow without bound. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String caller, Set<String> groups, Instant refreshAt, Instant expiresAt) {

        CredentialValidationResult result() {
            return new CredentialValidationResult(caller, groups);
        }
    }

    /** Shortest life of an entry, as a fraction of the time to live. */
    static final double SHORTEST_LIFE = 0.8;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<CredentialValidationResult>> inFlight =
            new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration timeToLive;
    private final Clock clock;
    private final DoubleSupplier jitter;

    VerifiedCredentials(Duration timeToLive, Clock clock) {
        this(timeToLive, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code jitter} gives numbers in [0, 1): where in its 80 to 100% range an entry's life ends. */
    VerifiedCredentials(Duration timeToLive, Clock clock, DoubleSupplier jitter) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.jitter = jitter;
    }

    /**
     * The result of {@code verification} for these credentials, run at most once at a time per set of
     * credentials: calls that arrive while it runs wait for it and share its result. An accepted
     * result is remembered.
     */
    CredentialValidationResult verify(String username, char[] password, Supplier<CredentialValidationResult> verification) {
        String id = id(username, password);
        CompletableFuture<CredentialValidationResult> mine = new CompletableFuture<>();
        CompletableFuture<CredentialValidationResult> running = inFlight.putIfAbsent(id, mine);
        if (running != null) {
            return running.join();
        }
        // a call that finished just before this one started may have remembered the result already
        return verifyOnce(id, mine, () -> fresh(id).map(Entry::result).orElseGet(verification));
    }

    /** The accepted caller for these credentials, if they were verified within the time to live. */
    Optional<CredentialValidationResult> find(String username, char[] password) {
        return fresh(id(username, password)).map(Entry::result);
    }

    /**
     * {@code found} (what {@link #find(String, char[])} gave), renewed first when its entry is past half
     * its life: {@code verification} then runs in this call, unless another call is already verifying
     * these credentials (that one renews the entry; this one goes on with it). Credentials the stores
     * no longer accept are forgotten, and the result is empty.
     */
    Optional<CredentialValidationResult> renewedIfDue(String username, char[] password, CredentialValidationResult found,
                                                      Supplier<CredentialValidationResult> verification) {
        String id = id(username, password);
        Entry entry = entries.get(id);
        if (entry == null || entry.refreshAt().isAfter(clock.instant())) {
            return Optional.of(found);
        }
        CompletableFuture<CredentialValidationResult> mine = new CompletableFuture<>();
        if (inFlight.putIfAbsent(id, mine) != null) {
            return Optional.of(found);
        }
        CredentialValidationResult result = verifyOnce(id, mine, verification);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            entries.remove(id);
            return Optional.empty();
        }
        return Optional.of(result);
    }

    /** Runs the verification that {@code mine} stands for in {@link #inFlight}, remembering an acceptance. */
    private CredentialValidationResult verifyOnce(String id, CompletableFuture<CredentialValidationResult> mine,
                                                  Supplier<CredentialValidationResult> verification) {
        try {
            CredentialValidationResult result = verification.get();
            remember(id, result);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(id, mine);
        }
    }

    private Optional<Entry> fresh(String id) {
        if (timeToLive.isZero()) {
            return Optional.empty();
        }
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Remembers credentials an identity store has just accepted. */
    void remember(String username, char[] password, CredentialValidationResult accepted) {
        remember(id(username, password), accepted);
    }

    private void remember(String id, CredentialValidationResult accepted) {
        if (timeToLive.isZero() || accepted.getStatus() != CredentialValidationResult.Status.VALID) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        long lifeMillis = Math.max(1, (long) (timeToLive.toMillis()
                * (SHORTEST_LIFE + (1 - SHORTEST_LIFE) * jitter.getAsDouble())));
        Instant now = clock.instant();
        entries.put(id, new Entry(accepted.getCallerPrincipal().getName(), Set.copyOf(accepted.getCallerGroups()),
                now.plusMillis(lifeMillis / 2), now.plusMillis(lifeMillis)));
    }

    private String id(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
            mac.update(bytes);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
