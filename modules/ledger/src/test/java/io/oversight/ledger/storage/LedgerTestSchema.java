package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerSchema;
import io.oversight.kernel.testing.Migrations;

/** The ledger schema the ledger's tests run on, migrated by the module's own Flyway scripts with the vendor's placeholders. */
public final class LedgerTestSchema {

    /** Run into a fresh schema by {@link io.oversight.kernel.testing.TestDatabase#fresh}. */
    public static final Migrations MIGRATIONS = Migrations.of("ledger").withPlaceholders(LedgerSchema::placeholders);

    private LedgerTestSchema() {
    }
}
