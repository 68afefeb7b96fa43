package io.oversight.export.application;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.export.DatasetFormat;
import io.oversight.export.DatasetJob;
import io.oversight.export.DatasetRequest;
import io.oversight.export.JobState;
import io.oversight.tasks.DecisionSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Training-set export rows and files in the database, with the report jobs' semantics (ADR 0015): a
 * connection taken inside a JTA transaction is enlisted in it (the completion), outside one each
 * statement commits (progress, heartbeats); a running export whose heartbeat is stale is shown as
 * interrupted by every server.
 */
@ApplicationScoped
public class DatasetStore {

    private static final String COLUMNS = "id, workflow_key, period_from, period_to, format, model_snapshot_id, "
            + "guideline_version_id, sources, label, state, requested_by, requested_role, requested_at, started_at, "
            + "finished_at, heartbeat_at, rows_done, rows_total, failure, manifest, manifest_sha256, ledger_sequence";

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    <T> T run(String operation, ExportJdbc.Work<T> work) {
        return ExportJdbc.run(dataSource, operation, work);
    }

    void insert(String id, DatasetRequest request, String by, String role, Instant now) {
        run("creating a training-set export", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO export_dataset (id, workflow_key, period_from, "
                    + "period_to, format, model_snapshot_id, guideline_version_id, sources, label, state, requested_by, "
                    + "requested_role, requested_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, request.workflow());
                s.setObject(3, utc(request.from()));
                s.setObject(4, utc(request.to()));
                s.setString(5, request.format().name());
                s.setString(6, request.modelSnapshotId().orElse(null));
                s.setString(7, request.guidelineVersionId().orElse(null));
                s.setString(8, request.sources().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                s.setString(9, request.label().orElse(null));
                s.setString(10, by);
                s.setString(11, role);
                s.setObject(12, utc(now));
                s.setObject(13, utc(now));
                return s.executeUpdate();
            }
        });
    }

    Optional<DatasetJob> find(String id, Instant now) {
        return run("reading a training-set export", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM export_dataset WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(job(c, r, now)) : Optional.empty();
                }
            }
        });
    }

    List<DatasetJob> recent(int limit, Instant now) {
        return run("listing training-set exports", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM export_dataset ORDER BY requested_at DESC, id")) {
                s.setMaxRows(limit);
                List<DatasetJob> jobs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        jobs.add(job(c, r, now));
                    }
                }
                return jobs;
            }
        });
    }

    boolean completed(String id) {
        return run("looking up a training-set export", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM export_dataset WHERE id = ? AND state = 'COMPLETED'")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Moves an export from QUEUED to RUNNING; false if another server took it first. */
    boolean start(String id, Instant now) {
        return run("starting a training-set export", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_dataset SET state = 'RUNNING', started_at = ?, "
                    + "heartbeat_at = ? WHERE id = ? AND state = 'QUEUED'")) {
                s.setObject(1, utc(now));
                s.setObject(2, utc(now));
                s.setString(3, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    void progress(String id, long done, long total, Instant now) {
        run("recording a training-set export's progress", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_dataset SET rows_done = ?, rows_total = ?, "
                    + "heartbeat_at = ? WHERE id = ?")) {
                s.setLong(1, done);
                s.setLong(2, total);
                s.setObject(3, utc(now));
                s.setString(4, id);
                return s.executeUpdate();
            }
        });
    }

    void fail(String id, String failure, Instant now) {
        run("recording a training-set export's failure", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_dataset SET state = 'FAILED', failure = ?, "
                    + "finished_at = ? WHERE id = ? AND state = 'RUNNING'")) {
                s.setString(1, failure.length() > 2000 ? failure.substring(0, 2000) : failure);
                s.setObject(2, utc(now));
                s.setString(3, id);
                return s.executeUpdate();
            }
        });
    }

    /** Marks queued or running exports whose heartbeat is stale as interrupted; returns how many. */
    int markInterrupted(Instant now) {
        return run("marking interrupted training-set exports", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_dataset SET state = 'INTERRUPTED', finished_at = ?, "
                    + "failure = 'the server running it stopped' WHERE state IN ('RUNNING', 'QUEUED') "
                    + "AND COALESCE(heartbeat_at, requested_at) < ?")) {
                s.setObject(1, utc(now));
                s.setObject(2, utc(now.minus(JobRun.STALE)));
                return s.executeUpdate();
            }
        });
    }

    /** Inside the completion transaction: one file, streamed from {@code content}. */
    void storeFile(String id, int position, DatasetJob.DatasetFile file, InputStream content, Instant now) {
        run("storing a training-set file", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO export_dataset_file (dataset_id, name, position, "
                    + "media_type, rows_count, size_bytes, sha256, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, file.name());
                s.setInt(3, position);
                s.setString(4, file.mediaType());
                s.setLong(5, file.rows());
                s.setLong(6, file.bytes());
                s.setString(7, file.sha256());
                s.setBinaryStream(8, content, file.bytes());
                s.setObject(9, utc(now));
                return s.executeUpdate();
            }
        });
    }

    /** Inside the completion transaction: the manifest and the COMPLETED state. */
    void complete(String id, String manifest, String manifestSha256, long rows, Instant now) {
        run("completing a training-set export", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_dataset SET state = 'COMPLETED', finished_at = ?, "
                    + "manifest = ?, manifest_sha256 = ?, rows_done = ?, rows_total = ? WHERE id = ? AND state = 'RUNNING'")) {
                s.setObject(1, utc(now));
                s.setString(2, manifest);
                s.setString(3, manifestSha256);
                s.setLong(4, rows);
                s.setLong(5, rows);
                s.setString(6, id);
                if (s.executeUpdate() != 1) {
                    throw new SQLException("export " + id + " is no longer running");
                }
            }
            return null;
        });
    }

    void ledgerSequence(String id, long sequence) {
        run("recording a training-set export's ledger entry", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_dataset SET ledger_sequence = ? WHERE id = ?")) {
                s.setLong(1, sequence);
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
    }

    /** Streams a file; false if the export has no such file content (not completed, or removed by retention). */
    boolean writeFile(String id, String name, OutputStream out) {
        return run("reading a training-set file", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT content FROM export_dataset_file "
                    + "WHERE dataset_id = ? AND name = ? AND content IS NOT NULL")) {
                s.setString(1, id);
                s.setString(2, name);
                return JobRun.streamContent(s, out);
            }
        });
    }

    /** Removes the content of files of exports finished before {@code cutoff}; manifests, digests and ledger entries stay. */
    int purgeFiles(Instant cutoff) {
        return run("applying training-set retention", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_dataset_file SET content = NULL WHERE content IS NOT NULL "
                    + "AND dataset_id IN (SELECT id FROM export_dataset WHERE finished_at < ?)")) {
                s.setObject(1, utc(cutoff));
                return s.executeUpdate();
            }
        });
    }

    private static List<DatasetJob.DatasetFile> files(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, media_type, rows_count, size_bytes, sha256 "
                + "FROM export_dataset_file WHERE dataset_id = ? ORDER BY position")) {
            s.setString(1, id);
            List<DatasetJob.DatasetFile> files = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.add(new DatasetJob.DatasetFile(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
                            r.getString(5)));
                }
            }
            return files;
        }
    }

    private static DatasetJob job(Connection c, ResultSet r, Instant now) throws SQLException {
        JobRun run = JobRun.of(r, now);
        String sources = r.getString("sources");
        Set<DecisionSource> sourceSet = sources.isEmpty() ? Set.of()
                : Arrays.stream(sources.split(",")).map(DecisionSource::valueOf).collect(Collectors.toSet());
        String id = r.getString("id");
        return new DatasetJob(id, r.getString("workflow_key"), instant(r, "period_from").orElseThrow(),
                instant(r, "period_to").orElseThrow(), DatasetFormat.valueOf(r.getString("format")),
                Optional.ofNullable(r.getString("model_snapshot_id")), Optional.ofNullable(r.getString("guideline_version_id")),
                sourceSet, Optional.ofNullable(r.getString("label")), run.state(), r.getString("requested_by"),
                r.getString("requested_role"), instant(r, "requested_at").orElseThrow(), run.started(), run.finished(),
                run.rowsDone(), run.rowsTotal(), run.eta(), run.failure(), Optional.ofNullable(r.getString("manifest")),
                Optional.ofNullable(r.getString("manifest_sha256")),
                run.state() == JobState.COMPLETED ? files(c, id) : List.of(), run.ledgerSequence());
    }
}
