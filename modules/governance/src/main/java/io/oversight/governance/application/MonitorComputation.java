package io.oversight.governance.application;

import io.oversight.governance.infrastructure.MonitorConfigStore;
import io.oversight.governance.infrastructure.MonitorHeadStore;
import io.oversight.governance.infrastructure.ObservationStore;
import io.oversight.governance.infrastructure.ReferenceStore;
import io.oversight.governance.infrastructure.WindowStore;
import io.oversight.ledger.Database;
import jakarta.annotation.PostConstruct;
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
    MonitorHeadStore headStore;

    @Inject
    ObservationStore observationStore;

    @Inject
    WindowStore windowStore;

    @Inject
    ReferenceStore referenceStore;

    @Inject
    MonitorConfigStore configStore;

    private MonitorTick round;

    @PostConstruct
    void prepare() {
        round = new MonitorTick(headStore, observationStore, windowStore, referenceStore, configStore);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public MonitorTick.Result tick() {
        return database.run("computing monitors", c -> round.run(c, clock.instant(), HOLDER, alerts));
    }
}
