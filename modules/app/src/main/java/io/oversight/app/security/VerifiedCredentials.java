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
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, Basic credentials that an identity store accepted, as Liberty's own
 * authentication cache does for its registries. Without it every API call would pay a full
 * PBKDF2 verification (210,000 iterations), which caps a 2-core server at a few dozen calls per
 * second. Entries are keyed by an HMAC of user name and password under a key that lives only in
 * this JVM's memory, so neither passwords nor reusable hashes are kept; a wrong password never
 * matches an entry. A disabled account or a changed password takes effect when the entry expires.
 */
final class VerifiedCredentials {

    /** Past this many entries the cache starts over rather than grow without bound. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String caller, Set<String> groups, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration timeToLive;
    private final Clock clock;

    VerifiedCredentials(Duration timeToLive, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** The accepted caller for these credentials, if they were verified within the time to live. */
    Optional<CredentialValidationResult> find(String username, char[] password) {
        if (timeToLive.isZero()) {
            return Optional.empty();
        }
        String id = id(username, password);
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(new CredentialValidationResult(entry.caller(), entry.groups()));
    }

    /** Remembers credentials an identity store has just accepted. */
    void remember(String username, char[] password, CredentialValidationResult accepted) {
        if (timeToLive.isZero() || accepted.getStatus() != CredentialValidationResult.Status.VALID) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(id(username, password), new Entry(accepted.getCallerPrincipal().getName(),
                Set.copyOf(accepted.getCallerGroups()), clock.instant().plus(timeToLive)));
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
