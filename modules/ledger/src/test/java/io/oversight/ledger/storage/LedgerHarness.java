package io.oversight.ledger.storage;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.RecordId;
import io.oversight.ledger.SignedCheckpoint;
import io.oversight.ledger.format.BundleReader;
import io.oversight.ledger.format.BundleVerifier;
import io.oversight.ledger.format.MalformedBundleException;
import io.oversight.ledger.format.MalformedTrustException;
import io.oversight.ledger.format.TrustFile;
import io.oversight.ledger.format.TrustedKey;
import io.oversight.ledger.format.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A ledger on a fresh test database, driven by hand: record in committed or rolled-back local
 * transactions, seal, sign, verify online and offline.
 */
final class LedgerHarness {

    static final String ORIGIN = "oversight.test/ledger";
    static final String FIRST_KEY = "ledger-key-1";

    final TestDatabase database;
    final DataSource dataSource;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    final LedgerSettings settings;
    final LedgerKeyStore keyStore;
    final Sequencer sequencer;
    private final Path tmp;

    LedgerHarness(TestDatabase database, Path tmp, int batchSize, long checkpointMaxEntries) {
        this(database, database.fresh(LedgerTestSchema.MIGRATIONS), tmp, batchSize, checkpointMaxEntries);
    }

    LedgerHarness(TestDatabase database, DataSource dataSource, Path tmp, int batchSize, long checkpointMaxEntries) {
        this.database = database;
        this.dataSource = dataSource;
        this.tmp = tmp;
        this.settings = new LedgerSettings(ORIGIN, FIRST_KEY, batchSize, checkpointMaxEntries, Duration.ofHours(1));
        this.keyStore = LedgerKeyStore.open(tmp.resolve("ledger.p12"), "test-password".toCharArray(), ORIGIN, FIRST_KEY, true);
        this.sequencer = new Sequencer(settings, keyStore, clock);
    }

    /** Records one fixture record per key in one committed transaction. */
    List<RecordId> recordCommitted(String... keys) throws SQLException {
        return record(true, keys);
    }

    void recordRolledBack(String... keys) throws SQLException {
        record(false, keys);
    }

    private List<RecordId> record(boolean commit, String... keys) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<RecordId> ids = new java.util.ArrayList<>();
            for (String key : keys) {
                ids.add(Outbox.append(connection, FixtureRecords.record(key), Micros.now(clock)));
            }
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return ids;
        }
    }

    /** Records one fixture record per key as one batch ({@link Outbox#appendAll}), committed or rolled back. */
    void recordBatch(boolean commit, String... keys) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Outbox.appendAll(connection, java.util.Arrays.stream(keys).map(FixtureRecords::record).toList(),
                    Micros.now(clock));
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    RecordId record(LedgerRecord record) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Outbox.append(connection, record, Micros.now(clock));
        }
    }

    /** Records and seals {@code count} fixture records, {@code perBatch} at a time, signing after each batch. */
    void grow(int count, int perBatch) throws SQLException {
        for (int done = 0; done < count; done += perBatch) {
            int n = Math.min(perBatch, count - done);
            String[] keys = new String[n];
            for (int i = 0; i < n; i++) {
                keys[i] = "k" + (done + i);
            }
            recordCommitted(keys);
            sealAll();
            checkpointNow();
            clock.advance(Duration.ofMillis(3));
        }
    }

    long sealAll() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long sealed = 0;
            long cycle;
            do {
                cycle = sequencer.runCycle(connection);
                sealed += cycle;
            } while (cycle > 0);
            return sealed;
        }
    }

    Optional<SignedCheckpoint> checkpointNow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return sequencer.signCheckpointNow(connection);
        }
    }

    OnlineVerifier.Outcome verifyOnline(long from) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return new OnlineVerifier(ORIGIN).verify(connection, from, checked -> { });
            } finally {
                connection.rollback();
            }
        }
    }

    String trustFile() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new KeyManagement(settings, keyStore, clock).trustFile(connection);
        }
    }

    List<TrustedKey> trust() throws SQLException {
        try {
            return TrustFile.parse(trustFile().getBytes(StandardCharsets.UTF_8));
        } catch (MalformedTrustException e) {
            throw new AssertionError(e);
        }
    }

    /** Exports with a connection in the state the caller left it (e.g. inside a tampering transaction). */
    Path export(Connection connection, BundleRequest request, String trustFile) throws SQLException, IOException {
        Path zip = Files.createTempFile(tmp, "bundle", ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            new BundleExporter(ORIGIN).export(connection, request, trustFile, out);
        }
        return zip;
    }

    Path export(BundleRequest request) throws SQLException, IOException {
        String trust = trustFile();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return export(connection, request, trust);
            } finally {
                connection.rollback();
            }
        }
    }

    static VerificationReport verifyOffline(Path bundle, List<TrustedKey> trust, Optional<byte[]> earlier)
            throws IOException {
        try (BundleReader reader = BundleReader.open(bundle)) {
            return new BundleVerifier(ORIGIN, trust).verify(reader, earlier);
        } catch (MalformedBundleException e) {
            return new VerificationReport(ORIGIN, 0, 0, List.of(), Optional.empty(), List.of(), Optional.of(e));
        }
    }
}
