package io.oversight.kernel.testing;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases the modules' stores run on, each giving a fresh schema per test migrated by a
 * module's own Flyway scripts ({@link Migrations}) exactly as the application runs them. A module's
 * store tests take it as their parameter ({@code @EnumSource(TestDatabase.class)}), so every store is
 * tested on both. The PostgreSQL is the {@link LocalPostgres}; where none can be had, the test is
 * aborted, not failed.
 */
public enum TestDatabase {
    H2 {
        @Override
        public DataSource fresh(Migrations migrations) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + migrations.name() + "-" + H2_COUNTER.incrementAndGet()
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            migrations.migrate(dataSource, vendor());
            return dataSource;
        }

        @Override
        public String vendor() {
            return "h2";
        }
    },
    POSTGRES {
        @Override
        public DataSource fresh(Migrations migrations) {
            return freshPostgres("oversight_" + migrations.name() + "_test", migrations);
        }

        @Override
        public String vendor() {
            return "postgresql";
        }
    };

    /**
     * Appended to every PostgreSQL test database's name (system property {@code oversight.test.db.suffix}),
     * so two builds on one machine, such as parallel work in separate checkouts, never share a database.
     */
    public static final String SUFFIX = System.getProperty("oversight.test.db.suffix", "");
    private static final AtomicInteger H2_COUNTER = new AtomicInteger();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    /** A data source on an empty schema that {@code migrations} has just migrated. */
    public abstract DataSource fresh(Migrations migrations);

    /** The vendor's name in Flyway locations and placeholders: {@code h2} or {@code postgresql}. */
    public abstract String vendor();

    /**
     * A data source on PostgreSQL database {@code baseName} (plus {@link #SUFFIX}), with an empty schema
     * that {@code migrations} has just migrated. The database is dropped and re-created on its first use
     * in this JVM; after that a fresh schema, much quicker than a fresh database and as empty, is enough.
     */
    public static DataSource freshPostgres(String baseName, Migrations migrations) {
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
            migrations.migrate(dataSource, POSTGRES.vendor());
            return dataSource;
        } catch (SQLException | UncheckedIOException e) {
            Assumptions.abort("PostgreSQL at " + LocalPostgres.HOST + ":" + LocalPostgres.PORT + " is not available: "
                    + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** A data source on existing PostgreSQL database {@code baseName} (plus {@link #SUFFIX}), without touching its content. */
    public static PGSimpleDataSource postgres(String baseName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(LocalPostgres.urlPrefix() + baseName + SUFFIX);
        dataSource.setUser("postgres");
        dataSource.setReWriteBatchedInserts(true);
        return dataSource;
    }
}
