package io.oversight.export.rest;

import io.oversight.export.InvalidExportRequestException;
import io.oversight.kernel.FieldError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** How the export resources read what both kinds of job request share: a period's instants and a listing's size. */
final class ExportRequests {

    /** Recent jobs listed when the caller names no limit. */
    static final int DEFAULT_RECENT = 50;
    /** Most recent jobs one listing returns. */
    static final int MAX_RECENT = 500;

    private ExportRequests() {
    }

    /** An ISO-8601 instant, or null (absent, or malformed with a field error added to {@code problems}). */
    static Instant instant(String field, String value, List<FieldError> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, "is not an ISO-8601 instant: " + value));
            return null;
        }
    }

    /** How many recent jobs to list: {@value #DEFAULT_RECENT} unless asked, refused outside 1 to {@value #MAX_RECENT}. */
    static int recentLimit(Integer limit) {
        int n = limit == null ? DEFAULT_RECENT : limit;
        if (n < 1 || n > MAX_RECENT) {
            throw new InvalidExportRequestException(List.of(new FieldError("limit", "must be between 1 and " + MAX_RECENT)));
        }
        return n;
    }
}
