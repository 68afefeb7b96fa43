package io.oversight.app.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.app.signin.ThrottlePolicy.Reason;
import io.oversight.app.signin.ThrottlePolicy.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's rules on fixed instants: no clock, no waiting. */
class ThrottlePolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final ThrottlePolicy POLICY = new ThrottlePolicy(Duration.ofMinutes(15), 3, Duration.ofSeconds(2),
            Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 100);

    private static List<Instant> failures(int count, Duration apart) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(T0.plus(apart.multipliedBy(i)));
        }
        return times;
    }

    private static Instant last(List<Instant> times) {
        return times.get(times.size() - 1);
    }

    @Test
    void aFewFailuresAreNotThrottled() {
        List<Instant> two = failures(2, Duration.ofSeconds(1));
        assertEquals(Optional.empty(), POLICY.refusal(two, two, last(two)));
    }

    @Test
    void fromTheThirdFailureTheNextAttemptWaitsADelayThatDoublesUpToItsLimit() {
        for (int n = 3; n <= 9; n++) {
            List<Instant> times = failures(n, Duration.ofSeconds(1));
            Duration expected = Duration.ofSeconds(Math.min(60, 2L << (n - 3)));
            Optional<Refusal> refusal = POLICY.refusal(times, times, last(times));
            assertEquals(Optional.of(new Refusal(Reason.SLOWED, last(times).plus(expected))), refusal, "after " + n);
            Instant justBefore = last(times).plus(expected).minusMillis(1);
            assertEquals(Reason.SLOWED, POLICY.refusal(times, times, justBefore).orElseThrow().reason());
            assertEquals(Optional.empty(), POLICY.refusal(times, times, last(times).plus(expected)), "the wait is over");
        }
    }

    @Test
    void tenFailuresLockTheAccountFromThatAddressForTheLockPeriodAfterTheLastOne() {
        List<Instant> ten = failures(10, Duration.ofSeconds(5));
        Instant until = last(ten).plus(Duration.ofMinutes(15));

        assertEquals(Optional.of(new Refusal(Reason.ACCOUNT_LOCKED, until)), POLICY.refusal(ten, ten, last(ten)));
        assertEquals(Reason.ACCOUNT_LOCKED, POLICY.refusal(ten, ten, until.minusSeconds(1)).orElseThrow().reason());
        assertEquals(Optional.empty(), POLICY.refusal(ten, ten, until), "the lock is temporary");
    }

    @Test
    void anAccountsFailuresFromOneAddressDoNotThrottleAttemptsFromAnother() {
        List<Instant> ten = failures(10, Duration.ofSeconds(5));
        assertEquals(Optional.empty(), POLICY.refusal(List.of(), List.of(), last(ten)),
                "another address has no failures of its own");
    }

    @Test
    void manyFailuresFromOneAddressLockTheAddressForEveryAccountButNotOtherAddresses() {
        List<Instant> hundred = failures(100, Duration.ofSeconds(1));
        Instant until = last(hundred).plus(Duration.ofMinutes(15));

        assertEquals(Optional.of(new Refusal(Reason.ADDRESS_LOCKED, until)),
                POLICY.refusal(List.of(), hundred, last(hundred).plusSeconds(1)), "an account never tried from there");
        assertEquals(Optional.empty(), POLICY.refusal(List.of(), hundred.subList(0, 99), last(hundred).plusSeconds(1)),
                "one failure fewer");
        assertEquals(Optional.empty(), POLICY.refusal(List.of(), hundred, until));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        List<Instant> ten = failures(10, Duration.ofSeconds(1));
        Instant muchLater = T0.plus(Duration.ofMinutes(15)).plusSeconds(10);
        List<Instant> oneRecent = new ArrayList<>(ten);
        oneRecent.add(muchLater);

        assertEquals(Optional.empty(), POLICY.refusal(oneRecent, oneRecent, muchLater),
                "only the recent failure counts; one failure is not throttled");
    }

    @Test
    void aLockLastsItsFullPeriodEvenWhenTheWindowIsShorter() {
        ThrottlePolicy shortWindow = new ThrottlePolicy(Duration.ofMinutes(1), 3, Duration.ofSeconds(2),
                Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 100);
        List<Instant> ten = failures(10, Duration.ofSeconds(5));
        Instant until = last(ten).plus(Duration.ofMinutes(15));

        assertEquals(Reason.ACCOUNT_LOCKED, shortWindow.refusal(ten, ten, until.minusSeconds(1)).orElseThrow().reason());
        assertTrue(shortWindow.lookbackStart(until.minusSeconds(1)).isBefore(ten.get(0)),
                "the database is asked for every failure that still matters");
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotAddUp() {
        List<Instant> slow = failures(10, Duration.ofMinutes(2));
        assertEquals(8, POLICY.counted(slow), "those within 15 minutes before the last");
        assertEquals(Reason.SLOWED, POLICY.refusal(slow, slow, last(slow)).orElseThrow().reason(), "not locked");
    }

    @Test
    void theOrderOfTheFailuresDoesNotMatter() {
        List<Instant> ten = new ArrayList<>(failures(10, Duration.ofSeconds(5)));
        Instant latest = last(ten);
        java.util.Collections.reverse(ten);
        assertEquals(latest.plus(Duration.ofMinutes(15)), POLICY.refusal(ten, ten, latest).orElseThrow().until());
    }

    @Test
    void theRetryAfterNeverGoesNegative() {
        Refusal refusal = new Refusal(Reason.SLOWED, T0);
        assertEquals(Duration.ofSeconds(3), refusal.retryAfter(T0.minusSeconds(3)));
        assertEquals(Duration.ZERO, refusal.retryAfter(T0.plusSeconds(3)));
    }

    @Test
    void settingsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(Duration.ZERO, 3, Duration.ofSeconds(2),
                Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 100));
        assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(Duration.ofMinutes(1), 0, Duration.ofSeconds(2),
                Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 100));
    }
}
