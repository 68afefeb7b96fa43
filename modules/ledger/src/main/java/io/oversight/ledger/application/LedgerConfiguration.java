package io.oversight.ledger.application;

import io.oversight.ledger.storage.LedgerKeyStore;
import io.oversight.ledger.storage.LedgerSettings;
import io.oversight.ledger.storage.Vault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ledger's configuration (MicroProfile Config: server.xml variables, environment, system
 * properties) and the objects built from it. The keystore is opened on first use, so a server whose
 * keystore is missing starts, reports the sequencer unhealthy with the reason, and records still
 * reach the outbox.
 */
@ApplicationScoped
public class LedgerConfiguration {

    /** Keystore file used in demo mode when none is configured, relative to the server's working directory. */
    static final String DEMO_KEYSTORE = "oversight-ledger-dev.p12";
    /** Keystore password used in demo mode when none is configured; never acceptable in production. */
    static final String DEMO_PASSWORD = "oversight-demo-only";

    @Inject
    @ConfigProperty(name = "oversight.ledger.origin", defaultValue = "oversight.local/ledger")
    String origin;

    @Inject
    @ConfigProperty(name = "oversight.ledger.keystore.path")
    Optional<String> keystorePath;

    @Inject
    @ConfigProperty(name = "oversight.ledger.keystore.password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "oversight.ledger.signing-key.alias", defaultValue = "oversight-ledger")
    String signingKeyAlias;

    @Inject
    @ConfigProperty(name = "oversight.ledger.batch.size", defaultValue = "2000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "oversight.ledger.checkpoint.max-entries", defaultValue = "10000")
    long checkpointMaxEntries;

    @Inject
    @ConfigProperty(name = "oversight.ledger.checkpoint.max-millis", defaultValue = "1000")
    long checkpointMaxMillis;

    @Inject
    @ConfigProperty(name = "oversight.ledger.sequencer.poll-millis", defaultValue = "20")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "oversight.ledger.retention.days", defaultValue = "183")
    long retentionDays;

    @Inject
    @ConfigProperty(name = "oversight.demo", defaultValue = "false")
    boolean demo;

    @Inject
    Clock clock;

    private volatile LedgerKeyStore keyStore;
    private volatile Vault vault;

    public LedgerSettings settings() {
        return new LedgerSettings(origin, signingKeyAlias, batchSize, checkpointMaxEntries,
                Duration.ofMillis(checkpointMaxMillis));
    }

    /** The keystore, opened (or in demo mode created) on first use. */
    public LedgerKeyStore keyStore() {
        LedgerKeyStore opened = keyStore;
        if (opened == null) {
            synchronized (this) {
                if (keyStore == null) {
                    Path path = Path.of(keystorePath.orElseGet(() -> demo ? DEMO_KEYSTORE
                            : missing("oversight.ledger.keystore.path")));
                    char[] password = keystorePassword.orElseGet(() -> demo ? DEMO_PASSWORD
                            : missing("oversight.ledger.keystore.password")).toCharArray();
                    keyStore = LedgerKeyStore.open(path, password, origin, signingKeyAlias, demo);
                }
                opened = keyStore;
            }
        }
        return opened;
    }

    public Vault vault() {
        Vault opened = vault;
        if (opened == null) {
            synchronized (this) {
                if (vault == null) {
                    vault = new Vault(keyStore().vaultKey(), clock);
                }
                opened = vault;
            }
        }
        return opened;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(Math.max(1, pollMillis));
    }

    /** The retention period applied when a workflow does not say otherwise. */
    public Duration defaultRetention() {
        return Duration.ofDays(retentionDays);
    }

    public Clock clock() {
        return clock;
    }

    private static String missing(String property) {
        throw new io.oversight.ledger.storage.KeyStoreUnavailableException("configuration property " + property
                + " is not set; it is required outside demo mode (oversight.demo=true)");
    }
}
