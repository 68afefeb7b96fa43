package io.oversight.app.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the PostgreSQL integration run an empty database before Arquillian starts the server, so
 * each run starts from the migrations and no state leaks from one run into the next. Where no
 * PostgreSQL answers on {@code it.postgres.host}:{@code it.postgres.port}, it first starts an embedded
 * one on that port, which the server's bootstrap properties already point at, and which lives as long
 * as this test JVM (ADR 0020): a newcomer needs no database server. Does nothing for the
 * embedded-database run and for unit tests.
 */
public class FreshPostgresDatabase implements LauncherSessionListener {

    private EmbeddedPostgres embedded;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"postgres".equals(System.getProperty("it.db"))) {
            return;
        }
        String database = System.getProperty("it.postgres.database");
        if (database == null || !database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("it.postgres.database must be a plain identifier, got " + database);
        }
        startEmbeddedUnlessOneAnswers(System.getProperty("it.postgres.host"),
                Integer.parseInt(System.getProperty("it.postgres.port")));
        try (Connection connection = DriverManager.getConnection(System.getProperty("it.postgres.url"),
                System.getProperty("it.postgres.user"), "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the PostgreSQL test database " + database
                    + " on " + System.getProperty("it.postgres.url"), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
            }
        }
    }

    private void startEmbeddedUnlessOneAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return;
        } catch (IOException nothingAnswers) {
            // fall through: a newcomer's machine without PostgreSQL
        }
        try {
            embedded = EmbeddedPostgres.builder().setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL answers on " + host + ":" + port
                    + " and an embedded one could not start there", e);
        }
    }
}
