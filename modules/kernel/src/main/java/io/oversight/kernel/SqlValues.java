package io.oversight.kernel;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * How the modules' JDBC stores write and read the values every table has: instants as
 * {@code TIMESTAMP WITH TIME ZONE} in UTC (the same on H2 and PostgreSQL), and label lists as a JSON
 * array of strings in a text column.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Optional<Instant> instant(ResultSet r, String column) throws SQLException {
        return Optional.ofNullable(r.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    public static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        return Optional.ofNullable(r.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    public static String jsonArray(List<String> values) {
        JsonArrayBuilder array = JsonFactories.PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    /** The strings of a JSON array text; none for SQL NULL. */
    public static List<String> strings(String jsonArray) {
        if (jsonArray == null) {
            return List.of();
        }
        try (var reader = JsonFactories.PROVIDER.createReader(new StringReader(jsonArray))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
