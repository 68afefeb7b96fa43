package io.oversight.simulator.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table of results written as RFC 4180 CSV (CRLF line ends, fields quoted only when they need it). */
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.copyOf(header);
    }

    /** Appends a row; values are written with {@link String#valueOf(Object)}, null as an empty field. */
    public CsvTable add(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, the table " + header.size()
                    + " columns: " + Arrays.toString(values));
        }
        List<String> row = new ArrayList<>(values.length);
        for (Object value : values) {
            row.add(value == null ? "" : String.valueOf(value));
        }
        rows.add(row);
        return this;
    }

    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        appendRecord(csv, header);
        for (List<String> row : rows) {
            appendRecord(csv, row);
        }
        return csv.toString();
    }

    /** Writes the table as UTF-8, creating missing parent directories. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toCsv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void appendRecord(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoteIfNeeded(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String quoteIfNeeded(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
