package io.oversight.governance.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Monitoring's JDBC on the one data source, inside the caller's JTA transaction (a connection taken
 * within one is enlisted in it): the outbox rows commit with the change they observe, and the
 * tick's aggregates with its ledger records.
 */
@ApplicationScoped
public class MonitorDatabase {

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T run(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new MonitorStorageException(operation + " failed: " + e.getMessage(), e);
        }
    }

    /** The database refused monitoring's SQL; the transaction rolls back. */
    public static class MonitorStorageException extends RuntimeException {
        MonitorStorageException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
