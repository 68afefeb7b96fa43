package io.oversight.tasks.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theStandardScheduleTriplesUpToAnHourAndGivesUpAfterEightAttempts() {
        RetrySchedule standard = RetrySchedule.standard();
        assertEquals(Optional.of(Duration.ofSeconds(10)), standard.delayAfter(1));
        assertEquals(Optional.of(Duration.ofSeconds(30)), standard.delayAfter(2));
        assertEquals(Optional.of(Duration.ofSeconds(90)), standard.delayAfter(3));
        assertEquals(Optional.of(Duration.ofSeconds(270)), standard.delayAfter(4));
        assertEquals(Optional.of(Duration.ofSeconds(810)), standard.delayAfter(5));
        assertEquals(Optional.of(Duration.ofSeconds(2430)), standard.delayAfter(6));
        // 7290 s would exceed the cap
        assertEquals(Optional.of(Duration.ofHours(1)), standard.delayAfter(7));
        assertEquals(Optional.empty(), standard.delayAfter(8));
        assertEquals(Optional.empty(), standard.delayAfter(9));
    }

    @Test
    void theSameFailureCountAlwaysGivesTheSameDelay() {
        assertEquals(RetrySchedule.standard().delayAfter(4), RetrySchedule.standard().delayAfter(4));
    }

    @Test
    void aFactorOfOneRetriesAtFixedIntervals() {
        RetrySchedule fixed = new RetrySchedule(Duration.ofSeconds(5), 1, Duration.ofSeconds(5), 3);
        assertEquals(Optional.of(Duration.ofSeconds(5)), fixed.delayAfter(1));
        assertEquals(Optional.of(Duration.ofSeconds(5)), fixed.delayAfter(2));
        assertEquals(Optional.empty(), fixed.delayAfter(3));
    }

    @Test
    void fractionalFactorsRoundToTheMillisecond() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(1000), 1.5, Duration.ofMinutes(1), 5);
        // 1000 · 1.5^3 = 3375
        assertEquals(Optional.of(Duration.ofMillis(3375)), schedule.delayAfter(4));
    }

    @Test
    void aVeryLateAttemptIsCappedRatherThanOverflowing() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), 10, Duration.ofDays(1), 1_000);
        assertEquals(Optional.of(Duration.ofDays(1)), schedule.delayAfter(500));
    }

    @Test
    void aSingleAttemptIsNeverRetried() {
        assertEquals(Optional.empty(), new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1).delayAfter(1));
    }

    @Test
    void invalidSchedulesAndCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, 2, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(1), Double.NaN, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(1), Double.POSITIVE_INFINITY, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofMinutes(2), 2, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 0));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.standard().delayAfter(0));
    }
}
