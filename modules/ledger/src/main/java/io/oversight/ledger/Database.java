package io.oversight.ledger;

import io.oversight.kernel.ConflictException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one data source, for the modules' JDBC, used inside the caller's JTA transaction: a connection
 * taken within one is enlisted in it, so a module's rows and the ledger records of the change commit
 * or roll back together. Connections taken in one transaction share one physical connection.
 */
@ApplicationScoped
public class Database {

    /** SQLSTATE class 23: integrity constraint violation (a unique key, in practice). */
    private static final String INTEGRITY_VIOLATION = "23";

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
            if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                throw new ConcurrentChangeException(operation, e);
            }
            throw new StorageException(operation, e);
        }
    }

    /** The database refused a statement. The transaction rolls back (a runtime exception). */
    public static class StorageException extends RuntimeException {
        StorageException(String operation, SQLException cause) {
            super(operation + " failed: " + cause.getMessage(), cause);
        }
    }

    /** A unique key refused a row another transaction wrote first: the caller may retry or re-read. */
    public static class ConcurrentChangeException extends ConflictException {
        ConcurrentChangeException(String operation, SQLException cause) {
            super(operation + " collided with a concurrent change; try again");
            initCause(cause);
        }
    }
}
