package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerStorageException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** JDBC plumbing shared by the storage classes and the container layer. */
public final class Sql {

    private Sql() {
    }

    /** Work done on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a local transaction of a fresh connection: commit on success, rollback on
     * any failure. For code outside any container-managed transaction (the sequencer, jobs, tests).
     */
    public static <T> T inTransaction(DataSource dataSource, int isolation, String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(isolation);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerStorageException(operation, e);
        }
    }

    public static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /**
     * Runs {@code work} on a fresh autocommit connection: for single statements and reads, inside or
     * outside a container-managed transaction (a connection obtained inside one is enlisted in it).
     */
    public static <T> T withConnection(DataSource dataSource, String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new LedgerStorageException(operation, e);
        }
    }
}
