package io.oversight.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import io.oversight.kernel.testing.Migrations;

/** The governance schema the monitor tick and every governance store are tested on, migrated by the module's
 * own Flyway scripts, and the rows its foreign keys need. */
public final class GovernanceTestSchema {

    /** Run into a fresh schema by {@link io.oversight.kernel.testing.TestDatabase#fresh}. */
    public static final Migrations MIGRATIONS = Migrations.inOneFolder("governance");

    private GovernanceTestSchema() {
    }

    /** A workflow row, for the foreign keys of settings and rules. */
    public static void workflow(DataSource dataSource, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO gov_workflow (workflow_key, name, description, consequence, volume, accuracy, integration_mode, "
                        + "reviewers_per_item, retention_days, legal_hold, pii_field_paths, task_kind, label_selection, "
                        + "taxonomy_version, created_at, changed_at, row_version) VALUES (?, ?, '', 'HIGH', 'HIGH', 'HIGH', "
                        + "'ASYNC', 1, 200, FALSE, '', 'CLASSIFICATION', 'SINGLE', 1, ?, ?, 0)")) {
            insert.setString(1, key);
            insert.setString(2, key);
            insert.setObject(3, Instant.EPOCH.atOffset(ZoneOffset.UTC));
            insert.setObject(4, Instant.EPOCH.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
