package io.oversight.simulator.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of messages as JSON lines (one {@link Message} object per line): the format of the small corpus slice
 * committed for CI, which cannot fetch the full corpus.
 */
public final class CorpusSlice {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusSlice() {
    }

    public static void write(List<Message> messages, Path file) {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Message message : messages) {
                writer.write(JSON.writeValueAsString(message));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<Message> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<Message> read(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Message> messages = new ArrayList<>();
        try {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    messages.add(parseLine(line, lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(messages);
    }

    private static Message parseLine(String line, int lineNumber) {
        try {
            return JSON.readValue(line, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("corpus slice line " + lineNumber + " is not a message: "
                    + e.getOriginalMessage(), e);
        }
    }
}
