package io.oversight.export.application;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.export.JobState;
import io.oversight.export.ReportFormat;
import io.oversight.export.ReportJob;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Job rows and artifact files in the database. A connection taken inside a JTA transaction is
 * enlisted in it (the completion), outside one it commits each statement (progress, heartbeats).
 */
@ApplicationScoped
public class JobStore {

    private static final String COLUMNS = "id, workflow_key, period_from, period_to, state, requested_by, requested_role, "
            + "requested_at, started_at, finished_at, heartbeat_at, rows_done, rows_total, failure, xml_sha256, pdf_sha256, "
            + "ledger_sequence, attempts";

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    <T> T run(String operation, ExportJdbc.Work<T> work) {
        return ExportJdbc.run(dataSource, operation, work);
    }

    void insert(String id, Optional<String> workflow, Instant from, Instant to, String by, String role, Instant now) {
        run("creating a report job", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO export_job (id, kind, workflow_key, period_from, "
                    + "period_to, state, requested_by, requested_role, requested_at) VALUES (?, 'REPORT', ?, ?, ?, 'QUEUED', ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, workflow.orElse(null));
                s.setObject(3, utc(from));
                s.setObject(4, utc(to));
                s.setString(5, by);
                s.setString(6, role);
                s.setObject(7, utc(now));
                return s.executeUpdate();
            }
        });
    }

    Optional<ReportJob> find(String id, Instant now) {
        return run("reading a report job", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM export_job WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(job(r, now)) : Optional.empty();
                }
            }
        });
    }

    List<ReportJob> recent(int limit, Instant now) {
        return run("listing report jobs", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM export_job ORDER BY requested_at DESC, id")) {
                s.setMaxRows(limit);
                List<ReportJob> jobs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        jobs.add(job(r, now));
                    }
                }
                return jobs;
            }
        });
    }

    /** Moves a job from one of {@code from} to {@code to}; false if it was in none of them. */
    boolean transition(String id, List<JobState> from, JobState to, Instant now) {
        String states = String.join(",", from.stream().map(s -> "'" + s.name() + "'").toList());
        return run("changing a report job's state", c -> {
            String extra = switch (to) {
                case RUNNING -> ", started_at = ?, heartbeat_at = ?, rows_done = 0, rows_total = 0, failure = NULL";
                case QUEUED -> ", attempts = attempts + 1, cancel_requested = FALSE, failure = NULL, finished_at = NULL, heartbeat_at = ?";
                default -> ", finished_at = ?";
            };
            try (PreparedStatement s = c.prepareStatement("UPDATE export_job SET state = ?" + extra
                    + " WHERE id = ? AND state IN (" + states + ")")) {
                int i = 1;
                s.setString(i++, to.name());
                s.setObject(i++, utc(now));
                if (to == JobState.RUNNING) {
                    s.setObject(i++, utc(now));
                }
                s.setString(i, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    void fail(String id, JobState state, String failure, Instant now) {
        run("recording a report job's failure", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_job SET state = ?, failure = ?, finished_at = ? "
                    + "WHERE id = ? AND state = 'RUNNING'")) {
                s.setString(1, state.name());
                s.setString(2, failure.length() > 2000 ? failure.substring(0, 2000) : failure);
                s.setObject(3, utc(now));
                s.setString(4, id);
                return s.executeUpdate();
            }
        });
    }

    /** Records progress and the heartbeat; returns whether someone asked the job to stop. */
    boolean progress(String id, long done, long total, Instant now) {
        return run("recording a report job's progress", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_job SET rows_done = ?, rows_total = ?, heartbeat_at = ? "
                    + "WHERE id = ?")) {
                s.setLong(1, done);
                s.setLong(2, total);
                s.setObject(3, utc(now));
                s.setString(4, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT cancel_requested FROM export_job WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getBoolean(1);
                }
            }
        });
    }

    boolean requestCancel(String id) {
        return run("cancelling a report job", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_job SET cancel_requested = TRUE "
                    + "WHERE id = ? AND state IN ('QUEUED', 'RUNNING')")) {
                s.setString(1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Marks running or queued jobs whose heartbeat is stale as interrupted; returns how many. */
    int markInterrupted(Instant now) {
        return run("marking interrupted report jobs", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_job SET state = 'INTERRUPTED', finished_at = ?, "
                    + "failure = 'the server running it stopped' WHERE state IN ('RUNNING', 'QUEUED') "
                    + "AND COALESCE(heartbeat_at, requested_at) < ?")) {
                s.setObject(1, utc(now));
                s.setObject(2, utc(now.minus(JobRun.STALE)));
                return s.executeUpdate();
            }
        });
    }

    /** Inside the completion transaction: the files and the COMPLETED state, both or neither. */
    void complete(String id, byte[] xml, String xmlSha, byte[] pdf, String pdfSha, Instant now) {
        run("storing a report's files", c -> {
            storeArtifact(c, id, ReportFormat.XML, xml, xmlSha, now);
            storeArtifact(c, id, ReportFormat.PDF, pdf, pdfSha, now);
            try (PreparedStatement s = c.prepareStatement("UPDATE export_job SET state = 'COMPLETED', finished_at = ?, "
                    + "xml_sha256 = ?, pdf_sha256 = ?, rows_done = rows_total WHERE id = ? AND state = 'RUNNING'")) {
                s.setObject(1, utc(now));
                s.setString(2, xmlSha);
                s.setString(3, pdfSha);
                s.setString(4, id);
                if (s.executeUpdate() != 1) {
                    throw new SQLException("job " + id + " is no longer running");
                }
            }
            return null;
        });
    }

    private static void storeArtifact(Connection c, String id, ReportFormat format, byte[] content, String sha,
            Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO export_artifact (job_id, format, media_type, size_bytes, "
                + "sha256, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, format.name());
            s.setString(3, format.mediaType());
            s.setLong(4, content.length);
            s.setString(5, sha);
            s.setBytes(6, content);
            s.setObject(7, utc(now));
            s.executeUpdate();
        }
    }

    void ledgerSequence(String id, long sequence) {
        run("recording a report's ledger entry", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE export_job SET ledger_sequence = ? WHERE id = ?")) {
                s.setLong(1, sequence);
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
    }

    /** Streams a file; false if the job has none of that format (not completed, or removed by retention). */
    boolean writeArtifact(String id, ReportFormat format, OutputStream out) {
        return run("reading a report's file", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT content FROM export_artifact WHERE job_id = ? AND format = ?")) {
                s.setString(1, id);
                s.setString(2, format.name());
                return JobRun.streamContent(s, out);
            }
        });
    }

    /** Deletes the files of jobs finished before {@code cutoff}; the jobs and their ledger entries stay. */
    int purgeArtifacts(Instant cutoff) {
        return run("applying report retention", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM export_artifact WHERE job_id IN "
                    + "(SELECT id FROM export_job WHERE finished_at < ?)")) {
                s.setObject(1, utc(cutoff));
                return s.executeUpdate();
            }
        });
    }

    private static ReportJob job(ResultSet r, Instant now) throws SQLException {
        JobRun run = JobRun.of(r, now);
        return new ReportJob(r.getString("id"), Optional.ofNullable(r.getString("workflow_key")),
                instant(r, "period_from").orElseThrow(), instant(r, "period_to").orElseThrow(), run.state(),
                r.getString("requested_by"), r.getString("requested_role"), instant(r, "requested_at").orElseThrow(),
                run.started(), run.finished(), run.rowsDone(), run.rowsTotal(), run.eta(), run.failure(),
                Optional.ofNullable(r.getString("xml_sha256")), Optional.ofNullable(r.getString("pdf_sha256")),
                run.ledgerSequence(), r.getInt("attempts"));
    }
}
