package io.oversight.app.startup;

import io.oversight.ledger.LedgerSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies each module's Flyway migrations, in dependency order. Every module owns its schema: its
 * scripts live in its own jar under {@code db/migration/<module>} (portable SQL) and
 * {@code db/migration/<module>/<vendor>} (h2 or postgresql specifics), each marked by an empty
 * {@value #LOCATION_MARKER} file, and its history in its own
 * table, so modules evolve their schemas independently.
 */
@ApplicationScoped
public class DatabaseMigrations {

    /**
     * Flyway finds a classpath location inside an application on Liberty only through a marker file
     * in it; the marker also tells which modules have scripts at all.
     */
    static final String LOCATION_MARKER = "flyway.location";

    /** Modules in the order their schemas depend on each other. */
    static final List<String> MODULES = List.of("ledger", "governance", "tasks", "review", "export", "app");

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    private volatile List<String> applied = List.of();

    public void migrate() {
        ClassLoader classLoader = DatabaseMigrations.class.getClassLoader();
        String vendor = vendorDirectory();
        List<String> summary = new ArrayList<>();
        for (String module : MODULES) {
            List<String> locations = new ArrayList<>();
            // Flyway scans a location recursively, so a module with vendor folders keeps its portable
            // scripts in "common" beside them rather than in its root
            String root = "db/migration/" + module;
            for (String location : List.of(root, root + "/common", root + "/" + vendor)) {
                if (classLoader.getResource(location + "/" + LOCATION_MARKER) != null) {
                    locations.add("classpath:" + location);
                }
            }
            if (locations.isEmpty()) {
                continue;
            }
            if ("ledger".equals(module)) {
                adoptFormerLedgerV1();
            }
            MigrateResult result = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .placeholders(LedgerSchema.placeholders(vendor))
                    .skipDefaultCallbacks(true)
                    .table("schema_history_" + module)
                    // several history tables share one schema: a module's first run baselines at
                    // version 0 and then applies all of its scripts, from V1 on
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            summary.add(module + "=" + (version == null ? "none" : version));
            LOG.info(() -> "Schema of module " + module + ": " + result.migrationsExecuted
                    + " migration(s) applied, now at version " + result.targetSchemaVersion);
        }
        applied = Collections.unmodifiableList(summary);
    }

    /** A database first migrated when the ledger's V1 was two vendor copies keeps its tables; see {@link LedgerSchema}. */
    private void adoptFormerLedgerV1() {
        try (Connection connection = dataSource.getConnection()) {
            if (LedgerSchema.adoptFormerV1(connection)) {
                LOG.info("The ledger's schema history now records the single V1 script in place of its former vendor copy.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger's schema history: " + e.getMessage(), e);
        }
    }

    private String vendorDirectory() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : product;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }

    /** Module schema versions after the last successful {@link #migrate()}, e.g. {@code ledger=1}. */
    public List<String> appliedVersions() {
        return applied;
    }
}
