package io.oversight.export.application;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * How the export job stores run a statement: on a connection of their own from the data source, enlisted
 * in the caller's JTA transaction when there is one and committing each statement when not (ADR 0015).
 */
final class ExportJdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private ExportJdbc() {
    }

    static <T> T run(DataSource dataSource, String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(operation + " failed: " + e.getMessage(), e);
        }
    }
}
