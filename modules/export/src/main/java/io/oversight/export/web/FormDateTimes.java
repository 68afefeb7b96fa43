package io.oversight.export.web;

import io.oversight.kernel.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The date-and-time fields of the export pages' period forms: UTC to the minute, as a browser's
 * {@code datetime-local} input sends them.
 */
final class FormDateTimes {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private FormDateTimes() {
    }

    /** {@code instant} as a field shows it, to the minute. */
    static String format(Instant instant) {
        return INPUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
    }

    /**
     * The instant a field names, or null with a problem added for the field, so that both fields of a
     * period are refused at once.
     */
    static Instant parse(String field, String value, Clock clock, List<FieldError> problems) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip(), INPUT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, "must be a date and time in UTC, like " + format(clock.instant())));
            return null;
        }
    }
}
