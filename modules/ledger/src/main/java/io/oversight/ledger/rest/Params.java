package io.oversight.ledger.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Parsing of query and path parameters, failing with a 400 that names the parameter and the rule. */
final class Params {

    private Params() {
    }

    static OptionalLong optionalNonNegative(String name, String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(nonNegative(name, value));
    }

    static long nonNegative(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("parameter " + name + " is required");
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("parameter " + name + " must be a whole number, got \"" + value + "\"");
        }
        if (parsed < 0) {
            throw new BadRequestException("parameter " + name + " must not be negative, got " + parsed);
        }
        return parsed;
    }

    /**
     * Tree sizes given as a repeated parameter, each value one size or several separated by commas;
     * at most {@code max} of them.
     */
    static List<Long> sizes(String name, List<String> values, int max) {
        List<Long> sizes = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",", -1)) {
                if (sizes.size() == max) {
                    throw new BadRequestException("parameter " + name + " may name at most " + max + " sizes");
                }
                sizes.add(positive(name, part));
            }
        }
        return sizes;
    }

    static long positive(String name, String value) {
        long parsed = nonNegative(name, value);
        if (parsed == 0) {
            throw new BadRequestException("parameter " + name + " must be at least 1");
        }
        return parsed;
    }

    static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        long parsed = positive("limit", value);
        if (parsed > max) {
            throw new BadRequestException("parameter limit must be at most " + max + ", got " + parsed);
        }
        return (int) parsed;
    }

    static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter " + name + " must be an ISO-8601 UTC instant such as"
                    + " 2026-01-31T23:59:59Z, got \"" + value + "\"");
        }
    }

    static Optional<String> text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > io.oversight.ledger.LedgerRecord.MAX_ID_LENGTH) {
            throw new BadRequestException("parameter " + name + " is longer than "
                    + io.oversight.ledger.LedgerRecord.MAX_ID_LENGTH + " characters");
        }
        return Optional.of(value);
    }
}
