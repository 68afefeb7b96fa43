package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.format.EntryCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Bulk paths for the benchmarks: filling the outbox fast, through the same encoding the recorder uses. */
public final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    /** Appends records to the outbox in one JDBC batch, in the connection's transaction. */
    public static void appendAll(Connection connection, List<LedgerRecord> records, long nowMicros) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_pending (recorded_at_micros, template) VALUES (?, ?)")) {
            for (LedgerRecord record : records) {
                insert.setLong(1, nowMicros);
                insert.setBytes(2, EntryCodec.encode(record.toUnsequencedEntry()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static long micros(java.time.Clock clock) {
        return Micros.now(clock);
    }
}
