package io.oversight.tasks.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a JTA transaction. Services resolve what needs a connection of its own first (the
 * vault's pseudonyms are issued outside any transaction) and only then open the transaction: a
 * transaction that held one pooled connection while waiting for a second could, under load, leave
 * every connection held by a transaction waiting for another.
 */
@ApplicationScoped
public class InTransaction {

    @Transactional
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
