package io.oversight.export;

import io.oversight.tasks.DecisionSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A training-set export as any server sees it.
 *
 * @param rowsDone       released labels written so far
 * @param rowsTotal      released labels the export holds, once counted
 * @param manifest       the manifest's exact bytes (canonical JSON, UTF-8), once completed
 * @param manifestSha256 hex SHA-256 of {@code manifest}: what the ledger entry records
 * @param files          the export's files, once completed
 * @param ledgerSequence sequence number of the {@value TrainingSets#DATASET_CREATED} entry, once sealed
 */
public record DatasetJob(String id, String workflow, Instant from, Instant to, DatasetFormat format,
        Optional<String> modelSnapshotId, Optional<String> guidelineVersionId, Set<DecisionSource> sources,
        Optional<String> label, JobState state, String requestedBy, String requestedRole, Instant requestedAt,
        Optional<Instant> startedAt, Optional<Instant> finishedAt, long rowsDone, long rowsTotal, Optional<Duration> eta,
        Optional<String> failure, Optional<String> manifest, Optional<String> manifestSha256, List<DatasetFile> files,
        Optional<Long> ledgerSequence) {

    public DatasetJob {
        sources = Set.copyOf(sources);
        files = List.copyOf(files);
    }

    /** One file of an export. */
    public record DatasetFile(String name, String mediaType, long rows, long bytes, String sha256) {
    }
}
