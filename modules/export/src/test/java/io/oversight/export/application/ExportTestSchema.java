package io.oversight.export.application;

import io.oversight.kernel.testing.Migrations;

/** The schema export's store tests run on, migrated by the module's own Flyway scripts. */
public final class ExportTestSchema {

    /** Run into a fresh schema by {@link io.oversight.kernel.testing.TestDatabase#fresh}. */
    public static final Migrations MIGRATIONS = Migrations.of("export");

    private ExportTestSchema() {
    }
}
