package io.oversight.governance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The length of a monitor window. Windows are aligned in UTC; a week starts on Monday 00:00 UTC. */
public enum MonitorGrain {
    HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7));

    private final Duration length;

    MonitorGrain(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The start of the window that holds {@code at}. */
    public Instant windowStart(Instant at) {
        return switch (this) {
            case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
            case DAY -> at.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
        };
    }
}
