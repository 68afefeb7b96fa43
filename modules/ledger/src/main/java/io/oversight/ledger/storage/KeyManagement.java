package io.oversight.ledger.storage;

import io.oversight.ledger.Actor;
import io.oversight.ledger.KeyRotation;
import io.oversight.ledger.LedgerKeys;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.RecordId;
import io.oversight.ledger.Roles;
import io.oversight.ledger.format.NoteSigner;
import io.oversight.ledger.format.TrustFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Signing key rotation and the trust file, on a connection in the caller's transaction. */
public final class KeyManagement {

    private final LedgerSettings settings;
    private final LedgerKeyStore keyStore;
    private final Clock clock;

    public KeyManagement(LedgerSettings settings, LedgerKeyStore keyStore, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The verifier key of the key in use, or of the configured first key before any checkpoint. */
    public String currentVerifierKey(Connection connection) throws SQLException {
        return SigningKeys.current(connection).map(k -> k.key().encode())
                .orElseGet(() -> keyStore.signer(settings.signingKeyAlias()).verifierKey().encode());
    }

    /**
     * Every key that signed or signs this log, with its validity range, as a trust file. Before the
     * first checkpoint, the configured key valid from now on.
     */
    public String trustFile(Connection connection) throws SQLException {
        List<SigningKeys.SigningKey> keys = SigningKeys.all(connection);
        if (keys.isEmpty()) {
            NoteSigner first = keyStore.signer(settings.signingKeyAlias());
            return TrustFile.format(List.of(new SigningKeys.SigningKey(first.verifierKey().label(),
                    settings.signingKeyAlias(), first.verifierKey(), Micros.now(clock), java.util.OptionalLong.empty())
                    .trusted()));
        }
        return TrustFile.format(keys.stream().map(SigningKeys.SigningKey::trusted).toList());
    }

    /**
     * Rotates to the keystore's {@code newAlias} (generated first in demo mode if missing) and writes
     * a {@value LedgerKeys#KEY_ROTATED} record, both in the connection's transaction. Takes the head
     * lock, so that the boundary instant falls after every checkpoint signed by the old key.
     */
    public KeyRotation rotate(Connection connection, String newAlias, Actor admin) throws SQLException {
        if (!Roles.ADMIN.equals(admin.role())) {
            throw new IllegalArgumentException("key rotation is an admin action; the requester acts as " + admin.role());
        }
        if (!keyStore.hasSigningKey(newAlias)) {
            if (!keyStore.isDemo()) {
                throw new IllegalArgumentException("the ledger keystore has no Ed25519 key under alias \"" + newAlias
                        + "\"; add it with keytool before rotating");
            }
            keyStore.generateSigningKey(newAlias);
        }
        NoteSigner signer = keyStore.signer(newAlias);
        LedgerHead head = LedgerHead.lock(connection);
        long now = Micros.now(clock);
        SigningKeys.SigningKey current = SigningKeys.currentOrRegister(connection, keyStore, settings.signingKeyAlias(), now);
        if (SigningKeys.all(connection).stream().anyMatch(k -> k.label().equals(signer.verifierKey().label()))) {
            throw new IllegalArgumentException("key " + signer.verifierKey().label() + " (alias \"" + newAlias
                    + "\") already signed this log; rotate to a new key");
        }
        long at = Math.max(Math.max(now, head.checkpointTimeMicros() + 1), current.notBeforeMicros() + 1);
        SigningKeys.rotate(connection, current, newAlias, signer, at);
        RecordId record = Outbox.append(connection, LedgerRecord.builder(LedgerKeys.KEY_ROTATED, admin)
                .subject("ledger-key", signer.verifierKey().label())
                .occurredAt(Micros.toInstant(now))
                .attribute("previous-key", current.key().encode())
                .attribute("new-key", signer.verifierKey().encode())
                .attribute("boundary-micros", Long.toString(at))
                .build(), now);
        return new KeyRotation(current.key().encode(), signer.verifierKey().encode(), Micros.toInstant(at), record);
    }
}
