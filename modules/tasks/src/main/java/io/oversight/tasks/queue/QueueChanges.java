package io.oversight.tasks.queue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * How many changes to task rows this server has committed, so that a snapshot of the queue counts
 * ({@link LiveQueueCounts}) knows whether this server changed a queue since it was taken. A change
 * inside a JTA transaction counts when the transaction commits (a count taken before the commit
 * cannot have seen it, and a rolled-back change changed nothing); outside one, at once.
 */
final class QueueChanges {

    private static final AtomicLong COMMITTED = new AtomicLong();
    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    /** Looked up once: the server has one registry, and a JNDI lookup per task change would cost more than the change's count. */
    private static volatile TransactionSynchronizationRegistry registry;

    private QueueChanges() {
    }

    /** The number of changes committed so far. */
    static long committed() {
        return COMMITTED.get();
    }

    /** Notes a change of task rows in the current transaction. */
    static void record() {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            COMMITTED.incrementAndGet();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit: only its outcome counts
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    COMMITTED.incrementAndGet();
                }
            }
        });
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry found = registry;
        if (found == null) {
            try {
                found = (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
                registry = found;
            } catch (NamingException | RuntimeException noContainer) {
                return null; // plain JDBC (the store tests): each change is its own commit as far as counts go
            }
        }
        return found;
    }
}
