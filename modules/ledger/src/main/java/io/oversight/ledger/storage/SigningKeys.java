package io.oversight.ledger.storage;

import io.oversight.ledger.format.MalformedTrustException;
import io.oversight.ledger.format.NoteSigner;
import io.oversight.ledger.format.TrustedKey;
import io.oversight.ledger.format.VerifierKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which keys signed the log's checkpoints and when ({@code ledger_signing_key}). Exactly one
 * key is in use (no {@code not_after}); a rotation closes its range and opens the next one at the
 * same instant, so the trust file lists adjacent ranges and every checkpoint falls in its signer's.
 * Changes happen under the head lock, which orders them with checkpoint signing.
 */
final class SigningKeys {

    /** One row: a key, where its private half lives, and its validity {@code [notBefore, notAfter)}. */
    record SigningKey(String label, String alias, VerifierKey key, long notBeforeMicros, OptionalLong notAfterMicros) {

        TrustedKey trusted() {
            return new TrustedKey(key, Optional.of(Micros.toInstant(notBeforeMicros)),
                    notAfterMicros.isPresent() ? Optional.of(Micros.toInstant(notAfterMicros.getAsLong())) : Optional.empty());
        }
    }

    private SigningKeys() {
    }

    static List<SigningKey> all(Connection connection) throws SQLException {
        List<SigningKey> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key_label, key_alias, verifier_key, not_before_micros, not_after_micros FROM ledger_signing_key"
                        + " ORDER BY not_before_micros");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long notAfter = rows.getLong(5);
                OptionalLong end = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(notAfter);
                try {
                    keys.add(new SigningKey(rows.getString(1), rows.getString(2), VerifierKey.parse(rows.getString(3)),
                            rows.getLong(4), end));
                } catch (MalformedTrustException e) {
                    throw new SQLException("ledger_signing_key row " + rows.getString(1) + " is corrupt: " + e.getMessage(), e);
                }
            }
        }
        return keys;
    }

    static List<TrustedKey> trusted(Connection connection) throws SQLException {
        return all(connection).stream().map(SigningKey::trusted).toList();
    }

    /** The key in use, if any was registered. */
    static Optional<SigningKey> current(Connection connection) throws SQLException {
        return all(connection).stream().filter(k -> k.notAfterMicros().isEmpty()).findFirst();
    }

    /**
     * The key in use, registering the keystore's {@code alias} from {@code nowMicros} on if the log
     * has none yet (its first checkpoint). Requires the head lock.
     */
    static SigningKey currentOrRegister(Connection connection, LedgerKeyStore keyStore, String alias, long nowMicros)
            throws SQLException {
        Optional<SigningKey> current = current(connection);
        if (current.isPresent()) {
            return current.get();
        }
        return register(connection, alias, keyStore.signer(alias), nowMicros);
    }

    /**
     * Retires the current key at {@code atMicros} and registers {@code alias} from then on. Requires
     * the head lock, and {@code atMicros} after every checkpoint the old key signed.
     */
    static SigningKey rotate(Connection connection, SigningKey current, String alias, NoteSigner signer, long atMicros)
            throws SQLException {
        try (PreparedStatement retire = connection.prepareStatement(
                "UPDATE ledger_signing_key SET not_after_micros = ? WHERE key_label = ? AND not_after_micros IS NULL")) {
            retire.setLong(1, atMicros);
            retire.setString(2, current.label());
            if (retire.executeUpdate() != 1) {
                throw new SQLException("signing key " + current.label() + " is no longer the current key");
            }
        }
        return register(connection, alias, signer, atMicros);
    }

    private static SigningKey register(Connection connection, String alias, NoteSigner signer, long notBeforeMicros)
            throws SQLException {
        VerifierKey key = signer.verifierKey();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_signing_key (key_label, key_alias, verifier_key, not_before_micros) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key.label());
            insert.setString(2, alias);
            insert.setString(3, key.encode());
            insert.setLong(4, notBeforeMicros);
            insert.executeUpdate();
        }
        return new SigningKey(key.label(), alias, key, notBeforeMicros, OptionalLong.empty());
    }
}
