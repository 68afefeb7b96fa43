package io.oversight.review.quality;

import io.oversight.review.decision.ReviewSettings;
import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static ReviewSettings caps(int perSession, int perHour, int gapMinutes, int breakMinutes) {
        ReviewSettings d = ReviewSettings.defaults("w");
        return new ReviewSettings("w", d.reviewMode(), d.maxReviewers(), d.onDisagreement(), d.rationaleRequired(), false,
                d.goldRate(), d.goldMinAnswers(), d.goldWindow(), d.goldPauseBelow(), perSession, perHour, gapMinutes,
                breakMinutes);
    }

    /** Completions every {@code everyMinutes}, the newest {@code ago} minutes before now, newest first. */
    private static List<Instant> completions(int count, int everyMinutes, int ago) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(NOW.minus(Duration.ofMinutes(ago + (long) i * everyMinutes)));
        }
        return times;
    }

    @Test
    void theHourlyCapCountsASlidingHourAndSaysWhenAClaimWillWorkAgain() {
        Workload w = Workload.of(completions(3, 10, 1), NOW, caps(0, 3, 15, 0));
        assertEquals(3, w.completedLastHour());
        assertTrue(w.capReached().orElseThrow().contains("last hour"));
        assertEquals(Duration.ofMinutes(39), w.retryAfter().orElseThrow(), "the oldest of the three leaves the hour in 39 minutes");
        assertTrue(Workload.of(completions(2, 10, 1), NOW, caps(0, 3, 15, 0)).capReached().isEmpty());
    }

    @Test
    void aGapAsLongAsTheBreakEndsASession() {
        List<Instant> times = new ArrayList<>(completions(4, 5, 2));
        times.addAll(completions(10, 5, 40));
        Workload w = Workload.of(times, NOW, caps(4, 0, 15, 0));
        assertEquals(4, w.completedThisSession(), "the 23-minute gap ended the earlier session");
        assertTrue(w.capReached().orElseThrow().contains("this session"));
        assertEquals(Duration.ofMinutes(13), w.retryAfter().orElseThrow(), "15 minutes after the last completion");
        assertEquals(0, Workload.of(completions(4, 5, 20), NOW, caps(4, 0, 15, 0)).completedThisSession(),
                "20 idle minutes: a new session");
    }

    @Test
    void theNewestCompletionsAsManyAsTheLargerCapDecideTheCapsAsTheWholeDayDoes() {
        List<Instant> day = new ArrayList<>(completions(7, 4, 1));
        day.addAll(completions(30, 5, 120));
        for (ReviewSettings caps : List.of(caps(0, 5, 15, 0), caps(6, 0, 15, 0), caps(8, 7, 15, 0), caps(9, 8, 15, 0))) {
            int newest = Math.max(caps.maxItemsPerHour(), caps.maxItemsPerSession());
            Workload whole = Workload.of(day, NOW, caps);
            Workload bounded = Workload.of(day.subList(0, newest), NOW, caps);
            assertEquals(whole.capReached(), bounded.capReached(), caps.toString());
            assertEquals(whole.retryAfter(), bounded.retryAfter(), caps.toString());
        }
        assertTrue(Workload.of(day.subList(0, 5), NOW, caps(0, 5, 15, 0)).capReached().isPresent(), "7 in the hour, cap 5");
        assertTrue(Workload.of(day.subList(0, 8), NOW, caps(8, 7, 15, 0)).capReached().isPresent(), "7 in the hour, cap 7");
        assertTrue(Workload.of(day.subList(0, 9), NOW, caps(9, 8, 15, 0)).capReached().isEmpty(), "7 of 8 and of 9");
    }

    @Test
    void theBreakReminderComesAfterTheConfiguredMinutesOfWork() {
        assertTrue(Workload.of(completions(12, 5, 1), NOW, caps(0, 0, 15, 50)).breakDue(), "56 minutes of work");
        assertFalse(Workload.of(completions(6, 5, 1), NOW, caps(0, 0, 15, 50)).breakDue());
        assertEquals(Optional.empty(), Workload.of(List.of(), NOW, caps(1, 1, 15, 50)).capReached());
    }

    @Test
    void settingsOutOfRangeAreRefusedFieldByField() {
        ReviewSettings d = ReviewSettings.defaults("w");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ReviewSettings("w",
                d.reviewMode(), 1, d.onDisagreement(), d.rationaleRequired(), false, 0.9, 5, 3, 1.5, -1, 0, 0, 0).validate());
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("maxReviewers", "goldRate", "goldWindow", "goldPauseBelow", "maxItemsPerSession",
                "sessionGapMinutes"), fields);
    }
}
