package io.oversight.tasks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * PostgreSQL's own counts of how a table and its indexes were read, for tests that show which plan a
 * statement ran with: a connection's counts are published on demand (PostgreSQL 15 or later) and read
 * from another connection.
 */
public final class IndexStatistics {

    private IndexStatistics() {
    }

    /** Skips the test on a PostgreSQL that cannot publish a connection's counts on demand (before 15). */
    public static void assumePublishable(Connection c) throws SQLException {
        assumeTrue(c.getMetaData().getDatabaseMajorVersion() >= 15, "index statistics published on demand");
    }

    /** Makes the counts of what {@code user} has read so far visible to other connections. */
    public static void publish(Connection user) throws SQLException {
        try (Statement s = user.createStatement()) {
            s.execute("SELECT pg_stat_force_next_flush()");
        }
    }

    /** Entries read from the named indexes so far, {@code user}'s reads published first. */
    public static long entriesRead(DataSource database, Connection user, String... indexes) throws SQLException {
        publish(user);
        try (Connection reader = database.getConnection();
                PreparedStatement select = reader.prepareStatement(
                        "SELECT COALESCE(SUM(idx_tup_read), 0) FROM pg_stat_user_indexes WHERE indexrelname = ANY (?)")) {
            select.setArray(1, reader.createArrayOf("VARCHAR", indexes));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
