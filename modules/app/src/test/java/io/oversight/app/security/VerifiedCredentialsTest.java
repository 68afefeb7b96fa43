package io.oversight.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final CredentialValidationResult rita = new CredentialValidationResult("rita", Set.of("reviewer"));

    @Test
    void acceptedCredentialsAreRememberedWithTheirGroups() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock);
        cache.remember("rita", "secret-1".toCharArray(), rita);
        CredentialValidationResult found = cache.find("rita", "secret-1".toCharArray()).orElseThrow();
        assertEquals("rita", found.getCallerPrincipal().getName());
        assertEquals(Set.of("reviewer"), found.getCallerGroups());
    }

    @Test
    void aWrongPasswordOrAnotherUserNeverMatches() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock);
        cache.remember("rita", "secret-1".toCharArray(), rita);
        assertTrue(cache.find("rita", "secret-2".toCharArray()).isEmpty());
        assertTrue(cache.find("ritasecret-1", new char[0]).isEmpty(), "user name and password are separated in the key");
        assertTrue(cache.find("ed", "secret-1".toCharArray()).isEmpty());
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock);
        cache.remember("rita", "secret-1".toCharArray(), rita);
        clock.now = clock.now.plusSeconds(59);
        assertTrue(cache.find("rita", "secret-1".toCharArray()).isPresent());
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.find("rita", "secret-1".toCharArray()).isEmpty());
    }

    @Test
    void refusedCredentialsAndAZeroTimeToLiveAreNeverRemembered() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock);
        cache.remember("rita", "wrong".toCharArray(), CredentialValidationResult.INVALID_RESULT);
        assertTrue(cache.find("rita", "wrong".toCharArray()).isEmpty());
        VerifiedCredentials disabled = new VerifiedCredentials(Duration.ZERO, clock);
        disabled.remember("rita", "secret-1".toCharArray(), rita);
        assertTrue(disabled.find("rita", "secret-1".toCharArray()).isEmpty());
    }
}
