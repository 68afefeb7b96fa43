package io.oversight.review.web;

import io.oversight.governance.ReviewerView;
import io.oversight.governance.ReviewerView.FieldFormat;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes an item's input as people read it, by its workflow's reviewer view: each configured field
 * with its label and its value in the field's format. Pure text out: the page escapes it (h:outputText),
 * so markup in an input is shown, never run. A field the input lacks (or holds null) is shown as missing,
 * never an error; a value its format cannot read is shown as it is, marked so; personal-data tokens stay
 * masked whatever the format. Public, as the pages' expression language reaches only public types.
 */
public final class ReviewerViewRendering {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    static final DateTimeFormatter DATE_TIME_UTC = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH);
    static final DateTimeFormatter DATE_TIME_LOCAL = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss", Locale.ENGLISH);
    private static final int MAX_FRACTION_DIGITS = 10;

    /**
     * One field as shown.
     *
     * @param parts      the value's lines: paragraphs of a PARAGRAPHS field, elements of a LIST, else one
     * @param missing    the input has no value there
     * @param unreadable the value is not what the format expects (a word where a number belongs): shown as it is
     */
    public record ShownField(String label, String path, String format, List<String> parts, boolean missing, boolean unreadable) {

        public ShownField {
            parts = List.copyOf(parts);
        }

        /** The text of a one-part value. */
        public String text() {
            return String.join("\n", parts);
        }
    }

    private ReviewerViewRendering() {
    }

    static List<ShownField> render(ReviewerView view, String payloadJson) {
        JsonStructure payload;
        try (var reader = Json.createReader(new StringReader(payloadJson))) {
            payload = reader.read();
        }
        List<ShownField> shown = new ArrayList<>();
        for (ReviewerView.Field field : view.fields()) {
            shown.add(render(field, valueAt(payload, field.path())));
        }
        return shown;
    }

    private static Optional<JsonValue> valueAt(JsonStructure payload, String path) {
        try {
            var pointer = Json.createPointer(path);
            return pointer.containsValue(payload) ? Optional.of(pointer.getValue(payload)) : Optional.empty();
        } catch (JsonException notThere) {
            return Optional.empty(); // an index into an object, a step through a string...: not in this input
        }
    }

    static ShownField render(ReviewerView.Field field, Optional<JsonValue> found) {
        String format = field.format().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (found.isEmpty() || found.get().getValueType() == JsonValue.ValueType.NULL) {
            return new ShownField(field.label(), field.path(), format, List.of(), true, false);
        }
        JsonValue value = MaskedJson.mask(found.get());
        return switch (field.format()) {
            case TEXT -> new ShownField(field.label(), field.path(), format, List.of(text(value)), false, false);
            case PARAGRAPHS -> new ShownField(field.label(), field.path(), format, paragraphs(text(value)), false, false);
            case LIST -> new ShownField(field.label(), field.path(), format, list(value), false, false);
            case NUMBER -> formatted(field, format, value, number(value));
            case DATE -> formatted(field, format, value, date(value));
            case DATE_TIME -> formatted(field, format, value, dateTime(value));
        };
    }

    private static ShownField formatted(ReviewerView.Field field, String format, JsonValue value, Optional<String> written) {
        return new ShownField(field.label(), field.path(), format, List.of(written.orElseGet(() -> text(value))), false,
                written.isEmpty());
    }

    /** A string as it is; anything else as compact JSON. */
    static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** Blocks separated by an empty line; line breaks inside a block stay (the page keeps them). */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.strip().split("\\R[ \\t]*\\R\\s*")) {
            if (!block.isBlank()) {
                paragraphs.add(block.strip());
            }
        }
        return paragraphs.isEmpty() ? List.of("") : paragraphs;
    }

    private static List<String> list(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of(text(value));
        }
        return value.asJsonArray().stream().map(ReviewerViewRendering::text).toList();
    }

    /** Digit groups, every significant decimal (up to ten): 1234567.5 is "1,234,567.5". */
    static Optional<String> number(JsonValue value) {
        BigDecimal number;
        if (value instanceof JsonNumber n) {
            number = n.bigDecimalValue();
        } else if (value instanceof JsonString s) {
            try {
                number = new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        DecimalFormat written = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        written.setMaximumFractionDigits(MAX_FRACTION_DIGITS);
        return Optional.of(written.format(number));
    }

    /** An ISO date, or the UTC date of an instant or offset date-time. */
    static Optional<String> date(JsonValue value) {
        if (!(value instanceof JsonString s)) {
            return Optional.empty();
        }
        String text = s.getString().strip();
        try {
            return Optional.of(DATE.format(LocalDate.parse(text)));
        } catch (DateTimeParseException notADate) {
            return instant(text).map(i -> DATE.format(i.atOffset(ZoneOffset.UTC)));
        }
    }

    /** An instant or offset date-time in UTC; a date-time without offset as given (no zone claimed). */
    static Optional<String> dateTime(JsonValue value) {
        if (!(value instanceof JsonString s)) {
            return Optional.empty();
        }
        String text = s.getString().strip();
        Optional<String> utc = instant(text).map(i -> DATE_TIME_UTC.format(i.atOffset(ZoneOffset.UTC)));
        if (utc.isPresent()) {
            return utc;
        }
        try {
            return Optional.of(DATE_TIME_LOCAL.format(LocalDateTime.parse(text)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException notInstant) {
                return Optional.empty();
            }
        }
    }
}
