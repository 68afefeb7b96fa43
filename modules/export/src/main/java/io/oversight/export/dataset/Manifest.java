package io.oversight.export.dataset;

import io.oversight.export.DatasetJob;
import io.oversight.kernel.CanonicalJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A training set's manifest: what it holds and how to check it. Its text is canonical JSON (members
 * sorted by key, ADR 0023's encoder), so its SHA-256, which the ledger entry records, can be
 * recomputed from the bytes the API serves. The auditor guide lists its members.
 */
public final class Manifest {

    /** Value of the manifest's {@code schema} member. */
    public static final String SCHEMA = "oversight-training-set-manifest/1";

    private Manifest() {
    }

    /** The snapshot a training set's rows were predicted by, with its artifact digest. */
    public record SnapshotRef(String id, String name, String version, String artifactDigest) {
    }

    /** What the request asked for: the filters as given. */
    public record Filters(Instant from, Instant to, String format, Optional<String> modelSnapshotId,
            Optional<String> guidelineVersionId, Set<String> sources, Optional<String> label) {
    }

    /** The canonical text of a manifest. */
    public static String text(String exportId, String workflow, String taskKind, Filters filters, String requestedBy,
            String requestedRole, Instant requestedAt, List<DatasetJob.DatasetFile> files, Map<String, Long> rowsPerLabel,
            Map<String, Long> rowsPerSource, Collection<GuidelineRef> guidelines, Collection<SnapshotRef> snapshots) {
        JsonObjectBuilder filter = Json.createObjectBuilder().add("from", filters.from().toString())
                .add("to", filters.to().toString()).add("format", filters.format());
        filters.modelSnapshotId().ifPresent(v -> filter.add("modelSnapshotId", v));
        filters.guidelineVersionId().ifPresent(v -> filter.add("guidelineVersionId", v));
        filters.label().ifPresent(v -> filter.add("label", v));
        JsonArrayBuilder sources = Json.createArrayBuilder();
        new TreeSet<>(filters.sources()).forEach(sources::add);
        filter.add("sources", sources);

        JsonArrayBuilder fileArray = Json.createArrayBuilder();
        long rows = 0;
        for (DatasetJob.DatasetFile f : files) {
            fileArray.add(Json.createObjectBuilder().add("name", f.name()).add("mediaType", f.mediaType())
                    .add("rows", f.rows()).add("bytes", f.bytes()).add("sha256", f.sha256()));
            rows += f.rows();
        }
        JsonArrayBuilder guidelineArray = Json.createArrayBuilder();
        guidelines.stream().sorted(java.util.Comparator.comparing(GuidelineRef::number).thenComparing(GuidelineRef::id))
                .forEach(g -> guidelineArray.add(Json.createObjectBuilder().add("id", g.id()).add("number", g.number())
                        .add("contentDigest", g.contentDigest())));
        JsonArrayBuilder snapshotArray = Json.createArrayBuilder();
        snapshots.stream().sorted(java.util.Comparator.comparing(SnapshotRef::id))
                .forEach(s -> snapshotArray.add(Json.createObjectBuilder().add("id", s.id()).add("name", s.name())
                        .add("version", s.version()).add("artifactDigest", s.artifactDigest())));
        return CanonicalJson.of(Json.createObjectBuilder()
                .add("schema", SCHEMA)
                .add("exportId", exportId)
                .add("workflow", workflow)
                .add("taskKind", taskKind)
                .add("filters", filter)
                .add("requestedBy", requestedBy)
                .add("requestedRole", requestedRole)
                .add("requestedAt", requestedAt.toString())
                .add("files", fileArray)
                .add("rows", rows)
                .add("rowsPerLabel", counts(rowsPerLabel))
                .add("rowsPerSource", counts(rowsPerSource))
                .add("guidelineVersions", guidelineArray)
                .add("modelSnapshots", snapshotArray)
                .build());
    }

    private static JsonObjectBuilder counts(Map<String, Long> counts) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        new TreeMap<>(counts).forEach(json::add);
        return json;
    }
}
