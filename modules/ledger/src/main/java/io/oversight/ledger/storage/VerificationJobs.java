package io.oversight.ledger.storage;

import io.oversight.ledger.VerificationFailure;
import io.oversight.ledger.VerificationState;
import io.oversight.ledger.VerificationStatus;
import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.VerificationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Online verification jobs in {@code ledger_verification}, so any server can answer for a job
 * another one runs. Each method is one statement; callers use autocommit connections.
 */
public final class VerificationJobs {

    private static final int MAX_TEXT = 4000;

    private VerificationJobs() {
    }

    public static void create(Connection connection, String jobId, long from, long to, String requestedBy, long nowMicros)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_verification (job_id, from_seq,"
                + " to_seq, state, checked, requested_by, started_at_micros) VALUES (?, ?, ?, ?, 0, ?, ?)")) {
            insert.setString(1, jobId);
            insert.setLong(2, from);
            insert.setLong(3, to);
            insert.setString(4, VerificationState.RUNNING.name());
            insert.setString(5, requestedBy);
            insert.setLong(6, nowMicros);
            insert.executeUpdate();
        }
    }

    public static void progress(Connection connection, String jobId, long checked) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ledger_verification SET checked = ? WHERE job_id = ? AND state = ?")) {
            update.setLong(1, checked);
            update.setString(2, jobId);
            update.setString(3, VerificationState.RUNNING.name());
            update.executeUpdate();
        }
    }

    /** Records how a job ended: verified or failed with the outcome's first failure. */
    public static void finish(Connection connection, String jobId, OnlineVerifier.Outcome outcome, long nowMicros)
            throws SQLException {
        Optional<VerificationException> failure = outcome.failure();
        end(connection, jobId, failure.isPresent() ? VerificationState.FAILED : VerificationState.VERIFIED,
                outcome.entriesChecked(), failure.map(f -> f.kind().name()), failure.flatMap(f -> boxed(f.sequence())),
                failure.map(Throwable::getMessage), failure.flatMap(VerificationException::expected),
                failure.flatMap(VerificationException::actual), String.join("\n", outcome.notices()), nowMicros);
    }

    /** Records that a job could not finish, which says nothing about the log. */
    public static void abort(Connection connection, String jobId, String reason, long nowMicros) throws SQLException {
        end(connection, jobId, VerificationState.ABORTED, -1, Optional.of("ABORTED"), Optional.empty(),
                Optional.of(reason), Optional.empty(), Optional.empty(), "", nowMicros);
    }

    public static Optional<VerificationStatus> find(Connection connection, String jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT from_seq, to_seq, state, checked,"
                + " requested_by, started_at_micros, finished_at_micros, failure_kind, first_bad_seq, message,"
                + " expected_hash, actual_hash, notices FROM ledger_verification WHERE job_id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long finished = row.getLong(7);
                Optional<java.time.Instant> finishedAt = row.wasNull() ? Optional.empty() : Optional.of(Micros.toInstant(finished));
                long firstBad = row.getLong(9);
                OptionalLong firstBadSequence = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(firstBad);
                String kind = row.getString(8);
                Optional<VerificationFailure> failure = kind == null ? Optional.empty()
                        : Optional.of(new VerificationFailure(kind, firstBadSequence, row.getString(10),
                                Optional.ofNullable(row.getString(11)).map(Digest::fromHex),
                                Optional.ofNullable(row.getString(12)).map(Digest::fromHex)));
                String notices = row.getString(13);
                List<String> noticeList = notices == null || notices.isEmpty() ? List.of() : Arrays.asList(notices.split("\n"));
                return Optional.of(new VerificationStatus(jobId, VerificationState.valueOf(row.getString(3)), row.getLong(1),
                        row.getLong(2), row.getLong(4), row.getString(5), Micros.toInstant(row.getLong(6)), finishedAt,
                        failure, noticeList));
            }
        }
    }

    private static void end(Connection connection, String jobId, VerificationState state, long checked,
            Optional<String> kind, Optional<Long> firstBad, Optional<String> message, Optional<Digest> expected,
            Optional<Digest> actual, String notices, long nowMicros) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ledger_verification SET state = ?,"
                + " checked = CASE WHEN ? < 0 THEN checked ELSE ? END, finished_at_micros = ?, failure_kind = ?,"
                + " first_bad_seq = ?, message = ?, expected_hash = ?, actual_hash = ?, notices = ? WHERE job_id = ?")) {
            update.setString(1, state.name());
            update.setLong(2, checked);
            update.setLong(3, checked);
            update.setLong(4, nowMicros);
            update.setString(5, kind.orElse(null));
            update.setObject(6, firstBad.orElse(null), java.sql.Types.BIGINT);
            update.setString(7, message.map(VerificationJobs::clip).orElse(null));
            update.setString(8, expected.map(Digest::hex).orElse(null));
            update.setString(9, actual.map(Digest::hex).orElse(null));
            update.setString(10, clip(notices));
            update.setString(11, jobId);
            update.executeUpdate();
        }
    }

    private static Optional<Long> boxed(OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
