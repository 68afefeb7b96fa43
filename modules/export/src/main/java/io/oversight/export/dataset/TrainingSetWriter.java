package io.oversight.export.dataset;

import io.oversight.export.DatasetFormat;
import io.oversight.kernel.CanonicalJson;
import io.oversight.tasks.Candidate;
import io.oversight.tasks.Preference;
import io.oversight.tasks.ReleasedLabels.ReleasedLabel;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes released labels as a training set, one row at a time, keeping only counters: the files'
 * SHA-256 and sizes, rows per label and per decision source. Every row's JSON is canonical (members
 * sorted), so the same labels give the same bytes.
 *
 * <p>Classification and free-text rows carry the item id, the stored payload (its personal-data fields
 * are pseudonym tokens, as tasks stores them), the model's output, the final labels or output, the
 * decision source, the number of reviews and their agreement, the guideline version and its digest,
 * and the model snapshot. A pairwise-preference row is {@code prompt} / {@code chosen} /
 * {@code rejected}, by candidate id (the side a reviewer saw a candidate on does not enter); ties and
 * both-bad answers go to the second file, {@value #UNPAIRED_FILE}.
 */
public final class TrainingSetWriter implements AutoCloseable {

    /** File name of a classification or free-text training set, before its extension. */
    public static final String DATA_FILE = "labels";
    /** Preference pairs, JSONL. */
    public static final String PAIRS_FILE = "pairs.jsonl";
    /** Ties and both-bad answers of a preference training set, JSONL. */
    public static final String UNPAIRED_FILE = "ties-and-both-bad.jsonl";
    /** The label counted for a row without labels (a free-text output). */
    public static final String NO_LABEL = "(no label)";

    static final String[] CSV_HEADER = {"item_id", "payload", "model_labels", "model_output", "final_labels",
        "final_output", "verdict", "decision_source", "reviews", "agreement", "guideline_version_id",
        "guideline_digest", "model_snapshot_id", "decided_at"};

    private final boolean preference;
    private final DatasetFormat format;
    private final Sink main;
    private final Sink unpaired;
    private final CSVPrinter csv;
    private final Map<String, Long> perLabel = new TreeMap<>();
    private final Map<String, Long> perSource = new TreeMap<>();

    /**
     * @param unpairedOut where ties and both-bad answers go; used only for a preference training set
     */
    public TrainingSetWriter(boolean preference, DatasetFormat format, OutputStream mainOut, OutputStream unpairedOut)
            throws IOException {
        if (preference && format != DatasetFormat.JSONL) {
            throw new IllegalArgumentException("a preference training set is JSONL");
        }
        this.preference = preference;
        this.format = format;
        this.main = new Sink(mainOut);
        this.unpaired = preference ? new Sink(unpairedOut) : null;
        this.csv = format == DatasetFormat.CSV
                ? new CSVPrinter(main.writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).build()) : null;
    }

    /** The file names this writer fills, main first. */
    public static java.util.List<String> fileNames(boolean preference, DatasetFormat format) {
        return preference ? java.util.List.of(PAIRS_FILE, UNPAIRED_FILE) : java.util.List.of(DATA_FILE + "." + format.extension());
    }

    public void write(ReleasedLabel row, Optional<GuidelineRef> guideline) throws IOException {
        perSource.merge(row.source().name(), 1L, Long::sum);
        if (row.labels().isEmpty()) {
            perLabel.merge(NO_LABEL, 1L, Long::sum);
        }
        row.labels().forEach(l -> perLabel.merge(l, 1L, Long::sum));
        if (preference) {
            writePreference(row, guideline);
        } else if (format == DatasetFormat.CSV) {
            csv.printRecord(row.itemId(), canonicalPayload(row.payloadJson()), String.join("|", row.predictedLabels()),
                    row.predictedOutput().orElse(""), String.join("|", row.labels()), row.output().orElse(""),
                    row.verdict().name(), row.source().name(), row.reviews(), agreement(row).map(CanonicalJson::number).orElse(""),
                    guideline.map(GuidelineRef::id).orElse(""), guideline.map(GuidelineRef::contentDigest).orElse(""),
                    row.modelSnapshotId(), row.decidedAt().toString());
            main.rows++;
        } else {
            JsonObjectBuilder json = common(row, guideline)
                    .add("payload", payload(row.payloadJson()))
                    .add("modelOutput", output(row.predictedLabels(), row.predictedOutput()))
                    .add("final", output(row.labels(), row.output()).add("verdict", row.verdict().name()));
            main.line(json.build());
        }
    }

    private void writePreference(ReleasedLabel row, Optional<GuidelineRef> guideline) throws IOException {
        String answer = row.labels().isEmpty() ? "" : row.labels().get(0);
        JsonObjectBuilder json = common(row, guideline).add("prompt", prompt(row.payloadJson()));
        Optional<Candidate> chosen = row.candidates().stream().filter(c -> c.id().equals(answer)).findFirst();
        if (chosen.isPresent()) {
            Candidate rejected = row.candidates().stream().filter(c -> !c.id().equals(answer)).findFirst().orElseThrow();
            json.add("chosen", chosen.get().output()).add("rejected", rejected.output())
                    .add("chosenCandidateId", chosen.get().id()).add("rejectedCandidateId", rejected.id());
            main.line(json.build());
        } else {
            JsonArrayBuilder candidates = Json.createArrayBuilder();
            row.candidates().forEach(c -> candidates.add(Json.createObjectBuilder().add("id", c.id()).add("output", c.output())));
            json.add("answer", Preference.TIE_KEY.equals(answer) ? Preference.TIE_KEY : Preference.BOTH_BAD_KEY)
                    .add("candidates", candidates);
            unpaired.line(json.build());
        }
    }

    private static JsonObjectBuilder common(ReleasedLabel row, Optional<GuidelineRef> guideline) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("itemId", row.itemId())
                .add("decisionSource", row.source().name())
                .add("reviews", row.reviews())
                .add("modelSnapshotId", row.modelSnapshotId())
                .add("decidedAt", row.decidedAt().toString());
        agreement(row).ifPresentOrElse(a -> json.add("agreement", a), () -> json.addNull("agreement"));
        guideline.ifPresentOrElse(g -> json.add("guidelineVersionId", g.id()).add("guidelineDigest", g.contentDigest()),
                () -> json.addNull("guidelineVersionId").addNull("guidelineDigest"));
        return json;
    }

    /** Share of the reviews that gave the final answer; none when no review did (the item had none). */
    private static Optional<Double> agreement(ReleasedLabel row) {
        return row.reviews() == 0 ? Optional.empty()
                : Optional.of(Math.round(10_000.0 * row.agreeingReviews() / row.reviews()) / 10_000.0);
    }

    private static JsonObjectBuilder output(java.util.List<String> labels, Optional<String> text) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        labels.forEach(array::add);
        JsonObjectBuilder json = Json.createObjectBuilder().add("labels", array);
        text.ifPresentOrElse(t -> json.add("output", t), () -> json.addNull("output"));
        return json;
    }

    private static JsonValue payload(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static String canonicalPayload(String json) {
        return CanonicalJson.of(payload(json));
    }

    /** The payload's {@code prompt} member when it is a string, else the whole payload as canonical JSON. */
    private static String prompt(String json) {
        JsonValue value = payload(json);
        if (value instanceof JsonObject o && o.get("prompt") instanceof JsonString s) {
            return s.getString();
        }
        return CanonicalJson.of(value);
    }

    public Map<String, Long> rowsPerLabel() {
        return Map.copyOf(perLabel);
    }

    public Map<String, Long> rowsPerSource() {
        return Map.copyOf(perSource);
    }

    /** Writes what is buffered; after this the files' digests, sizes and row counts are final. */
    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.flush();
        }
        main.finish();
        if (unpaired != null) {
            unpaired.finish();
        }
    }

    /** The main file's SHA-256 (hex), size and rows, once closed. */
    public FileSummary mainFile() {
        return main.summary;
    }

    /** The ties-and-both-bad file of a preference training set, once closed. */
    public Optional<FileSummary> unpairedFile() {
        return Optional.ofNullable(unpaired).map(u -> u.summary);
    }

    /** A written file's digest, size in bytes and rows. */
    public record FileSummary(String sha256, long bytes, long rows) {
    }

    /** One output: counts bytes and rows and digests what passes. */
    private static final class Sink {
        final CountingDigest stream;
        final Writer writer;
        long rows;
        FileSummary summary;

        Sink(OutputStream out) {
            stream = new CountingDigest(out);
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        }

        void line(JsonValue json) throws IOException {
            writer.write(CanonicalJson.of(json));
            writer.write('\n');
            rows++;
        }

        void finish() throws IOException {
            writer.flush();
            summary = new FileSummary(HexFormat.of().formatHex(stream.getMessageDigest().digest()), stream.bytes, rows);
        }
    }

    private static final class CountingDigest extends DigestOutputStream {
        long bytes;

        CountingDigest(OutputStream out) {
            super(out, sha256());
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            bytes += len;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
