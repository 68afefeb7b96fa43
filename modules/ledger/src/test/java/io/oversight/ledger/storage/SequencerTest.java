package io.oversight.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.Actor;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.InclusionProof;
import io.oversight.ledger.KeyRotation;
import io.oversight.ledger.LedgerKeys;
import io.oversight.ledger.RecordId;
import io.oversight.ledger.Roles;
import io.oversight.ledger.SignedCheckpoint;
import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.CheckpointVerifier;
import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.EntryCodec;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.ledger.format.ProofVerifier;
import io.oversight.ledger.format.TiledTree;
import io.oversight.ledger.format.TrustedKey;
import io.oversight.ledger.format.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sealing, checkpoints, proofs and keys, on H2 and PostgreSQL. */
class SequencerTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rolledBackRecordsAreNeverSealedAndCommittedOnesExactlyOnce(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 7, 1_000);
        List<RecordId> committed = new ArrayList<>(ledger.recordCommitted("a", "b", "c"));
        ledger.recordRolledBack("x", "y");
        committed.addAll(ledger.recordCommitted("d"));
        ledger.recordRolledBack("z");
        committed.addAll(ledger.recordCommitted("e", "f", "g", "h", "i", "j", "k", "l", "m"));

        assertEquals(committed.size(), ledger.sealAll());
        assertEquals(0, ledger.sealAll(), "nothing is sealed twice");

        List<String> keys = new ArrayList<>();
        List<Long> recordIds = new ArrayList<>();
        try (Connection connection = ledger.dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT seq, record_id, entry_bytes FROM ledger_entry ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            long expected = 0;
            while (rows.next()) {
                assertEquals(expected++, rows.getLong(1));
                recordIds.add(rows.getLong(2));
                keys.add(EntryCodec.decode(rows.getBytes(3)).attributes().get(FixtureRecords.KEY));
            }
        }
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"), keys,
                "committed records in commit and insertion order, rolled-back ones absent");
        assertEquals(committed.stream().map(RecordId::value).toList(), recordIds);
        ledger.checkpointNow();
        assertTrue(ledger.verifyOnline(0).verified());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchOfRecordsIsSealedInItsOrderAndARolledBackBatchNever(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 4, 1_000);
        ledger.recordCommitted("a");
        ledger.recordBatch(true, "b", "c", "d", "e", "f", "g");
        ledger.recordBatch(false, "x", "y", "z");
        ledger.recordCommitted("h");

        assertEquals(8, ledger.sealAll());
        List<String> keys = new ArrayList<>();
        try (Connection connection = ledger.dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT entry_bytes FROM ledger_entry ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(EntryCodec.decode(rows.getBytes(1)).attributes().get(FixtureRecords.KEY));
            }
        }
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"), keys);
        ledger.checkpointNow();
        assertTrue(ledger.verifyOnline(0).verified());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void loggedAtNeverDecreasesWhenTheClockGoesBackwards(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 100, 1_000);
        ledger.recordCommitted("before");
        ledger.sealAll();
        ledger.clock.advance(Duration.ofHours(-2));
        ledger.recordCommitted("after-jump-back");
        ledger.sealAll();
        SignedCheckpoint checkpoint = ledger.checkpointNow().orElseThrow();
        ledger.clock.advance(Duration.ofHours(-1));
        ledger.recordCommitted("after-second-jump");
        ledger.sealAll();
        SignedCheckpoint second = ledger.checkpointNow().orElseThrow();

        List<Long> loggedAt = new ArrayList<>();
        try (Connection connection = ledger.dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT entry_bytes FROM ledger_entry ORDER BY seq")) {
            while (rows.next()) {
                loggedAt.add(EntryCodec.decode(rows.getBytes(1)).loggedAtMicros());
            }
        }
        assertEquals(3, loggedAt.size());
        assertTrue(loggedAt.get(1) >= loggedAt.get(0) && loggedAt.get(2) >= loggedAt.get(1), loggedAt.toString());
        assertTrue(checkpoint.checkpoint().timeMicros() >= loggedAt.get(1));
        assertTrue(second.checkpoint().timeMicros() >= checkpoint.checkpoint().timeMicros(),
                "checkpoint times never decrease either");
        assertTrue(ledger.verifyOnline(0).verified());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checkpointsAreSignedOnlyForCommittedDataWithTheRootOfStoredTiles(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 300, 1_000_000);
        ledger.grow(700, 350);
        // A record the sequencer cannot seal: the whole batch rolls back and nothing new is signed.
        try (Connection connection = ledger.dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO ledger_pending (recorded_at_micros, template) VALUES (0, ?)")) {
            insert.setBytes(1, new byte[] {1, 2, 3});
            insert.executeUpdate();
        }
        ledger.recordCommitted("after-poison");
        assertThrows(CorruptOutboxRecordException.class, ledger::sealAll);
        SignedCheckpoint latest;
        try (Connection connection = ledger.dataSource.getConnection()) {
            assertEquals(700, LedgerHead.read(connection).treeSize(), "the failed batch left nothing behind");
            latest = new LedgerQueries().latestCheckpoint(connection).orElseThrow();
            assertEquals(700, latest.size());
            connection.createStatement().executeUpdate("DELETE FROM ledger_pending WHERE recorded_at_micros = 0");
        }
        assertEquals(1, ledger.sealAll());
        SignedCheckpoint next = ledger.checkpointNow().orElseThrow();
        assertEquals(701, next.size());

        try (Connection connection = ledger.dataSource.getConnection()) {
            Checkpoint verified = new CheckpointVerifier(LedgerHarness.ORIGIN, ledger.trust())
                    .verify(next.note().getBytes(StandardCharsets.UTF_8));
            byte[] storedRoot = new TiledTree(new DatabaseTileStore(connection), 701).root();
            assertArrayEquals(storedRoot, verified.rootHash().bytes());
            try (ResultSet tiles = connection.createStatement().executeQuery("SELECT COUNT(*) FROM ledger_tile")) {
                tiles.next();
                assertEquals(2, tiles.getLong(1), "two full tiles at 701 entries");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void inclusionProofsFromStoredTilesVerifyAgainstTheSignedCheckpoint(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 500, 1_000_000);
        ledger.grow(1_300, 433);
        try (Connection connection = ledger.dataSource.getConnection()) {
            CheckpointVerifier verifier = new CheckpointVerifier(LedgerHarness.ORIGIN, ledger.trust());
            for (long sequence : new long[] {0, 1, 255, 256, 511, 777, 1_024, 1_298, 1_299}) {
                InclusionProof proof = new LedgerQueries().inclusionProof(connection, sequence).orElseThrow();
                Checkpoint checkpoint = verifier.verify(proof.checkpoint().note().getBytes(StandardCharsets.UTF_8));
                ProofVerifier.verifyInclusion(sequence, checkpoint.size(), proof.leafHash().bytes(),
                        proof.hashes().stream().map(Digest::bytes).toList(), checkpoint.rootHash().bytes());
            }
            assertTrue(new LedgerQueries().inclusionProof(connection, 1_300).isEmpty());
            SignedCheckpoint early = new LedgerQueries().checkpoint(connection, 433).orElseThrow();
            var consistency = new LedgerQueries().consistencyProof(connection, 433, 1_300);
            ProofVerifier.verifyConsistency(433, 1_300, consistency.hashes().stream().map(Digest::bytes).toList(),
                    early.checkpoint().rootHash().bytes(),
                    new LedgerQueries().latestCheckpoint(connection).orElseThrow().checkpoint().rootHash().bytes());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keyRotationKeepsOldCheckpointsVerifiable(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 100, 1_000_000);
        ledger.grow(150, 50);
        KeyRotation rotation;
        try (Connection connection = ledger.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            rotation = new KeyManagement(ledger.settings, ledger.keyStore, ledger.clock)
                    .rotate(connection, "ledger-key-2", new Actor("ps-admin", Roles.ADMIN));
            connection.commit();
        }
        ledger.clock.advance(Duration.ofSeconds(1));
        ledger.grow(120, 60);

        List<TrustedKey> trust = ledger.trust();
        assertEquals(2, trust.size(), ledger.trustFile());
        assertEquals(rotation.previousKey(), trust.get(0).key().encode());
        assertEquals(rotation.newKey(), trust.get(1).key().encode());
        assertEquals(trust.get(0).notAfter(), trust.get(1).notBefore(), "adjacent validity ranges");
        assertEquals(Optional.of(rotation.at()), trust.get(1).notBefore());

        Set<String> signers = new HashSet<>();
        try (Connection connection = ledger.dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT key_label FROM ledger_checkpoint")) {
            while (rows.next()) {
                signers.add(rows.getString(1));
            }
        }
        assertEquals(2, signers.size(), "checkpoints by both keys");
        VerificationReport report = LedgerHarness.verifyOffline(ledger.export(BundleRequest.wholeLog()), trust, Optional.empty());
        assertTrue(report.verified(), () -> report.failure().orElseThrow().getMessage());
        assertTrue(ledger.verifyOnline(0).verified());

        try (Connection connection = ledger.dataSource.getConnection()) {
            LedgerEntry rotated = new LedgerQueries().entries(connection,
                    io.oversight.ledger.EntryFilter.builder().actionType(LedgerKeys.KEY_ROTATED).build(),
                    OptionalLong.empty(), 10).entries().get(0).entry();
            assertEquals("ps-admin", rotated.actorPseudonym());
            assertEquals(rotation.newKey(), rotated.attributes().get("new-key"));
        }
        try (Connection connection = ledger.dataSource.getConnection()) {
            assertThrows(IllegalArgumentException.class, () -> new KeyManagement(ledger.settings, ledger.keyStore,
                    ledger.clock).rotate(connection, "ledger-key-3", new Actor("ps-auditor", Roles.AUDITOR)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void entriesArePagedByKeysetWithFilters(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 100, 1_000_000);
        ledger.grow(60, 20);
        try (Connection connection = ledger.dataSource.getConnection()) {
            LedgerQueries queries = new LedgerQueries();
            List<Long> all = new ArrayList<>();
            OptionalLong after = OptionalLong.empty();
            do {
                var page = queries.entries(connection, io.oversight.ledger.EntryFilter.all(), after, 7);
                page.entries().forEach(e -> all.add(e.sequence()));
                after = page.nextAfterSequence();
            } while (after.isPresent());
            assertEquals(60, all.size());
            assertEquals(59L, all.get(59));

            String workflow = FixtureRecords.record("k5").workflow();
            var filtered = queries.entries(connection, io.oversight.ledger.EntryFilter.builder().workflow(workflow)
                    .subjectId("item-k5").build(), OptionalLong.empty(), 100);
            assertEquals(1, filtered.entries().size());
            assertEquals("k5", filtered.entries().get(0).entry().attributes().get(FixtureRecords.KEY));
            var none = queries.entries(connection, io.oversight.ledger.EntryFilter.builder()
                    .loggedBefore(java.time.Instant.parse("2020-01-01T00:00:00Z")).build(), OptionalLong.empty(), 100);
            assertTrue(none.entries().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void entriesPageNewestFirstAndMatchPartOfTheActionName(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 100, 1_000_000);
        ledger.grow(30, 10);
        try (Connection connection = ledger.dataSource.getConnection()) {
            LedgerQueries queries = new LedgerQueries();
            List<Long> newestFirst = new ArrayList<>();
            OptionalLong after = OptionalLong.empty();
            do {
                var page = queries.entries(connection, io.oversight.ledger.EntryFilter.builder().newestFirst(true).build(),
                        after, 7);
                page.entries().forEach(e -> newestFirst.add(e.sequence()));
                after = page.nextAfterSequence();
            } while (after.isPresent());
            assertEquals(30, newestFirst.size());
            assertEquals(29L, newestFirst.get(0));
            assertEquals(0L, newestFirst.get(29));

            String part = FixtureRecords.ACTION.substring(2, FixtureRecords.ACTION.length() - 2).toUpperCase(java.util.Locale.ROOT);
            var matching = queries.entries(connection, io.oversight.ledger.EntryFilter.builder().actionContains(part).build(),
                    OptionalLong.empty(), 100);
            assertEquals(30, matching.entries().size(), "part of the name, in any case, finds the entries");
            for (String noMatch : new String[] {"%", "_", "no-such-action"}) {
                var none = queries.entries(connection, io.oversight.ledger.EntryFilter.builder().actionContains(noMatch).build(),
                        OptionalLong.empty(), 100);
                assertTrue(none.entries().isEmpty(), noMatch + " is matched literally, not as a wildcard");
            }
        }
    }
}
