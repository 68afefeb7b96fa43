package io.oversight.tasks.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: exponential backoff up to a cap, and a last attempt
 * after which the delivery is given up. There is no jitter, on purpose: the next attempt time is a
 * function of the failure count alone, so it can be shown to the subscriber, recorded and reproduced
 * in tests; deliveries are spread out by their own failure times, not by chance.
 *
 * @param first delay after the first failure, at least one millisecond
 * @param factor growth per further failure, at least 1
 * @param cap longest delay, not shorter than {@code first}
 * @param maxAttempts attempts in all, including the first; at least 1
 */
public record RetrySchedule(Duration first, double factor, Duration cap, int maxAttempts) {

    public RetrySchedule {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        if (first.toMillis() < 1) {
            throw new IllegalArgumentException("first must be at least 1 ms, was " + first);
        }
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number of at least 1, was " + factor);
        }
        if (cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("cap " + cap + " is shorter than first " + first);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /**
     * 10 s, then three times as long each time, at most an hour, 8 attempts: retries after 10 s, 30 s,
     * 90 s, 4.5 min, 13.5 min, 40.5 min and 1 h, so a receiver has about two hours to recover.
     */
    public static RetrySchedule standard() {
        return new RetrySchedule(Duration.ofSeconds(10), 3, Duration.ofHours(1), 8);
    }

    /**
     * How long to wait after the {@code failedAttempts}-th failed attempt before the next one:
     * {@code min(cap, first · factor^(failedAttempts - 1))} in whole milliseconds, or empty when the
     * attempts are used up and the delivery is given up.
     */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        double millis = first.toMillis() * Math.pow(factor, failedAttempts - 1);
        // compared as doubles: the uncapped delay of a late attempt can exceed any long
        return Optional.of(millis >= cap.toMillis() ? cap : Duration.ofMillis(Math.round(millis)));
    }
}
