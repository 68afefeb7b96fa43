package io.oversight.tasks.settings;

import io.oversight.tasks.recording.TasksLedger;
import io.oversight.ledger.Database;
import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Stores a workflow's default intake settings on its first use, in a transaction of its own so that
 * two servers doing it at once cannot fail a caller's intake: the loser's insert fails on the key
 * and {@link SettingsService} reads the winner's row.
 */
@ApplicationScoped
public class SettingsDefaults {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Database database;

    @Inject
    TasksLedger ledger;

    @Inject
    Clock clock;

    @Inject
    SettingsStore settingsStore;

    @Transactional(TxType.REQUIRES_NEW)
    public IntakeSettings store(String workflowKey) {
        byte[] seed = new byte[16];
        RANDOM.nextBytes(seed);
        IntakeSettings defaults = IntakeSettings.defaults(workflowKey, HexFormat.of().formatHex(seed));
        database.run("storing default intake settings", c -> {
            settingsStore.insert(c, defaults, clock.instant());
            return defaults;
        });
        ledger.write(ledger.record(TasksLedger.SETTINGS_CHANGED, Actor.system("intake-defaults"), workflowKey)
                .subject("workflow", workflowKey)
                .occurredAt(clock.instant())
                .attribute("orderingMethod", defaults.orderingMethod().name())
                .attribute("auditSeedDigest", LedgerRecord.digestOf(defaults.auditSeed()).hex())
                .attribute("defaults", "true"));
        return defaults;
    }
}
