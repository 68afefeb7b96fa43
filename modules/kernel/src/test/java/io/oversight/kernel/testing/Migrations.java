package io.oversight.kernel.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A module's Flyway scripts as the application runs them (own history table, baseline at version 0),
 * and the name of the test database they are run into.
 *
 * @param name         names the test database: {@code oversight_<name>_test} on PostgreSQL, {@code <name>-n} on H2
 * @param locations    classpath folders of the scripts; {@code {vendor}} stands for {@code h2} or {@code postgresql}
 * @param table        the module's Flyway history table
 * @param placeholders the Flyway placeholders for a vendor
 */
public record Migrations(String name, List<String> locations, String table,
        Function<String, Map<String, String>> placeholders) {

    /**
     * The scripts of {@code module} in its portable folder and its vendor folder
     * ({@code db/migration/<module>/common} and {@code .../<vendor>}), history table {@code schema_history_<module>}.
     */
    public static Migrations of(String module) {
        return new Migrations(module, List.of("classpath:db/migration/" + module + "/common",
                "classpath:db/migration/" + module + "/{vendor}"), "schema_history_" + module, vendor -> Map.of());
    }

    /** The scripts of {@code module} in one folder for every vendor ({@code db/migration/<module>}). */
    public static Migrations inOneFolder(String module) {
        return new Migrations(module, List.of("classpath:db/migration/" + module), "schema_history_" + module,
                vendor -> Map.of());
    }

    /** The same scripts run into a test database of another name, for a module testing on another's tables. */
    public Migrations named(String testName) {
        return new Migrations(testName, locations, table, placeholders);
    }

    /** The same scripts with these placeholders per vendor. */
    public Migrations withPlaceholders(Function<String, Map<String, String>> byVendor) {
        return new Migrations(name, locations, table, byVendor);
    }

    void migrate(DataSource dataSource, String vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.stream().map(l -> l.replace("{vendor}", vendor)).toArray(String[]::new))
                .placeholders(placeholders.apply(vendor))
                .table(table)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
