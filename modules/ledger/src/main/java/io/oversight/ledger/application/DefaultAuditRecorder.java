package io.oversight.ledger.application;

import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.RecordId;
import io.oversight.ledger.storage.Micros;
import io.oversight.ledger.storage.Outbox;
import io.oversight.ledger.storage.Sql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes records to the outbox with the caller's JTA transaction: the connection obtained inside it
 * is enlisted, so the record commits or rolls back with the business change. Calling it outside a
 * transaction is a programming error (MANDATORY), because then nothing ties the record to the change.
 */
@ApplicationScoped
public class DefaultAuditRecorder implements AuditRecorder {

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    @Transactional(TxType.MANDATORY)
    public RecordId record(LedgerRecord record) {
        return Sql.withConnection(dataSource, "recording " + record.actionType(),
                connection -> Outbox.append(connection, record, Micros.now(clock)));
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void recordAll(List<LedgerRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Sql.withConnection(dataSource, "recording " + records.size() + " records", connection -> {
            Outbox.appendAll(connection, records, Micros.now(clock));
            return null;
        });
    }
}
