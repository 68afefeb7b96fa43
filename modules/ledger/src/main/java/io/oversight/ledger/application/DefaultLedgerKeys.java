package io.oversight.ledger.application;

import io.oversight.ledger.Actor;
import io.oversight.ledger.KeyRotation;
import io.oversight.ledger.LedgerKeys;
import io.oversight.ledger.storage.KeyManagement;
import io.oversight.ledger.storage.Sql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import javax.sql.DataSource;

/** Checkpoint keys as a CDI bean; a rotation and its ledger record share the caller's transaction. */
@ApplicationScoped
public class DefaultLedgerKeys implements LedgerKeys {

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Inject
    LedgerConfiguration configuration;

    @Override
    public String currentVerifierKey() {
        return Sql.withConnection(dataSource, "reading the signing key", c -> keys().currentVerifierKey(c));
    }

    @Override
    public String trustFile() {
        return Sql.withConnection(dataSource, "reading the trust file", c -> keys().trustFile(c));
    }

    @Override
    @Transactional(TxType.REQUIRED)
    public KeyRotation rotate(String newKeyAlias, Actor requestedBy) {
        return Sql.withConnection(dataSource, "rotating the signing key", c -> keys().rotate(c, newKeyAlias, requestedBy));
    }

    private KeyManagement keys() {
        return new KeyManagement(configuration.settings(), configuration.keyStore(), configuration.clock());
    }
}
