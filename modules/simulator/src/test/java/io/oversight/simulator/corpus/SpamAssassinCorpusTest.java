package io.oversight.simulator.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpamAssassinCorpusTest {

    @Test
    void loadsAllGroupsLabelledByGroupSortedByIdDroppingRepeatedChecksumsAndRepeatedContent(@TempDir Path packageDir) throws Exception {
        writeMail(packageDir, "spam-2", "00007", "aaa", "Subject: cheap pills\n\nbuy now");
        writeMail(packageDir, "easy-ham-1", "00002", "bbb", "Subject: lunch?\nFrom: bob@example.com\n\nat noon");
        writeMail(packageDir, "hard-ham-1", "00001", "ccc", "Subject: newsletter\n\nweekly news");
        writeMail(packageDir, "spam-1", "00003", "bbb", "Subject: lunch?\nFrom: bob@example.com\n\nat noon");
        writeMail(packageDir, "spam-2", "00009", "ddd", "Received: by relay2\nSubject: cheap pills\n\nbuy   now\n");

        List<Message> corpus = SpamAssassinCorpus.load(packageDir);

        assertEquals(List.of(
                new Message("easy-ham-1/00002", "easy-ham-1", "ham", "lunch?", "bob@example.com", "at noon"),
                new Message("hard-ham-1/00001", "hard-ham-1", "ham", "newsletter", "", "weekly news"),
                new Message("spam-2/00007", "spam-2", "spam", "cheap pills", "", "buy now")), corpus);
    }

    @Test
    void refusesADirectoryWithoutData(@TempDir Path empty) {
        assertThrows(IllegalArgumentException.class, () -> SpamAssassinCorpus.load(empty));
    }

    private static void writeMail(Path packageDir, String group, String id, String checksum, String text)
            throws Exception {
        Path dir = Files.createDirectories(packageDir.resolve("data").resolve(group));
        String json = "{\"id\":\"" + id + "\",\"group\":\"" + group + "\",\"checksum\":{\"type\":\"MD5\",\"value\":\""
                + checksum + "\"},\"text\":" + new ObjectMapper().writeValueAsString(text) + "}";
        Files.writeString(dir.resolve(id + "." + checksum + ".json"), json);
        Files.writeString(dir.resolve(id + "." + checksum + ".txt"), text);
    }
}
