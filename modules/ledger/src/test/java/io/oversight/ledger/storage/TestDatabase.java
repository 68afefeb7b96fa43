package io.oversight.ledger.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import io.oversight.ledger.LedgerSchema;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases the ledger supports, each giving a fresh, migrated ledger schema per test, by
 * running the module's own Flyway scripts exactly as the application does (own history table,
 * vendor location, baseline at version 0).
 */
public enum TestDatabase {
    H2 {
        @Override
        public DataSource freshLedger() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:ledger-" + H2_COUNTER.incrementAndGet()
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            migrate(dataSource, "h2");
            return dataSource;
        }
    },
    POSTGRES {
        @Override
        public DataSource freshLedger() {
            return freshPostgres(DATABASE);
        }
    };

    /**
     * Appended to every test database name (system property {@code oversight.test.db.suffix}), so two
     * builds on one machine, such as parallel work in separate checkouts, never share a database.
     */
    public static final String SUFFIX = System.getProperty("oversight.test.db.suffix", "");
    /** The test database on the local PostgreSQL, dropped and re-created by the first test that uses it. */
    public static final String DATABASE = "oversight_ledger_test";
    private static final AtomicInteger H2_COUNTER = new AtomicInteger();
    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A data source on an empty ledger schema that has just been migrated. */
    public abstract DataSource freshLedger();

    /**
     * A data source on database {@code baseName} (plus {@link #SUFFIX}) of the {@link LocalPostgres}, with an
     * empty migrated schema.
     */
    public static DataSource freshPostgres(String baseName) {
        String name = baseName + SUFFIX;
        try {
            if (!CREATED.contains(name)) {
                try (Connection admin = DriverManager.getConnection(LocalPostgres.urlPrefix() + "postgres", "postgres", "");
                        Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    statement.execute("CREATE DATABASE " + name);
                }
                CREATED.add(name);
            }
            PGSimpleDataSource dataSource = postgres(baseName);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                statement.execute("CREATE SCHEMA public");
            }
            migrate(dataSource, "postgresql");
            return dataSource;
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at " + LocalPostgres.HOST + ":" + LocalPostgres.PORT + " is not available: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** A data source on existing database {@code baseName} (plus {@link #SUFFIX}), without touching its content. */
    public static PGSimpleDataSource postgres(String baseName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(LocalPostgres.urlPrefix() + baseName + SUFFIX);
        dataSource.setUser("postgres");
        dataSource.setReWriteBatchedInserts(true);
        return dataSource;
    }

    static void migrate(DataSource dataSource, String vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/ledger/common", "classpath:db/migration/ledger/" + vendor)
                .placeholders(LedgerSchema.placeholders(vendor))
                .table("schema_history_ledger")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
