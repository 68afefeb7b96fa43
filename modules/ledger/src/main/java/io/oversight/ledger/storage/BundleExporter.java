package io.oversight.ledger.storage;

import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.LedgerRangeException;
import io.oversight.ledger.format.BundlePrefix;
import io.oversight.ledger.format.BundleWriter;
import io.oversight.ledger.format.TiledTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Exports a range of the stored log as an offline bundle through {@link BundleWriter}:
 * entries streamed from the database in constant memory, exactly as stored; the checkpoint notes an
 * auditor needs, as stored (the range's first, its last, and those asked for); the prefix (Merkle
 * border from stored tiles, and the entry before the range with its chain hash) for a range not
 * starting at 0; a consistency proof from the auditor's earlier checkpoint when asked; and the
 * trust file for information. Nothing is checked or repaired on the way out:
 * that is the verifier's job. Runs in the caller's transaction, which should be a snapshot
 * (REPEATABLE READ). Stateless and thread-safe.
 */
public final class BundleExporter {

    private final String origin;

    public BundleExporter(String origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * Writes the bundle as a zip to {@code out}.
     *
     * @param trustFile the log's trust file, included for information
     * @return the tree size the bundle ends at (its last checkpoint)
     * @throws LedgerRangeException if no signed checkpoint covers the range, or it is empty
     */
    public long export(Connection connection, BundleRequest request, String trustFile, OutputStream out)
            throws SQLException, IOException {
        long wanted = request.toSize().orElse(Checkpoints.latest(connection).map(Checkpoints.StoredCheckpoint::treeSize)
                .orElseThrow(() -> new LedgerRangeException("no checkpoint has been signed yet: nothing to export")));
        long to = Checkpoints.atOrAbove(connection, wanted).map(Checkpoints.StoredCheckpoint::treeSize)
                .orElseThrow(() -> new LedgerRangeException("no signed checkpoint covers size " + wanted + " yet"));
        long from = request.fromSequence();
        if (from >= to) {
            throw new LedgerRangeException("the bundle would start at entry " + from + " but ends at size " + to);
        }
        BundlePrefix prefix = Prefixes.of(connection, from, to);
        try (BundleWriter writer = BundleWriter.toZip(out, origin, prefix)) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT entry_bytes FROM ledger_entry WHERE seq >= ? AND seq < ? ORDER BY seq")) {
                select.setLong(1, from);
                select.setLong(2, to);
                select.setFetchSize(2_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        writer.addEntry(rows.getBytes(1));
                    }
                }
            }
            for (Checkpoints.StoredCheckpoint checkpoint : selectCheckpoints(connection, request, from, to)) {
                writer.addStoredCheckpoint(checkpoint.treeSize(), checkpoint.note().getBytes(StandardCharsets.UTF_8));
            }
            if (request.consistencyFromSize().isPresent()) {
                addConsistencyProof(connection, writer, request.consistencyFromSize().getAsLong(), from, to);
            }
            writer.addTrustFile(trustFile);
        }
        return to;
    }

    /**
     * The checkpoints an auditor needs, not all of the range's (one is signed per second of
     * activity): the first at or after {@code from}, which pins the range's start; the one at
     * {@code to}, which covers its last entry (the latest of the log by default); and those asked for.
     */
    private static Collection<Checkpoints.StoredCheckpoint> selectCheckpoints(Connection connection, BundleRequest request,
            long from, long to) throws SQLException {
        SortedMap<Long, Checkpoints.StoredCheckpoint> selected = new TreeMap<>();
        Checkpoints.atOrAbove(connection, from).ifPresent(c -> selected.put(c.treeSize(), c));
        Checkpoints.atSize(connection, to).ifPresent(c -> selected.put(c.treeSize(), c));
        // BundleRequest keeps the sizes within [from, toSize], and to is at least toSize.
        for (long size : request.checkpointSizes()) {
            Checkpoints.StoredCheckpoint asked = Checkpoints.atSize(connection, size)
                    .orElseThrow(() -> new LedgerRangeException("no checkpoint was signed at tree size " + size));
            selected.put(size, asked);
        }
        return selected.values();
    }

    /**
     * Adds the proof between the auditor's earlier size and the bundle's last checkpoint, unless the
     * earlier size lies within the bundle, where the verifier recomputes the root itself.
     */
    private static void addConsistencyProof(Connection connection, BundleWriter writer, long earlier, long from, long to)
            throws SQLException {
        if (earlier >= from && earlier <= to) {
            return;
        }
        long latest = Checkpoints.latest(connection).map(Checkpoints.StoredCheckpoint::treeSize).orElse(0L);
        if (earlier > latest) {
            throw new LedgerRangeException("no checkpoint of size " + earlier + " exists; the latest is " + latest);
        }
        long older = Math.min(earlier, to);
        long newer = Math.max(earlier, to);
        writer.addConsistencyProof(older, newer,
                new TiledTree(new DatabaseTileStore(connection), newer).consistencyProof(older));
    }
}
