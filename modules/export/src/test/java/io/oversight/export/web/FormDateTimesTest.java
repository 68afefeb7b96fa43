package io.oversight.export.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormDateTimesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T21:54:37.123Z"), ZoneOffset.UTC);

    @Test
    void aFieldShowsUtcToTheMinute() {
        assertEquals("2026-12-06T21:54", FormDateTimes.format(clock.instant()));
    }

    @Test
    void aFieldIsReadAsUtcWithSurroundingSpaceIgnored() {
        List<FieldError> problems = new ArrayList<>();
        assertEquals(Instant.parse("2026-12-05T10:00:00Z"), FormDateTimes.parse("from", " 2026-12-05T10:00 ", clock, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void eachUnreadableFieldIsOneProblemNamingItWithAnExampleFromNow() {
        List<FieldError> problems = new ArrayList<>();
        assertNull(FormDateTimes.parse("from", null, clock, problems));
        assertNull(FormDateTimes.parse("to", "5 Dec 2026", clock, problems));
        assertNull(FormDateTimes.parse("to", "2026-13-05T10:00", clock, problems));
        assertEquals(List.of("from", "to", "to"), problems.stream().map(FieldError::field).toList());
        assertTrue(problems.stream().allMatch(p -> p.message().equals("must be a date and time in UTC, like 2026-12-06T21:54")),
                problems.toString());
    }
}
