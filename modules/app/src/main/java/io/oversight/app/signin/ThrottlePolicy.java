package io.oversight.app.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a sign-in attempt may be made, given the failures within the window. Plain rules, no I/O:
 * <ul>
 *   <li>an account from one address: after {@code slowAfter} failures each further attempt waits
 *       {@code firstDelay}, doubling with every failure up to {@code maxDelay}; after
 *       {@code lockAfter} failures attempts are refused for {@code lockFor} after the last one;</li>
 *   <li>an address as a whole, whatever the accounts tried: after {@code addressLockAfter} failures
 *       it is refused for {@code lockFor} after the last one.</li>
 * </ul>
 * Nothing here ever locks an account everywhere: a person signing in from another address is not
 * affected by an attacker's failures, and every lock ends {@code lockFor} after the last failure.
 */
public record ThrottlePolicy(Duration window, int slowAfter, Duration firstDelay, Duration maxDelay, int lockAfter,
                             Duration lockFor, int addressLockAfter) {

    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(lockFor, "lockFor");
        if (window.isNegative() || window.isZero() || slowAfter < 1 || lockAfter < 1 || addressLockAfter < 1
                || firstDelay.isNegative() || maxDelay.isNegative() || lockFor.isNegative()) {
            throw new IllegalArgumentException("sign-in throttle settings must be positive: " + this);
        }
    }

    /** Why an attempt is refused now. */
    public enum Reason {
        /** The account was tried and failed a few times from this address: wait a little. */
        SLOWED,
        /** The account failed too often from this address. */
        ACCOUNT_LOCKED,
        /** This address failed too often, whatever the accounts. */
        ADDRESS_LOCKED
    }

    /** A refusal and the instant from which an attempt is allowed again. */
    public record Refusal(Reason reason, Instant until) {

        public Duration retryAfter(Instant now) {
            return Duration.between(now, until).isNegative() ? Duration.ZERO : Duration.between(now, until);
        }
    }

    /**
     * The instant before which no failure can matter any more at {@code now}: a refusal lasts at most
     * {@code lockFor} (or {@code maxDelay}) after the last failure, and counts the failures within the
     * window before that one.
     */
    public Instant lookbackStart(Instant now) {
        return now.minus(window).minus(lockFor.compareTo(maxDelay) > 0 ? lockFor : maxDelay);
    }

    /** The failures that count towards the latest one: those within the window ending at it. */
    public int counted(List<Instant> failures) {
        Optional<Instant> last = failures.stream().max(Instant::compareTo);
        return last.map(latest -> (int) failures.stream().filter(at -> at.isAfter(latest.minus(window))).count()).orElse(0);
    }

    /**
     * Whether an attempt at {@code now} is refused. A refusal follows from the failures within the
     * window ending at the last failure, and lasts from that failure, so that a lock lasts its full
     * period even when the window is shorter.
     *
     * @param accountFailures the failures of this account from this address (any order)
     * @param addressFailures the failures from this address, every account included (any order)
     */
    public Optional<Refusal> refusal(List<Instant> accountFailures, List<Instant> addressFailures, Instant now) {
        List<Instant> address = addressFailures.stream().filter(at -> !at.isAfter(now)).toList();
        if (counted(address) >= addressLockAfter) {
            Instant until = latest(address).plus(lockFor);
            if (now.isBefore(until)) {
                return Optional.of(new Refusal(Reason.ADDRESS_LOCKED, until));
            }
        }
        List<Instant> account = accountFailures.stream().filter(at -> !at.isAfter(now)).toList();
        int failures = counted(account);
        if (failures >= lockAfter) {
            Instant until = latest(account).plus(lockFor);
            return now.isBefore(until) ? Optional.of(new Refusal(Reason.ACCOUNT_LOCKED, until)) : Optional.empty();
        }
        if (failures >= slowAfter) {
            Instant until = latest(account).plus(delayAfter(failures));
            return now.isBefore(until) ? Optional.of(new Refusal(Reason.SLOWED, until)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Instant latest(List<Instant> failures) {
        return failures.stream().max(Instant::compareTo).orElseThrow();
    }

    /** The wait after the given number of failures: {@code firstDelay}, doubled per failure, at most {@code maxDelay}. */
    Duration delayAfter(int failures) {
        int doublings = Math.min(30, Math.max(0, failures - slowAfter));
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
