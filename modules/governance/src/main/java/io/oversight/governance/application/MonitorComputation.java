package io.oversight.governance.application;

import io.oversight.governance.infrastructure.MonitorConfigStore;
import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.Clock;

/** One monitor round in a transaction of its own (see {@link MonitorTick}). */
@ApplicationScoped
public class MonitorComputation {

    /** Names this server in the lock row's last holder, for operators. */
    private static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    Database database;

    @Inject
    AlertService alerts;

    @Inject
    Clock clock;

    @Inject
    MonitorConfigStore monitorConfigStore;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public MonitorTick.Result tick() {
        return database.run("computing monitors", c -> new MonitorTick(monitorConfigStore).run(c, clock.instant(), HOLDER, alerts));
    }
}
