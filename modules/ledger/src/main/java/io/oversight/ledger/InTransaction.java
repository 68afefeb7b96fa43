package io.oversight.ledger;

import io.oversight.kernel.RefusalException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a JTA transaction. Services resolve what needs a connection of its own first (the
 * vault's pseudonyms are issued outside any transaction) and only then open the transaction: a
 * transaction that held one pooled connection while waiting for a second could, under load, leave
 * every connection held by a transaction waiting for another.
 *
 * <p>A refusal ({@link RefusalException}: bad input, conflict, not permitted) rolls the transaction back
 * and is rethrown outside it: thrown through the transaction interceptor, each one would be logged by
 * the server as an incident (an FFDC report), though it is an ordinary answer to a client.
 */
@ApplicationScoped
public class InTransaction {

    @Inject
    Runner runner;

    public <T> T call(Supplier<T> work) {
        Outcome<T> outcome = runner.run(work);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.value();
    }

    record Outcome<T>(T value, RefusalException refusal) {
    }

    /** The transactional boundary itself, a bean of its own so that the interceptor applies. */
    @ApplicationScoped
    public static class Runner {

        @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
        TransactionSynchronizationRegistry transactions;

        @Transactional
        public <T> Outcome<T> run(Supplier<T> work) {
            try {
                return new Outcome<>(work.get(), null);
            } catch (RefusalException refused) {
                transactions.setRollbackOnly();
                return new Outcome<>(null, refused);
            }
        }
    }
}
