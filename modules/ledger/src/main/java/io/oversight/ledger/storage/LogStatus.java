package io.oversight.ledger.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The log's progress as stored: what is sealed, what is signed, what waits.
 *
 * @param treeSize               entries sealed
 * @param checkpointSize         entries covered by the latest signed checkpoint
 * @param backlog                committed records waiting in the outbox
 * @param oldestPendingMicros    when the oldest waiting record was written, if any waits
 */
public record LogStatus(long treeSize, long checkpointSize, long backlog, Optional<Long> oldestPendingMicros) {

    public static LogStatus read(Connection connection) throws SQLException {
        LedgerHead head = LedgerHead.read(connection);
        Outbox.Backlog backlog = Outbox.backlog(connection);
        return new LogStatus(head.treeSize(), head.checkpointSize(), backlog.count(), backlog.oldestRecordedAtMicros());
    }
}
