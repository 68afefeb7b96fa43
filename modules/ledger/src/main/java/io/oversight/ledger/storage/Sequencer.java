package io.oversight.ledger.storage;

import io.oversight.ledger.SignedCheckpoint;
import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.CheckpointVerifier;
import io.oversight.ledger.format.CompactRange;
import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.EntryCodec;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.ledger.format.LedgerHashes;
import io.oversight.ledger.format.MalformedEntryException;
import io.oversight.ledger.format.ProofVerifier;
import io.oversight.ledger.format.Tile;
import io.oversight.ledger.format.TileStore;
import io.oversight.ledger.format.TiledTree;
import io.oversight.ledger.format.VerificationException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals committed outbox records into the log and signs checkpoints.
 *
 * <p>A batch is sealed in one local transaction that first locks the head row, so sequencers on any
 * number of servers take turns and never fork the chain: it takes the oldest committed records (the
 * outbox id keeps each transaction's own order), gives them the next sequence numbers and a
 * loggedAt that never goes backwards (max of the clock and the previous entry's, Trillian #1138),
 * fills in each entry's previous-entry hash, inserts the entries with their leaf hashes and any tile
 * the batch completed, deletes the records from the outbox and stores the new head.
 *
 * <p>A checkpoint is signed in a later transaction, so only committed data is ever signed; before
 * signing, the root is recomputed from storage (tiles and leaf hashes) and compared with the sealed
 * border, the stored last entry is checked against the chain head, and the new tree is proven to
 * extend the previous signed checkpoint. Any disagreement refuses the signature
 * ({@link CheckpointRefusedException}).
 *
 * <p>One instance per server; its methods are not meant to be called concurrently (the service
 * runs them on one scheduled task). Each method uses the given connection's own transactions.
 */
public final class Sequencer {

    /**
     * A committed batch.
     *
     * @param firstSequence    sequence number of its first entry
     * @param count            number of entries sealed
     * @param loggedAtMicros   the loggedAt given to its entries
     * @param recordedAtMicros when each record was written to the outbox, in sealing order
     */
    public record SealedBatch(long firstSequence, int count, long loggedAtMicros, long[] recordedAtMicros) {
    }

    private static final String INSERT_ENTRY = "INSERT INTO ledger_entry (seq, record_id, logged_at_micros, workflow,"
            + " action_type, actor_pseudonym, subject_kind, subject_id, guideline_version_id, model_snapshot_id,"
            + " entry_bytes, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final LedgerSettings settings;
    private final LedgerKeyStore keyStore;
    private final Clock clock;
    private long lastCheckpointNanos = System.nanoTime();

    public Sequencer(LedgerSettings settings, LedgerKeyStore keyStore, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Seals batches until the outbox holds less than a batch, signing checkpoints as they fall due.
     *
     * @return number of entries sealed
     */
    public long runCycle(Connection connection) throws SQLException {
        long sealed = 0;
        while (true) {
            Optional<SealedBatch> batch = sealNextBatch(connection);
            if (batch.isEmpty()) {
                break;
            }
            sealed += batch.get().count();
            signCheckpointIfDue(connection);
            if (batch.get().count() < settings.batchSize()) {
                break;
            }
        }
        signCheckpointIfDue(connection);
        return sealed;
    }

    /** Seals the oldest committed records, at most one batch, in one transaction. */
    public Optional<SealedBatch> sealNextBatch(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            LedgerHead head = LedgerHead.lock(connection);
            List<Outbox.PendingRecord> pending = Outbox.oldest(connection, settings.batchSize());
            if (pending.isEmpty()) {
                connection.commit();
                return Optional.empty();
            }
            long oldSize = head.treeSize();
            long loggedAt = Math.max(Micros.now(clock), head.lastLoggedAtMicros());
            CompactRange border = head.border();
            Digest chain = head.chainHead();
            List<byte[]> leaves = new ArrayList<>(pending.size());
            long[] recordedAt = new long[pending.size()];
            long sequence = oldSize;
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
                for (Outbox.PendingRecord record : pending) {
                    byte[] bytes;
                    LedgerEntry entry;
                    try {
                        bytes = EntryCodec.withPosition(record.template(), sequence, chain, loggedAt);
                        entry = EntryCodec.decode(bytes);
                    } catch (MalformedEntryException | IllegalArgumentException e) {
                        throw new CorruptOutboxRecordException(record.id(), e);
                    }
                    byte[] leaf = LedgerHashes.leafHash(bytes);
                    insert.setLong(1, sequence);
                    insert.setLong(2, record.id());
                    insert.setLong(3, loggedAt);
                    insert.setString(4, entry.workflow());
                    insert.setString(5, entry.actionType());
                    insert.setString(6, entry.actorPseudonym());
                    insert.setString(7, entry.subjectKind());
                    insert.setString(8, entry.subjectId());
                    insert.setString(9, entry.guidelineVersionId());
                    insert.setString(10, entry.modelSnapshotId());
                    insert.setBytes(11, bytes);
                    insert.setBytes(12, leaf);
                    insert.addBatch();
                    border.append(leaf);
                    leaves.add(leaf);
                    chain = Digest.of(LedgerHashes.chainHash(bytes));
                    recordedAt[(int) (sequence - oldSize)] = record.recordedAtMicros();
                    sequence++;
                }
                insert.executeBatch();
            }
            List<Tile> tiles = TiledTree.newFullTiles(new BatchTileStore(connection, oldSize, leaves), oldSize, sequence);
            DatabaseTileStore.insert(connection, tiles);
            Outbox.remove(connection, pending);
            new LedgerHead(sequence, chain, loggedAt, border, head.checkpointSize(), head.checkpointTimeMicros())
                    .storeAppended(connection);
            connection.commit();
            return Optional.of(new SealedBatch(oldSize, pending.size(), loggedAt, recordedAt));
        } catch (SQLException | RuntimeException | Error e) {
            Sql.rollbackQuietly(connection, e);
            throw e;
        }
    }

    /**
     * Signs a checkpoint of everything sealed if one is due: {@code checkpointMaxEntries} entries are
     * uncovered, or uncovered entries exist and {@code checkpointMaxDelay} passed since this
     * sequencer's last checkpoint.
     */
    public Optional<SignedCheckpoint> signCheckpointIfDue(Connection connection) throws SQLException {
        return signCheckpoint(connection, false);
    }

    /** Signs a checkpoint of everything sealed, unless the latest checkpoint already covers it. */
    public Optional<SignedCheckpoint> signCheckpointNow(Connection connection) throws SQLException {
        return signCheckpoint(connection, true);
    }

    private Optional<SignedCheckpoint> signCheckpoint(Connection connection, boolean force) throws SQLException {
        connection.setAutoCommit(false);
        try {
            LedgerHead head = LedgerHead.lock(connection);
            long size = head.treeSize();
            long uncovered = size - head.checkpointSize();
            boolean due = uncovered >= settings.checkpointMaxEntries()
                    || uncovered > 0 && System.nanoTime() - lastCheckpointNanos >= settings.checkpointMaxDelay().toNanos();
            if (uncovered == 0 || !force && !due) {
                connection.commit();
                return Optional.empty();
            }
            byte[] root = checkedRoot(connection, head);
            long now = Micros.now(clock);
            SigningKeys.SigningKey key = SigningKeys.currentOrRegister(connection, keyStore, settings.signingKeyAlias(), now);
            long time = Math.max(Math.max(now, head.lastLoggedAtMicros()),
                    Math.max(head.checkpointTimeMicros(), key.notBeforeMicros()));
            Checkpoint checkpoint = new Checkpoint(settings.origin(), size, Digest.of(root), head.chainHead(), time);
            String note = keyStore.signer(key.alias()).sign(checkpoint);
            Checkpoints.insert(connection, checkpoint, key.label(), note);
            LedgerHead.storeCheckpoint(connection, size, time);
            connection.commit();
            lastCheckpointNanos = System.nanoTime();
            return Optional.of(new SignedCheckpoint(checkpoint, note, key.label()));
        } catch (SQLException | RuntimeException | Error e) {
            Sql.rollbackQuietly(connection, e);
            throw e;
        }
    }

    /** The root at the head's size, recomputed from storage and checked as the class comment says. */
    private byte[] checkedRoot(Connection connection, LedgerHead head) throws SQLException {
        long size = head.treeSize();
        TiledTree tree = new TiledTree(new DatabaseTileStore(connection), size);
        byte[] root;
        try {
            root = tree.root();
        } catch (IllegalStateException e) {
            throw new CheckpointRefusedException(size, "stored tiles or leaf hashes are missing", e);
        }
        byte[] sealedRoot = head.border().root();
        if (!Arrays.equals(root, sealedRoot)) {
            throw new CheckpointRefusedException(size, "root recomputed from storage " + Digest.of(root)
                    + " differs from the sealed root " + Digest.of(sealedRoot), null);
        }
        byte[] last = lastEntryBytes(connection, size - 1);
        Digest lastChain = Digest.of(LedgerHashes.chainHash(last));
        if (!lastChain.equals(head.chainHead())) {
            throw new CheckpointRefusedException(size, "stored entry " + (size - 1) + " hashes to " + lastChain
                    + ", not to the chain head " + head.chainHead(), null);
        }
        if (head.checkpointSize() > 0) {
            Checkpoints.StoredCheckpoint previous = Checkpoints.atSize(connection, head.checkpointSize())
                    .orElseThrow(() -> new CheckpointRefusedException(size, "the previous checkpoint at size "
                            + head.checkpointSize() + " is missing", null));
            try {
                Checkpoint verified = new CheckpointVerifier(settings.origin(), SigningKeys.trusted(connection))
                        .verify(previous.note().getBytes(StandardCharsets.UTF_8));
                ProofVerifier.verifyConsistency(verified.size(), size, tree.consistencyProof(verified.size()),
                        verified.rootHash().bytes(), root);
            } catch (VerificationException e) {
                throw new CheckpointRefusedException(size, "the log does not verifiably extend the previous"
                        + " checkpoint at size " + head.checkpointSize() + ": " + e.getMessage(), e);
            }
        }
        return root;
    }

    private static byte[] lastEntryBytes(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_bytes FROM ledger_entry WHERE seq = ?")) {
            select.setLong(1, sequence);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new CheckpointRefusedException(sequence + 1, "entry " + sequence + " is missing", null);
                }
                return row.getBytes(1);
            }
        }
    }

    /**
     * The tile store as seen while sealing a batch: the batch's leaf hashes from memory (they are
     * inserted but need not be read back), everything older from the database.
     */
    private static final class BatchTileStore implements TileStore {
        private final DatabaseTileStore stored;
        private final long firstNew;
        private final List<byte[]> newLeaves;

        BatchTileStore(Connection connection, long firstNew, List<byte[]> newLeaves) {
            this.stored = new DatabaseTileStore(connection);
            this.firstNew = firstNew;
            this.newLeaves = newLeaves;
        }

        @Override
        public Optional<byte[]> fullTile(int tileLevel, long tileIndex) {
            return stored.fullTile(tileLevel, tileIndex);
        }

        @Override
        public List<byte[]> leafHashes(long fromIndex, long toIndexExclusive) {
            List<byte[]> hashes = new ArrayList<>((int) (toIndexExclusive - fromIndex));
            if (fromIndex < firstNew) {
                hashes.addAll(stored.leafHashes(fromIndex, Math.min(toIndexExclusive, firstNew)));
            }
            for (long i = Math.max(fromIndex, firstNew); i < toIndexExclusive; i++) {
                hashes.add(newLeaves.get((int) (i - firstNew)));
            }
            return hashes;
        }

        @Override
        public List<byte[]> tileRoots(int tileLevel, long fromTileIndex, long toTileIndexExclusive) {
            return stored.tileRoots(tileLevel, fromTileIndex, toTileIndexExclusive);
        }
    }
}
