package io.oversight.review;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases review's stores run on, each giving a fresh schema per test. Review's tables are
 * created by the tasks module's Flyway scripts (ADR 0022's ownership map), so this runs those, from the
 * tasks jar, as the application does: portable and vendor folders, own history table, baseline at 0.
 * The PostgreSQL database's name is suffixed by {@code oversight.test.db.suffix}, so parallel builds
 * never share one.
 */
public enum ReviewDatabase {
    H2 {
        @Override
        public DataSource fresh() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:review-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            migrate(dataSource, "h2");
            return dataSource;
        }
    },
    POSTGRES {
        @Override
        public DataSource fresh() {
            String name = "oversight_review_test" + System.getProperty("oversight.test.db.suffix", "");
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
            migrate(dataSource, "postgresql");
            return dataSource;
        }
    };

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    /** A data source on an empty schema that has just been migrated. */
    public abstract DataSource fresh();

    private static void migrate(DataSource dataSource, String vendor) {
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/tasks/common", "classpath:db/migration/tasks/" + vendor)
                .table("schema_history_tasks").baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
}
