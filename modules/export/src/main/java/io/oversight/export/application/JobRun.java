package io.oversight.export.application;

import static io.oversight.kernel.SqlValues.instant;

import io.oversight.export.JobState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far an export job's run got, read the same way from a report job's row and a training-set
 * export's row (ADR 0015): a job whose heartbeat is stale lost its server and is shown as interrupted
 * by every server, and a running job's ETA is extrapolated from its rows done so far.
 */
record JobRun(JobState state, Optional<Instant> started, Optional<Instant> finished, long rowsDone, long rowsTotal,
        Optional<Duration> eta, Optional<String> failure, Optional<Long> ledgerSequence) {

    /** A running job whose heartbeat is older than this lost its server (heartbeats come every page, within a second). */
    static final Duration STALE = Duration.ofSeconds(30);

    /** The run of the job on the current row (columns state, started_at, heartbeat_at, requested_at, finished_at, rows_done, rows_total, failure, ledger_sequence). */
    static JobRun of(ResultSet r, Instant now) throws SQLException {
        JobState state = JobState.valueOf(r.getString("state"));
        Optional<Instant> started = instant(r, "started_at");
        Optional<Instant> heartbeat = instant(r, "heartbeat_at");
        Optional<String> failure = Optional.ofNullable(r.getString("failure"));
        // a running job whose server stopped is shown as what it is, whichever server is asked
        if (!state.finished() && heartbeat.orElse(instant(r, "requested_at").orElseThrow()).isBefore(now.minus(STALE))) {
            state = JobState.INTERRUPTED;
            failure = Optional.of("the server running it stopped");
        }
        long done = r.getLong("rows_done");
        long total = r.getLong("rows_total");
        Optional<Duration> eta = Optional.empty();
        if (state == JobState.RUNNING && started.isPresent() && done > 0 && total >= done) {
            long elapsed = Duration.between(started.get(), now).toMillis();
            eta = Optional.of(Duration.ofMillis(elapsed * (total - done) / done));
        }
        long sequence = r.getLong("ledger_sequence");
        Optional<Long> ledgerSequence = r.wasNull() ? Optional.empty() : Optional.of(sequence);
        return new JobRun(state, started, instant(r, "finished_at"), done, total, eta, failure, ledgerSequence);
    }

    /** Streams the first column of the query's first row, a stored file's content; false when there is no row. */
    static boolean streamContent(PreparedStatement query, OutputStream out) throws SQLException {
        try (ResultSet r = query.executeQuery()) {
            if (!r.next()) {
                return false;
            }
            try (InputStream in = r.getBinaryStream(1)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }
    }
}
