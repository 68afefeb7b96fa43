package io.oversight.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock, () -> 0.999_999);
        cache.remember("rita", "secret-1".toCharArray(), rita);
        clock.now = clock.now.plusSeconds(59);
        assertTrue(cache.find("rita", "secret-1".toCharArray()).isPresent());
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.find("rita", "secret-1".toCharArray()).isEmpty());
    }

    @Test
    void entriesLiveBetweenEightyAndAHundredPercentOfTheTimeToLiveSoTheyDoNotAllExpireTogether() {
        VerifiedCredentials shortest = new VerifiedCredentials(Duration.ofSeconds(60), clock, () -> 0.0);
        shortest.remember("rita", "secret-1".toCharArray(), rita);
        clock.now = clock.now.plusMillis(47_999);
        assertTrue(shortest.find("rita", "secret-1".toCharArray()).isPresent());
        clock.now = clock.now.plusMillis(1);
        assertTrue(shortest.find("rita", "secret-1".toCharArray()).isEmpty(), "0.8 x 60 s");
        VerifiedCredentials halfway = new VerifiedCredentials(Duration.ofSeconds(60), clock, () -> 0.5);
        halfway.remember("rita", "secret-1".toCharArray(), rita);
        clock.now = clock.now.plusMillis(53_999);
        assertTrue(halfway.find("rita", "secret-1".toCharArray()).isPresent());
        clock.now = clock.now.plusMillis(1);
        assertTrue(halfway.find("rita", "secret-1".toCharArray()).isEmpty(), "0.9 x 60 s");
    }

    @Test
    void fiftyConcurrentCallsOfOneCallerVerifyItsCredentialsOnceAndShareTheResult() throws Exception {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock);
        AtomicInteger verifications = new AtomicInteger();
        CountDownLatch verifying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<CredentialValidationResult> slowStore = () -> {
            verifications.incrementAndGet();
            verifying.countDown();
            try {
                release.await(10, TimeUnit.SECONDS); // PBKDF2 takes a while: every other call arrives meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return rita;
        };
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CredentialValidationResult>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return cache.find("rita", "secret-1".toCharArray())
                            .orElseGet(() -> cache.verify("rita", "secret-1".toCharArray(), slowStore));
                }));
            }
            start.countDown();
            assertTrue(verifying.await(10, TimeUnit.SECONDS));
            Thread.sleep(200); // the other 49 calls reach the cache while the first verification runs
            release.countDown();
            for (Future<CredentialValidationResult> call : calls) {
                assertEquals("rita", call.get(10, TimeUnit.SECONDS).getCallerPrincipal().getName());
            }
            assertEquals(1, verifications.get(), "one verification for 50 concurrent calls");
            clock.now = clock.now.plusSeconds(61);
            cache.verify("rita", "secret-1".toCharArray(), slowStore);
            assertEquals(2, verifications.get(), "after expiry the entry is refreshed by a new verification");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedVerificationIsSharedWithTheCallsWaitingForItButNotRemembered() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock);
        AtomicInteger verifications = new AtomicInteger();
        Supplier<CredentialValidationResult> refusing = () -> {
            verifications.incrementAndGet();
            return CredentialValidationResult.INVALID_RESULT;
        };
        assertEquals(CredentialValidationResult.Status.INVALID,
                cache.verify("rita", "wrong".toCharArray(), refusing).getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID,
                cache.verify("rita", "wrong".toCharArray(), refusing).getStatus());
        assertEquals(2, verifications.get(), "a refusal is not remembered: each later attempt is verified again");
        assertTrue(cache.find("rita", "wrong".toCharArray()).isEmpty());
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

    @Test
    void pastHalfItsLifeOneCallRenewsTheEntryWhileFortyNineOthersGoOnWithoutWaiting() throws Exception {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock, () -> 0.999_999);
        cache.remember("rita", "secret-1".toCharArray(), rita);
        clock.now = clock.now.plusSeconds(31); // past half of a 60 s life
        AtomicInteger verifications = new AtomicInteger();
        CountDownLatch verifying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<CredentialValidationResult> slowStore = () -> {
            verifications.incrementAndGet();
            verifying.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return rita;
        };
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            Future<Optional<CredentialValidationResult>> renewing = pool.submit(() -> callOnce(cache, slowStore));
            assertTrue(verifying.await(10, TimeUnit.SECONDS));
            List<Future<Optional<CredentialValidationResult>>> others = new ArrayList<>();
            for (int i = 0; i < 49; i++) {
                others.add(pool.submit(() -> callOnce(cache, slowStore)));
            }
            for (Future<Optional<CredentialValidationResult>> call : others) {
                // answered while the renewal still runs: nobody queues behind it
                assertEquals("rita", call.get(5, TimeUnit.SECONDS).orElseThrow().getCallerPrincipal().getName());
            }
            release.countDown();
            assertTrue(renewing.get(10, TimeUnit.SECONDS).isPresent());
            assertEquals(1, verifications.get(), "one renewal for 50 concurrent calls");
            clock.now = clock.now.plusSeconds(59); // 90 s after the first verification, 59 s after the renewal
            assertTrue(cache.find("rita", "secret-1".toCharArray()).isPresent(), "the renewal gave the entry a new life");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRenewalTheStoresRefuseForgetsTheCredentialsAtOnce() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), clock, () -> 0.999_999);
        cache.remember("rita", "secret-1".toCharArray(), rita);
        clock.now = clock.now.plusSeconds(29);
        assertTrue(callOnce(cache, () -> {
            throw new AssertionError("not due before half of its life");
        }).isPresent());
        clock.now = clock.now.plusSeconds(2);
        assertTrue(callOnce(cache, () -> CredentialValidationResult.INVALID_RESULT).isEmpty(),
                "the password was changed or the account disabled meanwhile");
        assertTrue(cache.find("rita", "secret-1".toCharArray()).isEmpty());
    }

    /** What the authentication mechanism does with a Basic call: look up, renewing when due. */
    private static Optional<CredentialValidationResult> callOnce(VerifiedCredentials cache,
                                                                 Supplier<CredentialValidationResult> store) {
        return cache.find("rita", "secret-1".toCharArray())
                .flatMap(found -> cache.renewedIfDue("rita", "secret-1".toCharArray(), found, store));
    }
}
