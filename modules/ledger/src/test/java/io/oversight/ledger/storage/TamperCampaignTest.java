package io.oversight.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.format.TrustedKey;
import io.oversight.ledger.format.VerificationException;
import io.oversight.ledger.format.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC L9 against the database: a sealed log of a few thousand entries is tampered with at random,
 * each time inside a transaction that is rolled back afterwards (PostgreSQL: with the append-only
 * triggers bypassed as a superuser could). Every tampering must be detected both by the online
 * verifier and by the offline {@link io.oversight.ledger.format.BundleVerifier} on a bundle exported
 * from the tampered database, naming the right first bad entry where one is defined.
 */
class TamperCampaignTest {

    private static final int TRIALS = 200;

    @TempDir
    Path tmp;

    /** A tampering applied, and the first bad sequence numbers each verifier may report (empty: any failure). */
    private record Tampering(String what, Set<Long> online, Set<Long> offline, BundleRequest bundle,
            Optional<Long> earlierCheckpoint) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyTamperingIsDetectedOnlineAndOffline(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 1_000, 1_000_000);
        Random random = new Random(20260301L + database.ordinal());
        while (true) {
            long size = LedgerHead.readSize(ledger.dataSource);
            if (size >= 2_500) {
                break;
            }
            ledger.grow(10 + random.nextInt(50), 1_000);
        }
        String trustFile = ledger.trustFile();
        List<TrustedKey> trust = ledger.trust();
        List<Long> checkpointSizes = checkpointSizes(ledger);
        long size = checkpointSizes.get(checkpointSizes.size() - 1);
        assertTrue(ledger.verifyOnline(0).verified(), "the pristine log verifies");

        int located = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            try (Connection connection = ledger.dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    if (database == TestDatabase.POSTGRES) {
                        connection.createStatement().execute("SET LOCAL session_replication_role = replica");
                    }
                    Tampering t = tamper(connection, random, size, checkpointSizes, trial);
                    String context = "trial " + trial + " (" + t.what() + ")";
                    OnlineVerifier.Outcome online = new OnlineVerifier(LedgerHarness.ORIGIN).verify(connection, 0, c -> { });
                    assertTrue(online.failure().isPresent(), context + " was not detected online");
                    located += checkLocated(context + " online", online.failure().get(), t.online());

                    Path bundle = ledger.export(connection, t.bundle(), trustFile);
                    Optional<byte[]> earlier = t.earlierCheckpoint().isEmpty() ? Optional.empty()
                            : Optional.of(noteAt(connection, t.earlierCheckpoint().get()));
                    VerificationReport offline = LedgerHarness.verifyOffline(bundle, trust, earlier);
                    assertTrue(offline.failure().isPresent(), context + " was not detected offline");
                    checkLocated(context + " offline", offline.failure().get(), t.offline());
                } finally {
                    connection.rollback();
                }
            }
        }
        assertTrue(located >= TRIALS / 2, "most tamperings have a defined first bad entry: " + located);
        assertTrue(ledger.verifyOnline(0).verified(), "every tampering was rolled back");
    }

    private static int checkLocated(String context, VerificationException failure, Set<Long> expected) {
        if (expected.isEmpty()) {
            return 0;
        }
        OptionalLong reported = failure.sequence();
        assertTrue(reported.isPresent() && expected.contains(reported.getAsLong()),
                context + ": expected first bad sequence in " + expected + ", got " + failure);
        return 1;
    }

    private static Tampering tamper(Connection connection, Random random, long size, List<Long> checkpoints, int trial)
            throws SQLException {
        long k = 1 + random.nextInt((int) size - 3);
        BundleRequest whole = BundleRequest.wholeLog();
        switch (trial % 11) {
            case 0, 1, 2 -> {
                byte[] bytes = bytesAt(connection, "SELECT entry_bytes FROM ledger_entry WHERE seq = " + k);
                int at = random.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                update(connection, "UPDATE ledger_entry SET entry_bytes = ? WHERE seq = " + k, bytes);
                // Online, the stored leaf hash pins the altered row itself; offline only the chain link
                // of the next entry can show it.
                return new Tampering("flip a bit of entry " + k + " at byte " + at, Set.of(k), Set.of(k, k + 1), whole,
                        Optional.empty());
            }
            case 3 -> {
                execute(connection, "DELETE FROM ledger_entry WHERE seq = " + k);
                return new Tampering("delete entry " + k, Set.of(k), Set.of(k), whole, Optional.empty());
            }
            case 4 -> {
                shiftFrom(connection, k);
                execute(connection, copyRow(k + 2, k));
                return new Tampering("insert a copy of entry " + (k + 1) + " before entry " + k, Set.of(k), Set.of(k),
                        whole, Optional.empty());
            }
            case 5 -> {
                shiftFrom(connection, k + 1);
                execute(connection, copyRow(k, k + 1));
                return new Tampering("duplicate entry " + k, Set.of(k + 1), Set.of(k + 1), whole, Optional.empty());
            }
            case 6 -> {
                execute(connection, "UPDATE ledger_entry SET seq = -1 WHERE seq = " + k);
                execute(connection, "UPDATE ledger_entry SET seq = " + k + " WHERE seq = " + (k + 1));
                execute(connection, "UPDATE ledger_entry SET seq = " + (k + 1) + " WHERE seq = -1");
                return new Tampering("swap entries " + k + " and " + (k + 1), Set.of(k), Set.of(k), whole, Optional.empty());
            }
            case 7 -> {
                execute(connection, "DELETE FROM ledger_entry WHERE seq >= " + k);
                return new Tampering("truncate the log at entry " + k, Set.of(k), Set.of(k), whole, Optional.empty());
            }
            case 8 -> {
                // A tile hash only matters offline where a proof uses it: the consistency proof from
                // an earlier checkpoint of size m starts at the node of leaf m - 1 (m not a power of two).
                List<Long> usable = checkpoints.stream()
                        .filter(m -> Long.bitCount(m) > 1 && (m - 1) / 256 < size / 256 && m + 1 < size).toList();
                long m = usable.get(random.nextInt(usable.size()));
                long tile = (m - 1) / 256;
                int position = (int) ((m - 1) % 256);
                byte[] hashes = bytesAt(connection, "SELECT hashes FROM ledger_tile WHERE tile_level = 0 AND tile_index = " + tile);
                int at = position * 32 + random.nextInt(32);
                hashes[at] ^= (byte) (1 << random.nextInt(8));
                update(connection, "UPDATE ledger_tile SET hashes = ? WHERE tile_level = 0 AND tile_index = " + tile, hashes);
                return new Tampering("flip a bit of hash " + position + " of tile 0/" + tile, Set.of(m - 1), Set.of(),
                        new BundleRequest(m + 1, OptionalLong.empty(), OptionalLong.of(m)), Optional.of(m));
            }
            case 9 -> {
                long tile = random.nextInt((int) (size / 256) - 1);
                byte[] root = bytesAt(connection, "SELECT root_hash FROM ledger_tile WHERE tile_level = 0 AND tile_index = " + tile);
                root[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                update(connection, "UPDATE ledger_tile SET root_hash = ? WHERE tile_level = 0 AND tile_index = " + tile, root);
                // Offline, the root of a tile shapes the prefix of a bundle starting right after it.
                return new Tampering("flip a bit of the stored root of tile 0/" + tile, Set.of(tile * 256), Set.of(),
                        new BundleRequest((tile + 1) * 256, OptionalLong.empty(), OptionalLong.empty()), Optional.empty());
            }
            default -> {
                long at = checkpoints.get(random.nextInt(checkpoints.size()));
                String note = noteText(connection, at);
                int i = random.nextInt(note.length());
                char replacement = note.charAt(i) == 'A' ? 'B' : 'A';
                String tampered = note.substring(0, i) + replacement + note.substring(i + 1);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE ledger_checkpoint SET note = ? WHERE tree_size = ?")) {
                    update.setString(1, tampered);
                    update.setLong(2, at);
                    update.executeUpdate();
                }
                // A bundle carries the range's edge checkpoints and those asked for (ADR 0024): the
                // auditor checking this checkpoint asks for it.
                return new Tampering("change character " + i + " of the checkpoint note at size " + at, Set.of(), Set.of(),
                        whole.withCheckpoints(List.of(at)), Optional.empty());
            }
        }
    }

    /** Renumbers entries {@code from} and above one up, in two steps so no key collides on the way. */
    private static void shiftFrom(Connection connection, long from) throws SQLException {
        execute(connection, "UPDATE ledger_entry SET seq = -seq - 2 WHERE seq >= " + from);
        execute(connection, "UPDATE ledger_entry SET seq = -seq - 1 WHERE seq < 0");
    }

    private static String copyRow(long source, long target) {
        return "INSERT INTO ledger_entry (seq, record_id, logged_at_micros, workflow, action_type, actor_pseudonym,"
                + " subject_kind, subject_id, guideline_version_id, model_snapshot_id, entry_bytes, leaf_hash)"
                + " SELECT " + target + ", record_id, logged_at_micros, workflow, action_type, actor_pseudonym,"
                + " subject_kind, subject_id, guideline_version_id, model_snapshot_id, entry_bytes, leaf_hash"
                + " FROM ledger_entry WHERE seq = " + source;
    }

    private static List<Long> checkpointSizes(LedgerHarness ledger) throws SQLException {
        List<Long> sizes = new ArrayList<>();
        try (Connection connection = ledger.dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT tree_size FROM ledger_checkpoint ORDER BY tree_size")) {
            while (rows.next()) {
                sizes.add(rows.getLong(1));
            }
        }
        return sizes;
    }

    private static byte[] noteAt(Connection connection, long size) throws SQLException {
        return noteText(connection, size).getBytes(StandardCharsets.UTF_8);
    }

    private static String noteText(Connection connection, long size) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SELECT note FROM ledger_checkpoint WHERE tree_size = " + size)) {
            row.next();
            return row.getString(1);
        }
    }

    private static byte[] bytesAt(Connection connection, String sql) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getBytes(1);
        }
    }

    private static void update(Connection connection, String sql, byte[] value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setBytes(1, value);
            update.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
