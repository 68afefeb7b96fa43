package io.oversight.ledger.storage;

import io.oversight.ledger.Actor;
import io.oversight.ledger.ErasureBlockedException;
import io.oversight.ledger.ErasureReceipt;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.RecordId;
import io.oversight.ledger.RetentionPolicy;
import io.oversight.ledger.RevealedSubject;
import io.oversight.ledger.Roles;
import io.oversight.ledger.SubjectErasedException;
import io.oversight.ledger.SubjectRef;
import io.oversight.ledger.UnknownPseudonymException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym vault on a connection in the caller's transaction.
 *
 * <p>Pseudonyms are random ({@code ps-} and 26 base-32 characters, 130 bits), so they reveal nothing
 * by themselves. A person keeps one pseudonym through a lookup hash: HMAC-SHA-256 of kind and
 * identity under a key derived from the vault key. Each subject has its own random AES-256 key,
 * stored wrapped (AES-GCM) under the vault key; the identity and every declared field are AES-GCM
 * encrypted under the subject key, bound to pseudonym and field name as associated data so that
 * ciphertexts cannot be moved between subjects or fields. {@link VaultCrypto} holds that
 * cryptography; this class keeps its results in the vault's tables.
 *
 * <p>Erasure (crypto-shredding) deletes the wrapped key, the lookup hash and the ciphertexts: the
 * pseudonym remains in the ledger's entries, which still verify, but nothing maps it back to anyone,
 * and the person gets a new pseudonym if they come back. Thread-safe.
 */
public final class Vault {

    /** Field holding the identity the pseudonym was issued for; modules cannot declare fields with this prefix. */
    static final String RESERVED_PREFIX = "oversight.";
    private static final String IDENTITY_FIELD = RESERVED_PREFIX + "identity";
    private static final Duration LAST_USE_GRANULARITY = Duration.ofHours(1);

    private final VaultCrypto crypto;
    private final Clock clock;

    public Vault(SecretKey vaultKey, Clock clock) {
        this.crypto = new VaultCrypto(Objects.requireNonNull(vaultKey, "vaultKey"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The person's pseudonym, issued now if they have none. Two transactions issuing one for the same
     * person at once collide on the lookup hash; the loser fails with a unique-key violation and
     * should retry, finding the winner's pseudonym.
     */
    public String pseudonymFor(Connection connection, PersonKind kind, String identity) throws SQLException {
        Objects.requireNonNull(kind, "kind");
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("identity must not be blank");
        }
        byte[] lookup = crypto.lookupHash(kind, identity);
        long now = Micros.now(clock);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pseudonym, last_used_micros FROM ledger_vault_subject WHERE lookup_hash = ?")) {
            select.setBytes(1, lookup);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    String pseudonym = row.getString(1);
                    if (now - row.getLong(2) > LAST_USE_GRANULARITY.toNanos() / 1_000) {
                        touch(connection, pseudonym, now);
                    }
                    return pseudonym;
                }
            }
        }
        String pseudonym = crypto.newPseudonym();
        byte[] subjectKey = crypto.newSubjectKey();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_vault_subject (pseudonym,"
                + " person_kind, lookup_hash, wrapped_key, created_at_micros, last_used_micros) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, pseudonym);
            insert.setString(2, kind.name());
            insert.setBytes(3, lookup);
            insert.setBytes(4, crypto.wrapSubjectKey(subjectKey, pseudonym));
            insert.setLong(5, now);
            insert.setLong(6, now);
            insert.executeUpdate();
        }
        storeField(connection, pseudonym, subjectKey, IDENTITY_FIELD, identity);
        return pseudonym;
    }

    /**
     * The stored pseudonyms of those of these identities that have a subject already (one
     * statement per 500 identities). The others have none yet: {@link #drawPseudonym()} draws theirs,
     * {@link #storeSubjects} stores them.
     */
    public Map<String, String> storedPseudonyms(Connection connection, PersonKind kind, Collection<String> identities)
            throws SQLException {
        Objects.requireNonNull(kind, "kind");
        Map<String, String> identityByLookup = new HashMap<>();
        List<byte[]> lookups = new ArrayList<>();
        for (String identity : identities) {
            if (identity == null || identity.isBlank()) {
                throw new IllegalArgumentException("identity must not be blank");
            }
            byte[] lookup = crypto.lookupHash(kind, identity);
            identityByLookup.put(HexFormat.of().formatHex(lookup), identity);
            lookups.add(lookup);
        }
        Map<String, String> stored = new HashMap<>();
        for (int from = 0; from < lookups.size(); from += 500) {
            List<byte[]> chunk = lookups.subList(from, Math.min(lookups.size(), from + 500));
            try (PreparedStatement select = connection.prepareStatement("SELECT pseudonym, lookup_hash FROM ledger_vault_subject"
                    + " WHERE lookup_hash IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setBytes(i + 1, chunk.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        stored.put(identityByLookup.get(HexFormat.of().formatHex(row.getBytes(2))), row.getString(1));
                    }
                }
            }
        }
        return stored;
    }

    /** A fresh random pseudonym, not stored: {@link #storeSubjects} stores it with its subject. */
    public String drawPseudonym() {
        return crypto.newPseudonym();
    }

    /**
     * Stores new subjects, each under the pseudonym drawn for it, with their personal data fields:
     * two batched inserts, no lock, no delete, no key unwrap (each subject is new and its key at
     * hand). Two transactions storing a subject for the same identity collide on the lookup hash; the
     * loser fails with a unique-key violation.
     *
     * @param pseudonymByIdentity the new subjects
     * @param fieldsByIdentity    their personal data fields (an identity may have none)
     */
    public void storeSubjects(Connection connection, PersonKind kind, Map<String, String> pseudonymByIdentity,
            Map<String, Map<String, String>> fieldsByIdentity) throws SQLException {
        Objects.requireNonNull(kind, "kind");
        if (pseudonymByIdentity.isEmpty()) {
            return;
        }
        fieldsByIdentity.values().forEach(fields -> fields.keySet().forEach(Vault::checkFieldName));
        long now = Micros.now(clock);
        try (PreparedStatement subjects = connection.prepareStatement("INSERT INTO ledger_vault_subject (pseudonym,"
                + " person_kind, lookup_hash, wrapped_key, created_at_micros, last_used_micros) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement fields = connection.prepareStatement(
                     "INSERT INTO ledger_vault_field (pseudonym, field_name, sealed_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> subject : pseudonymByIdentity.entrySet()) {
                String identity = subject.getKey();
                String pseudonym = subject.getValue();
                byte[] subjectKey = crypto.newSubjectKey();
                subjects.setString(1, pseudonym);
                subjects.setString(2, kind.name());
                subjects.setBytes(3, crypto.lookupHash(kind, identity));
                subjects.setBytes(4, crypto.wrapSubjectKey(subjectKey, pseudonym));
                subjects.setLong(5, now);
                subjects.setLong(6, now);
                subjects.addBatch();
                SecretKey key = new SecretKeySpec(subjectKey, "AES");
                addField(fields, key, pseudonym, IDENTITY_FIELD, identity);
                for (Map.Entry<String, String> field : fieldsByIdentity.getOrDefault(identity, Map.of()).entrySet()) {
                    addField(fields, key, pseudonym, field.getKey(), Objects.requireNonNull(field.getValue(), field.getKey()));
                }
            }
            subjects.executeBatch();
            fields.executeBatch();
        }
    }

    private void addField(PreparedStatement insert, SecretKey subjectKey, String pseudonym, String name, String value)
            throws SQLException {
        insert.setString(1, pseudonym);
        insert.setString(2, name);
        insert.setBytes(3, crypto.sealField(subjectKey, pseudonym, name, value));
        insert.addBatch();
    }

    private static void checkFieldName(String name) {
        if (name == null || name.isBlank() || name.length() > 128 || name.startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("field name must be 1 to 128 characters and not start with \""
                    + RESERVED_PREFIX + "\": \"" + name + "\"");
        }
    }

    /** Stores or replaces declared personal data fields of a live subject. */
    public void declarePersonalData(Connection connection, String pseudonym, Map<String, String> fields) throws SQLException {
        byte[] subjectKey = subjectKey(connection, pseudonym);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            checkFieldName(name);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ledger_vault_field WHERE pseudonym = ? AND field_name = ?")) {
                delete.setString(1, pseudonym);
                delete.setString(2, name);
                delete.executeUpdate();
            }
            storeField(connection, pseudonym, subjectKey, name, Objects.requireNonNull(field.getValue(), name));
        }
    }

    /** Decrypts a subject for an auditor and records the reveal in the ledger, in the same transaction. */
    public RevealedSubject reveal(Connection connection, String pseudonym, Actor auditor, String justification)
            throws SQLException {
        if (!Roles.AUDITOR.equals(auditor.role())) {
            throw new IllegalArgumentException("only an auditor may reveal a pseudonym; the requester acts as " + auditor.role());
        }
        return reveal(connection, pseudonym, auditor, justification, Map.of());
    }

    /**
     * Decrypts a data subject's personal data for a reviewer whose module granted them that
     * permission for the task named in {@code context}; recorded like an auditor's reveal.
     */
    public RevealedSubject revealForReview(Connection connection, String pseudonym, Actor reviewer, String justification,
            Map<String, String> context) throws SQLException {
        if (!REVIEWING_ROLES.contains(reviewer.role())) {
            throw new IllegalArgumentException("only a reviewing role may reveal for review; the requester acts as "
                    + reviewer.role());
        }
        return reveal(connection, pseudonym, reviewer, justification, context);
    }

    private static final java.util.Set<String> REVIEWING_ROLES =
            java.util.Set.of(Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR);

    private RevealedSubject reveal(Connection connection, String pseudonym, Actor auditor, String justification,
            Map<String, String> context) throws SQLException {
        byte[] subjectKey = subjectKey(connection, pseudonym);
        PersonKind kind = PersonKind.ACTOR;
        Map<String, String> fields = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT f.field_name, f.sealed_value, s.person_kind"
                + " FROM ledger_vault_field f JOIN ledger_vault_subject s ON s.pseudonym = f.pseudonym WHERE f.pseudonym = ?")) {
            select.setString(1, pseudonym);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    fields.put(name, crypto.openField(subjectKey, pseudonym, name, rows.getBytes(2)));
                    kind = PersonKind.valueOf(rows.getString(3));
                }
            }
        }
        String identity = fields.remove(IDENTITY_FIELD);
        if (identity == null) {
            throw new SQLException("vault subject " + pseudonym + " has no identity field");
        }
        LedgerRecord.Builder record = LedgerRecord.builder(Pseudonyms.SUBJECT_REVEALED, auditor)
                .subject(SubjectRef.person(pseudonym))
                .rationale(justification)
                .occurredAt(clock.instant())
                .attribute("fields", String.join(",", fields.keySet().stream().sorted().toList()));
        context.forEach(record::attribute);
        Outbox.append(connection, record.build(), Micros.now(clock));
        return new RevealedSubject(pseudonym, kind, identity, fields);
    }

    /**
     * Erases a subject unless a legal hold or the retention period forbids it, and records the
     * erasure in the ledger, in the same transaction.
     */
    public ErasureReceipt erase(Connection connection, String pseudonym, RetentionPolicy policy, Actor requester,
            String reason) throws SQLException {
        Subject subject = lockSubject(connection, pseudonym);
        if (policy.legalHold()) {
            throw ErasureBlockedException.legalHold(pseudonym);
        }
        Instant until = Micros.toInstant(subject.lastUsedMicros()).plus(policy.minimumRetention());
        Instant now = clock.instant();
        if (now.isBefore(until)) {
            throw ErasureBlockedException.retention(pseudonym, until);
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ledger_vault_field WHERE pseudonym = ?")) {
            delete.setString(1, pseudonym);
            delete.executeUpdate();
        }
        long erasedAt = Micros.of(now);
        try (PreparedStatement shred = connection.prepareStatement("UPDATE ledger_vault_subject SET wrapped_key = NULL,"
                + " lookup_hash = NULL, erased_at_micros = ? WHERE pseudonym = ?")) {
            shred.setLong(1, erasedAt);
            shred.setString(2, pseudonym);
            shred.executeUpdate();
        }
        RecordId record = Outbox.append(connection, LedgerRecord.builder(Pseudonyms.SUBJECT_ERASED, requester)
                .subject(SubjectRef.person(pseudonym))
                .rationale(reason)
                .occurredAt(now)
                .attribute("person-kind", subject.kind().name().toLowerCase(Locale.ROOT))
                .attribute("retention-days", Long.toString(policy.minimumRetention().toDays()))
                .build(), erasedAt);
        return new ErasureReceipt(pseudonym, Micros.toInstant(erasedAt), record);
    }

    public boolean isErased(Connection connection, String pseudonym) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT erased_at_micros FROM ledger_vault_subject WHERE pseudonym = ?")) {
            select.setString(1, pseudonym);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                row.getLong(1);
                return !row.wasNull();
            }
        }
    }

    private record Subject(PersonKind kind, long lastUsedMicros, Optional<Long> erasedAtMicros, byte[] wrappedKey) {
    }

    private Subject lockSubject(Connection connection, String pseudonym) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT person_kind, last_used_micros,"
                + " erased_at_micros, wrapped_key FROM ledger_vault_subject WHERE pseudonym = ? FOR UPDATE")) {
            select.setString(1, pseudonym);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownPseudonymException(pseudonym);
                }
                long erased = row.getLong(3);
                Optional<Long> erasedAt = row.wasNull() ? Optional.empty() : Optional.of(erased);
                Subject subject = new Subject(PersonKind.valueOf(row.getString(1)), row.getLong(2), erasedAt, row.getBytes(4));
                if (erasedAt.isPresent()) {
                    throw new SubjectErasedException(pseudonym, Micros.toInstant(erasedAt.get()));
                }
                return subject;
            }
        }
    }

    private byte[] subjectKey(Connection connection, String pseudonym) throws SQLException {
        Subject subject = lockSubject(connection, pseudonym);
        return crypto.unwrapSubjectKey(subject.wrappedKey(), pseudonym);
    }

    private void touch(Connection connection, String pseudonym, long now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ledger_vault_subject SET last_used_micros = ? WHERE pseudonym = ? AND last_used_micros < ?")) {
            update.setLong(1, now);
            update.setString(2, pseudonym);
            update.setLong(3, now);
            update.executeUpdate();
        }
    }

    private void storeField(Connection connection, String pseudonym, byte[] subjectKey, String name, String value)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_vault_field (pseudonym, field_name, sealed_value) VALUES (?, ?, ?)")) {
            insert.setString(1, pseudonym);
            insert.setString(2, name);
            insert.setBytes(3, crypto.sealField(new SecretKeySpec(subjectKey, "AES"), pseudonym, name, value));
            insert.executeUpdate();
        }
    }
}
