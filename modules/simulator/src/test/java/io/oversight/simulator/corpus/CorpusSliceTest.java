package io.oversight.simulator.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusSliceTest {

    @Test
    void writesOneJsonObjectPerLineAndReadsTheSameMessagesBack(@TempDir Path dir) throws Exception {
        List<Message> messages = List.of(
                new Message("spam-1/00001", "spam-1", "spam", "Win \"big\", now", "x@example.com", "Line one\nline two ü €"),
                new Message("easy-ham-1/00002", "easy-ham-1", "ham", "", "", ""));
        Path file = dir.resolve("slice.jsonl");

        CorpusSlice.write(messages, file);

        assertEquals(2, Files.readAllLines(file, StandardCharsets.UTF_8).size());
        assertEquals(messages, CorpusSlice.read(file));
        assertEquals(messages, CorpusSlice.read(Files.newInputStream(file)));
    }

    @Test
    void refusesALineThatIsNotAMessage() {
        String slice = "{\"id\":\"a\",\"group\":\"spam-1\",\"label\":\"spam\",\"subject\":\"\",\"sender\":\"\",\"body\":\"\"}\n"
                + "{\"id\":\"b\",\"group\":\"spam-1\",\"label\":\"maybe\",\"subject\":\"\",\"sender\":\"\",\"body\":\"\"}\n";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CorpusSlice.read(new ByteArrayInputStream(slice.getBytes(StandardCharsets.UTF_8))));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }
}
