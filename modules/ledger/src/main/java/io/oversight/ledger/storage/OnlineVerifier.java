package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerRangeException;
import io.oversight.ledger.format.BundlePrefix;
import io.oversight.ledger.format.ChainHeadMismatchException;
import io.oversight.ledger.format.ChainMismatchException;
import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.CheckpointVerifier;
import io.oversight.ledger.format.CompactRange;
import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.EntryCodec;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.ledger.format.LedgerHashes;
import io.oversight.ledger.format.MalformedEntryException;
import io.oversight.ledger.format.MerkleNode;
import io.oversight.ledger.format.RootMismatchException;
import io.oversight.ledger.format.SequenceMismatchException;
import io.oversight.ledger.format.Tile;
import io.oversight.ledger.format.TileId;
import io.oversight.ledger.format.TiledTree;
import io.oversight.ledger.format.TimeOrderException;
import io.oversight.ledger.format.TrustedKey;
import io.oversight.ledger.format.VerificationException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Verifies the stored log in place, streaming the entries once in sequence order, with
 * the same rules as the offline {@link io.oversight.ledger.format.BundleVerifier} plus checks of
 * everything the server stores beside the entries.
 *
 * <p>Trust: checkpoint signatures are checked against the keys registered in
 * {@code ledger_signing_key} for this origin. The chain and the Merkle tree are each checked on
 * their own terms (immudb CVE-2022-36111): the chain link of every entry, and the root recomputed
 * from the entries' own bytes at every signed checkpoint. Then what the server derived and stored
 * must agree with what is recomputed: each entry's stored leaf hash and filter columns, every full
 * tile and its root, the number of tiles, the head and the checkpoint rows' columns.
 *
 * <p>Per entry the order is: strict decoding, sequence number, stored leaf hash, stored columns,
 * time order, chain link; so the failure names the first entry whose stored row is wrong. Runs in
 * the caller's transaction, which should be a snapshot (REPEATABLE READ) for a consistent view.
 * Stateless and thread-safe.
 */
public final class OnlineVerifier {

    /** How often, in entries, progress is reported. */
    public static final int PROGRESS_INTERVAL = 10_000;

    /**
     * The outcome: what was checked, and the first failure if any.
     *
     * @param fromSequence        first entry checked
     * @param treeSize            the log's size; entries up to treeSize - 1 were checked
     * @param entriesChecked      entries that passed every check before the failure, if any
     * @param checkpointsVerified signed checkpoints whose signature, root and chain head matched
     * @param tilesChecked        full tiles compared with recomputed ones
     * @param notices             facts that are not failures
     * @param failure             the first failed check
     */
    public record Outcome(long fromSequence, long treeSize, long entriesChecked, int checkpointsVerified,
            long tilesChecked, List<String> notices, Optional<VerificationException> failure) {

        public boolean verified() {
            return failure.isEmpty();
        }
    }

    private final String origin;

    public OnlineVerifier(String origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * Verifies entries {@code from} to the end of the log, and every checkpoint from size
     * {@code from} on.
     *
     * @param progress receives the number of entries checked, every {@value #PROGRESS_INTERVAL}
     * @throws LedgerRangeException if {@code from} lies beyond the log
     */
    public Outcome verify(Connection connection, long from, LongConsumer progress) throws SQLException {
        LedgerHead head = LedgerHead.read(connection);
        if (from < 0 || from > head.treeSize()) {
            throw new LedgerRangeException("cannot verify from entry " + from + ": the log has " + head.treeSize() + " entries");
        }
        Run run = new Run(connection, head, from, progress);
        try {
            run.verify();
        } catch (VerificationException e) {
            run.failure = Optional.of(e);
        }
        return new Outcome(from, head.treeSize(), run.checked, run.checkpointsVerified, run.tilesChecked,
                List.copyOf(run.notices), run.failure);
    }

    /** The state of one verification. */
    private final class Run {
        private final Connection connection;
        private final LedgerHead head;
        private final long from;
        private final LongConsumer progress;
        private final List<String> notices = new ArrayList<>();
        private Optional<VerificationException> failure = Optional.empty();
        private long checked;
        private int checkpointsVerified;
        private long tilesChecked;

        private CompactRange tree;
        private byte[] chain;
        private long lastLoggedAt = Long.MIN_VALUE;
        /** Per tile level, the node hashes of the tile being filled, and that tile's index (-1: not aligned yet). */
        private final byte[][] tileBuffers = new byte[8][];
        private final long[] tileIndex = new long[8];
        private final int[] tileFill = new int[8];

        Run(Connection connection, LedgerHead head, long from, LongConsumer progress) {
            this.connection = connection;
            this.head = head;
            this.from = from;
            this.progress = progress;
            Arrays.fill(tileIndex, -1);
        }

        void verify() throws SQLException, VerificationException {
            List<Checkpoint> checkpoints = verifiedCheckpoints();
            startFromPrefix();
            long position = from;
            int next = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, logged_at_micros, workflow,"
                    + " action_type, actor_pseudonym, subject_kind, subject_id, guideline_version_id, model_snapshot_id,"
                    + " entry_bytes, leaf_hash FROM ledger_entry WHERE seq >= ? ORDER BY seq")) {
                select.setLong(1, from);
                select.setFetchSize(2_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (true) {
                        while (next < checkpoints.size() && checkpoints.get(next).size() == position) {
                            checkAgainst(checkpoints.get(next++));
                        }
                        if (!rows.next()) {
                            break;
                        }
                        if (position == head.treeSize()) {
                            throw new SequenceMismatchException(position, "found a stored entry beyond the log's"
                                    + " size " + head.treeSize() + " recorded in its head");
                        }
                        checkEntry(position, rows);
                        position++;
                        if (++checked % PROGRESS_INTERVAL == 0) {
                            progress.accept(checked);
                        }
                    }
                }
            }
            if (position < head.treeSize()) {
                throw new SequenceMismatchException(position, "the stored entries end there, while the log's head"
                        + " records " + head.treeSize() + " entries");
            }
            if (!Arrays.equals(chain, head.chainHead().bytes())) {
                throw new ChainHeadMismatchException(position, head.chainHead(), Digest.of(chain));
            }
            checkTileCount();
            long covered = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).size();
            if (covered < head.treeSize()) {
                notices.add("entries " + Math.max(covered, from) + " to " + (head.treeSize() - 1)
                        + " are sealed but no signed checkpoint covers them yet: their chain was checked, their root"
                        + " will be with the next checkpoint");
            }
            progress.accept(checked);
        }

        private List<Checkpoint> verifiedCheckpoints() throws SQLException, VerificationException {
            List<Checkpoints.StoredCheckpoint> stored = Checkpoints.between(connection, from, Long.MAX_VALUE);
            List<TrustedKey> keys = SigningKeys.trusted(connection);
            if (stored.isEmpty()) {
                notices.add("no signed checkpoint covers entries from " + from + " on");
                return List.of();
            }
            if (keys.isEmpty()) {
                throw StoredDataMismatchException.of("checkpoints are stored but no signing key is registered");
            }
            CheckpointVerifier verifier = new CheckpointVerifier(origin, keys);
            List<Checkpoint> verified = new ArrayList<>();
            for (Checkpoints.StoredCheckpoint row : stored) {
                Checkpoint checkpoint = verifier.verify(row.note().getBytes(StandardCharsets.UTF_8));
                if (checkpoint.size() != row.treeSize() || checkpoint.timeMicros() != row.timeMicros()
                        || !checkpoint.rootHash().matches(row.rootHash()) || !checkpoint.chainHead().matches(row.chainHead())) {
                    throw StoredDataMismatchException.of("the columns of the checkpoint row at size " + row.treeSize()
                            + " differ from its signed note");
                }
                if (checkpoint.size() > head.treeSize()) {
                    throw new SequenceMismatchException(head.treeSize(), "a signed checkpoint covers " + checkpoint.size()
                            + " entries, more than the log's head records");
                }
                if (!verified.isEmpty() && checkpoint.timeMicros() < verified.get(verified.size() - 1).timeMicros()) {
                    throw new TimeOrderException(checkpoint.size() - 1, "the checkpoint at size " + checkpoint.size()
                            + " is dated before the checkpoint at size " + verified.get(verified.size() - 1).size());
                }
                verified.add(checkpoint);
            }
            long latest = verified.get(verified.size() - 1).size();
            if (latest != head.checkpointSize()) {
                throw StoredDataMismatchException.of("the head records its latest checkpoint at size "
                        + head.checkpointSize() + " but the latest stored one is at size " + latest);
            }
            return verified;
        }

        private void startFromPrefix() throws SQLException, VerificationException {
            if (from == 0) {
                tree = CompactRange.empty();
                chain = Digest.zero().bytes();
                return;
            }
            BundlePrefix prefix;
            try {
                prefix = Prefixes.of(connection, from, head.treeSize());
                LedgerEntry previous = EntryCodec.decode(Prefixes.entryBytes(connection, from - 1));
                lastLoggedAt = previous.loggedAtMicros();
            } catch (MalformedEntryException e) {
                throw new MalformedEntryException(from - 1, e);
            } catch (IllegalStateException e) {
                throw StoredDataMismatchException.at(from - 1, "cannot rebuild the tree before entry " + from + ": "
                        + e.getMessage());
            }
            tree = prefix.toCompactRange();
            chain = prefix.previousChainHash().bytes();
            notices.add("verification starts at entry " + from + "; the tree before it was read from stored tiles,"
                    + " which the signed roots authenticate");
        }

        private void checkEntry(long sequence, ResultSet row) throws SQLException, VerificationException {
            byte[] bytes = row.getBytes(10);
            LedgerEntry entry;
            try {
                entry = EntryCodec.decode(bytes);
            } catch (MalformedEntryException e) {
                throw new MalformedEntryException(sequence, e);
            }
            if (entry.sequence() != sequence || row.getLong(1) != sequence) {
                throw new SequenceMismatchException(sequence, "found entry " + entry.sequence() + " in row " + row.getLong(1));
            }
            byte[] leaf = LedgerHashes.leafHash(bytes);
            byte[] storedLeaf = row.getBytes(11);
            if (!Arrays.equals(leaf, storedLeaf)) {
                throw StoredDataMismatchException.hash("stored leaf hash of entry " + sequence, sequence, leaf,
                        storedLeaf.length == Digest.LENGTH ? storedLeaf : new byte[Digest.LENGTH]);
            }
            checkColumns(sequence, entry, row);
            if (entry.loggedAtMicros() < lastLoggedAt) {
                throw new TimeOrderException(sequence, "sealed at " + Micros.toInstant(entry.loggedAtMicros())
                        + ", before entry " + (sequence - 1) + " sealed at " + Micros.toInstant(lastLoggedAt));
            }
            if (!entry.previousEntryHash().matches(chain)) {
                throw new ChainMismatchException(sequence, Digest.of(chain), entry.previousEntryHash());
            }
            for (MerkleNode node : tree.append(leaf)) {
                collectTileNode(node);
            }
            chain = LedgerHashes.chainHash(bytes);
            lastLoggedAt = entry.loggedAtMicros();
        }

        private void checkColumns(long sequence, LedgerEntry entry, ResultSet row) throws SQLException,
                StoredDataMismatchException {
            String[][] columns = {
                    {"workflow", row.getString(3), entry.workflow()},
                    {"action_type", row.getString(4), entry.actionType()},
                    {"actor_pseudonym", row.getString(5), entry.actorPseudonym()},
                    {"subject_kind", row.getString(6), entry.subjectKind()},
                    {"subject_id", row.getString(7), entry.subjectId()},
                    {"guideline_version_id", row.getString(8), entry.guidelineVersionId()},
                    {"model_snapshot_id", row.getString(9), entry.modelSnapshotId()},
            };
            if (row.getLong(2) != entry.loggedAtMicros()) {
                throw StoredDataMismatchException.at(sequence, "column logged_at_micros of entry " + sequence + " is "
                        + row.getLong(2) + " but the entry says " + entry.loggedAtMicros());
            }
            for (String[] column : columns) {
                if (!column[2].equals(column[1])) {
                    throw StoredDataMismatchException.at(sequence, "column " + column[0] + " of entry " + sequence
                            + " is \"" + column[1] + "\" but the entry says \"" + column[2] + "\"");
                }
            }
        }

        private void checkAgainst(Checkpoint checkpoint) throws VerificationException {
            if (!checkpoint.chainHead().matches(chain)) {
                throw new ChainHeadMismatchException(checkpoint.size(), checkpoint.chainHead(), Digest.of(chain));
            }
            byte[] root = tree.root();
            if (!checkpoint.rootHash().matches(root)) {
                throw new RootMismatchException("Merkle root of the first " + checkpoint.size()
                        + " entries (signed checkpoint at size " + checkpoint.size() + ")", checkpoint.rootHash().bytes(), root);
            }
            if (checkpoint.timeMicros() < lastLoggedAt) {
                throw new TimeOrderException(checkpoint.size() - 1, "the checkpoint at size " + checkpoint.size()
                        + " is dated " + checkpoint.time() + ", before its last entry was sealed");
            }
            checkpointsVerified++;
        }

        /**
         * Gathers the recomputed nodes of each tile level; once 256 of a tile that lies wholly in the
         * verified range are complete, compares them with the stored tile and its root.
         */
        private void collectTileNode(MerkleNode node) throws SQLException, StoredDataMismatchException {
            if (node.level() % TiledTree.TILE_HEIGHT != 0 || node.level() / TiledTree.TILE_HEIGHT >= 8) {
                return;
            }
            int t = node.level() / TiledTree.TILE_HEIGHT;
            if (tileIndex[t] < 0) {
                if (node.index() % TiledTree.TILE_WIDTH != 0 || node.index() << node.level() < from) {
                    return;
                }
                tileIndex[t] = node.index() / TiledTree.TILE_WIDTH;
                tileBuffers[t] = new byte[Tile.BYTES];
                tileFill[t] = 0;
            }
            System.arraycopy(node.hash(), 0, tileBuffers[t], tileFill[t] * Digest.LENGTH, Digest.LENGTH);
            if (++tileFill[t] == TiledTree.TILE_WIDTH) {
                compareTile(new Tile(new TileId(t, tileIndex[t]), tileBuffers[t]));
                tileIndex[t]++;
                tileFill[t] = 0;
            }
        }

        private void compareTile(Tile recomputed) throws SQLException, StoredDataMismatchException {
            TileId id = recomputed.id();
            long firstLeaf = id.index() * TiledTree.TILE_WIDTH << id.nodeLevel();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT hashes, root_hash FROM ledger_tile WHERE tile_level = ? AND tile_index = ?")) {
                select.setInt(1, id.level());
                select.setLong(2, id.index());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw StoredDataMismatchException.at(firstLeaf, "full tile " + id.level() + "/" + id.index()
                                + " is missing");
                    }
                    byte[] stored = row.getBytes(1);
                    byte[] expected = recomputed.hashes();
                    for (int p = 0; p < TiledTree.TILE_WIDTH; p++) {
                        int at = p * Digest.LENGTH;
                        if (stored.length < at + Digest.LENGTH
                                || !Arrays.equals(stored, at, at + Digest.LENGTH, expected, at, at + Digest.LENGTH)) {
                            byte[] found = stored.length < at + Digest.LENGTH ? new byte[Digest.LENGTH]
                                    : Arrays.copyOfRange(stored, at, at + Digest.LENGTH);
                            long node = id.index() * TiledTree.TILE_WIDTH + p;
                            throw StoredDataMismatchException.hash("hash " + p + " of stored tile " + id.level() + "/"
                                    + id.index() + " (tree node " + id.nodeLevel() + "/" + node + ")",
                                    node << id.nodeLevel(), recomputed.hash(p), found);
                        }
                    }
                    if (stored.length != Tile.BYTES) {
                        throw StoredDataMismatchException.at(firstLeaf, "stored tile " + id.level() + "/" + id.index()
                                + " is " + stored.length + " bytes");
                    }
                    byte[] storedRoot = row.getBytes(2);
                    if (!Arrays.equals(storedRoot, recomputed.root())) {
                        throw StoredDataMismatchException.hash("stored root of tile " + id.level() + "/" + id.index(),
                                firstLeaf, recomputed.root(),
                                storedRoot.length == Digest.LENGTH ? storedRoot : new byte[Digest.LENGTH]);
                    }
                }
            }
            tilesChecked++;
        }

        private void checkTileCount() throws SQLException, StoredDataMismatchException {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT tile_level, COUNT(*), MAX(tile_index) FROM ledger_tile GROUP BY tile_level");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int t = rows.getInt(1);
                    long expected = t >= 8 ? 0 : head.treeSize() >>> (TiledTree.TILE_HEIGHT * (t + 1));
                    if (rows.getLong(2) != expected || expected > 0 && rows.getLong(3) != expected - 1) {
                        throw StoredDataMismatchException.of(rows.getLong(2) + " tiles are stored at tile level " + t
                                + " (highest index " + rows.getLong(3) + "), a tree of " + head.treeSize()
                                + " entries has " + expected);
                    }
                }
            }
        }
    }
}
