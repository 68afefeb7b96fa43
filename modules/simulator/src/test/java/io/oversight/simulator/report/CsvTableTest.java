package io.oversight.simulator.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTableTest {

    @Test
    void quotesOnlyFieldsWithCommasQuotesOrLineBreaksAndEndsRecordsWithCrlf() {
        CsvTable table = new CsvTable(List.of("name", "note", "value"))
                .add("plain", "has, comma", 0.5)
                .add("say \"hi\"", "two\nlines", null);

        assertEquals("name,note,value\r\n"
                + "plain,\"has, comma\",0.5\r\n"
                + "\"say \"\"hi\"\"\",\"two\nlines\",\r\n", table.toCsv());
    }

    @Test
    void writesUtf8CreatingMissingDirectories(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/out.csv");

        new CsvTable(List.of("strategy", "accuracy")).add("märgin", 0.97).write(file);

        assertEquals("strategy,accuracy\r\nmärgin,0.97\r\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        CsvTable table = new CsvTable(List.of("a", "b"));

        assertThrows(IllegalArgumentException.class, () -> table.add("only one"));
    }
}
