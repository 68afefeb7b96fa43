package io.oversight.ledger.storage;

import io.oversight.ledger.ConsistencyProof;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.EntryPage;
import io.oversight.ledger.InclusionProof;
import io.oversight.ledger.LedgerRangeException;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.SignedCheckpoint;
import io.oversight.ledger.SubjectRef;
import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.EntryCodec;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.ledger.format.LedgerHashes;
import io.oversight.ledger.format.MalformedEntryException;
import io.oversight.ledger.format.TiledTree;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The auditor's read paths on a connection in the caller's transaction: filtered
 * keyset paging by sequence over the indexed columns, entries decoded from their stored bytes, and
 * proofs built from stored tiles in a few reads. Stateless and thread-safe.
 */
public final class LedgerQueries {

    private static final String ENTRY_COLUMNS = "seq, entry_bytes";

    /**
     * Matching entries after {@code afterSequence} in the filter's order (above it oldest first, below it
     * newest first), at most {@code limit}. The filter columns only select rows; what is returned is
     * decoded from the stored bytes.
     */
    public EntryPage entries(Connection connection, EntryFilter filter, OptionalLong afterSequence, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE seq "
                + (filter.newestFirst() ? "< ?" : "> ?"));
        List<Object> parameters = new ArrayList<>();
        parameters.add(afterSequence.orElse(filter.newestFirst() ? Long.MAX_VALUE : -1));
        filter.from().ifPresent(t -> condition(sql, parameters, "logged_at_micros >= ?", Micros.of(t)));
        filter.to().ifPresent(t -> condition(sql, parameters, "logged_at_micros < ?", Micros.of(t)));
        filter.actorPseudonym().ifPresent(v -> condition(sql, parameters, "actor_pseudonym = ?", v));
        filter.actionType().ifPresent(v -> condition(sql, parameters, "action_type = ?", v));
        filter.workflow().ifPresent(v -> condition(sql, parameters, "workflow = ?", v));
        filter.subjectKind().ifPresent(v -> condition(sql, parameters, "subject_kind = ?", v));
        filter.subjectId().ifPresent(v -> condition(sql, parameters, "subject_id = ?", v));
        filter.guidelineVersionId().ifPresent(v -> condition(sql, parameters, "guideline_version_id = ?", v));
        filter.modelSnapshotId().ifPresent(v -> condition(sql, parameters, "model_snapshot_id = ?", v));
        filter.actionContains().ifPresent(v -> condition(sql, parameters, "LOWER(action_type) LIKE ? ESCAPE '\\'",
                containsPattern(v)));
        sql.append(filter.newestFirst() ? " ORDER BY seq DESC LIMIT ?" : " ORDER BY seq LIMIT ?");
        parameters.add(limit + 1);
        List<StoredEntry> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new StoredEntry(result.getLong(1), result.getBytes(2)));
                }
            }
        }
        boolean more = rows.size() > limit;
        List<StoredEntry> page = more ? rows.subList(0, limit) : rows;
        List<SealedEntry> entries = sealed(connection, page);
        OptionalLong next = more ? OptionalLong.of(page.get(page.size() - 1).sequence()) : OptionalLong.empty();
        return new EntryPage(entries, next);
    }

    /** A LIKE pattern matching {@code text} anywhere, lower-cased; its own % and _ match only themselves. */
    static String containsPattern(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public Optional<SealedEntry> entry(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE seq = ?")) {
            select.setLong(1, sequence);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(sealed(connection, List.of(new StoredEntry(row.getLong(1), row.getBytes(2)))).get(0));
            }
        }
    }

    /** The inclusion proof of entry {@code sequence} in the latest checkpoint's tree, if it covers it. */
    public Optional<InclusionProof> inclusionProof(Connection connection, long sequence) throws SQLException {
        Optional<SignedCheckpoint> latest = latestCheckpoint(connection);
        if (latest.isEmpty() || sequence >= latest.get().size()) {
            return Optional.empty();
        }
        byte[] bytes = Prefixes.entryBytes(connection, sequence);
        TiledTree tree = new TiledTree(new DatabaseTileStore(connection), latest.get().size());
        List<Digest> hashes = tree.inclusionProof(sequence).stream().map(Digest::of).toList();
        return Optional.of(new InclusionProof(sequence, Digest.of(LedgerHashes.leafHash(bytes)), hashes, latest.get()));
    }

    public Optional<SignedCheckpoint> latestCheckpoint(Connection connection) throws SQLException {
        Optional<Checkpoints.StoredCheckpoint> latest = Checkpoints.latest(connection);
        return latest.isPresent() ? Optional.of(latest.get().parse()) : Optional.empty();
    }

    public Optional<SignedCheckpoint> checkpoint(Connection connection, long treeSize) throws SQLException {
        Optional<Checkpoints.StoredCheckpoint> found = Checkpoints.atSize(connection, treeSize);
        return found.isPresent() ? Optional.of(found.get().parse()) : Optional.empty();
    }

    /**
     * The consistency proof between two sizes up to the latest checkpoint's.
     *
     * @throws LedgerRangeException unless {@code 1 <= fromSize <= toSize <= latest checkpoint size}
     */
    public ConsistencyProof consistencyProof(Connection connection, long fromSize, long toSize) throws SQLException {
        long latest = Checkpoints.latest(connection).map(Checkpoints.StoredCheckpoint::treeSize).orElse(0L);
        if (fromSize < 1 || fromSize > toSize || toSize > latest) {
            throw new LedgerRangeException("a consistency proof needs 1 <= from <= to <= " + latest
                    + " (the latest checkpoint's size), got from " + fromSize + " to " + toSize);
        }
        TiledTree tree = new TiledTree(new DatabaseTileStore(connection), toSize);
        return new ConsistencyProof(fromSize, toSize, tree.consistencyProof(fromSize).stream().map(Digest::of).toList());
    }

    private record StoredEntry(long sequence, byte[] bytes) {
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        sql.append(" AND ").append(condition);
        parameters.add(value);
    }

    private static List<SealedEntry> sealed(Connection connection, List<StoredEntry> rows) throws SQLException {
        List<LedgerEntry> decoded = new ArrayList<>(rows.size());
        Set<String> pseudonyms = new LinkedHashSet<>();
        for (StoredEntry row : rows) {
            LedgerEntry entry;
            try {
                entry = EntryCodec.decode(row.bytes());
            } catch (MalformedEntryException e) {
                throw new SQLException("stored entry " + row.sequence() + " does not decode (run a verification): "
                        + e.getMessage(), e);
            }
            decoded.add(entry);
            pseudonyms.add(entry.actorPseudonym());
            if (SubjectRef.PERSON.equals(entry.subjectKind())) {
                pseudonyms.add(entry.subjectId());
            }
        }
        Set<String> erased = erasedAmong(connection, pseudonyms);
        List<SealedEntry> sealed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LedgerEntry entry = decoded.get(i);
            Set<String> erasedHere = new HashSet<>();
            if (erased.contains(entry.actorPseudonym())) {
                erasedHere.add(entry.actorPseudonym());
            }
            if (SubjectRef.PERSON.equals(entry.subjectKind()) && erased.contains(entry.subjectId())) {
                erasedHere.add(entry.subjectId());
            }
            byte[] bytes = rows.get(i).bytes();
            sealed.add(new SealedEntry(entry, bytes, Digest.of(LedgerHashes.leafHash(bytes)), erasedHere));
        }
        return sealed;
    }

    private static Set<String> erasedAmong(Connection connection, Set<String> pseudonyms) throws SQLException {
        if (pseudonyms.isEmpty()) {
            return Set.of();
        }
        Set<String> erased = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pseudonym FROM ledger_vault_subject WHERE erased_at_micros IS NOT NULL AND pseudonym = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("VARCHAR", pseudonyms.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    erased.add(rows.getString(1));
                }
            }
        }
        return erased;
    }
}
