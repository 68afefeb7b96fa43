package io.oversight.governance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh governance schema per test (for the monitor tick and every governance store), migrated by the
 * module's own Flyway scripts as the application does, on H2 or on the local PostgreSQL (database name
 * suffixed by {@code oversight.test.db.suffix} so parallel builds never share one).
 */
public enum GovernanceDatabase {
    H2 {
        @Override
        public DataSource fresh() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:governance-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            migrate(dataSource);
            return dataSource;
        }
    },
    POSTGRES {
        @Override
        public DataSource fresh() {
            String name = "oversight_governance_test" + System.getProperty("oversight.test.db.suffix", "");
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(URL + name);
            dataSource.setUser("postgres");
            try {
                if (CREATED.add(name)) {
                    try (Connection admin = DriverManager.getConnection(URL + "postgres", "postgres", "");
                            Statement statement = admin.createStatement()) {
                        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                        statement.execute("CREATE DATABASE " + name);
                    }
                }
                // a fresh schema is much quicker than a fresh database, and as empty
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                    statement.execute("CREATE SCHEMA public");
                }
            } catch (SQLException e) {
                Assumptions.abort("PostgreSQL at " + URL + " is not available: " + e.getMessage());
            }
            migrate(dataSource);
            return dataSource;
        }
    };

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    /** A data source on an empty governance schema that has just been migrated. */
    public abstract DataSource fresh();

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/governance")
                .table("schema_history_governance").baselineOnMigrate(true).baselineVersion("0").load().migrate();
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
