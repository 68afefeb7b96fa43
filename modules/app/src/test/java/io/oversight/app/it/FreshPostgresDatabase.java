package io.oversight.app.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the PostgreSQL integration run an empty database before Arquillian starts the server, so
 * each run starts from the migrations and no state leaks from one run into the next. Does nothing
 * for the embedded-database run and for unit tests.
 */
public class FreshPostgresDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"postgres".equals(System.getProperty("it.db"))) {
            return;
        }
        String database = System.getProperty("it.postgres.database");
        if (database == null || !database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("it.postgres.database must be a plain identifier, got " + database);
        }
        try (Connection connection = DriverManager.getConnection(System.getProperty("it.postgres.url"),
                System.getProperty("it.postgres.user"), "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the PostgreSQL test database " + database
                    + ": is PostgreSQL running on " + System.getProperty("it.postgres.url") + "?", e);
        }
    }
}
