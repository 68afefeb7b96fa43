package io.oversight.export.application;

import io.oversight.export.DatasetFormat;
import io.oversight.export.DatasetRequest;
import io.oversight.export.RetrainTrigger;
import io.oversight.export.RetrainTriggerKind;
import io.oversight.export.RetrainTriggers;
import io.oversight.export.trigger.Signals;
import io.oversight.export.trigger.TriggerEvaluation;
import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.Monitors;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.Database;
import io.oversight.ledger.LedgerRecord;
import io.oversight.tasks.ReleasedLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One evaluation round of the retrain rules in a transaction of its own: take the lock row (or
 * leave at once if another server holds it), measure each rule's signals, and for each rule that
 * fires queue a training-set export, disarm the rule and record {@value RetrainTriggers#TRIGGER_FIRED}
 * — all committed together, so a firing the ledger does not record cannot exist, nor the reverse.
 */
@ApplicationScoped
public class RetrainRound {

    /** Names this server in the lock row's last holder, for operators. */
    private static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();
    /** The monitors whose alerts are drift alerts. */
    static final Set<Monitor> DRIFT = Collections.unmodifiableSet(EnumSet.of(Monitor.SCORE_PSI, Monitor.SCORE_KS,
            Monitor.LABEL_PSI, Monitor.INPUT_PSI, Monitor.INPUT_KS, Monitor.INPUT_CHI_SQUARE));
    /** Who a firing's export is requested by, in the ledger and on the export. */
    static final Actor FIRING_ACTOR = Actor.system("retrain-trigger");

    @Inject
    Database database;

    @Inject
    ReleasedLabels released;

    @Inject
    Monitors monitors;

    @Inject
    DatasetStore datasets;

    @Inject
    AuditRecorder recorder;

    @Inject
    TriggerStore triggerStore;

    /** Export ids the round's firings queued, for the caller to start after the commit; empty if another server holds the round. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> run(Instant now) {
        return database.run("evaluating retrain triggers", c -> {
            if (!triggerStore.tryLockHead(c)) {
                return List.of();
            }
            List<String> exports = new ArrayList<>();
            for (RetrainTrigger trigger : triggerStore.list(c, Optional.empty())) {
                Signals signals = signals(c, trigger, now);
                switch (TriggerEvaluation.evaluate(trigger, signals)) {
                    case FIRE -> exports.add(fire(c, trigger, signals, now));
                    case REARM -> triggerStore.rearm(c, trigger.id());
                    case STAY -> { }
                }
            }
            triggerStore.recordRound(c, now, HOLDER);
            return exports;
        });
    }

    /** Measures only what the rule's kind reads; the rest stays zero. */
    private Signals signals(Connection c, RetrainTrigger trigger, Instant now) throws SQLException {
        String workflow = trigger.workflow();
        Instant earliest = now.minus(DatasetRequest.MAX_PERIOD);
        return switch (trigger.rule().kind()) {
            case CORRECTIONS_SINCE_EXPORT -> {
                Instant since = triggerStore.lastExportEnd(c, workflow).filter(t -> t.isAfter(earliest)).orElse(earliest);
                long corrections = since.isBefore(now) ? released.corrections(query(workflow, since, now)) : 0;
                yield new Signals(corrections, 0, 0, false, now);
            }
            case CORRECTION_RATE -> {
                ReleasedLabels.Query window = query(workflow,
                        now.minus(Duration.ofHours(trigger.rule().windowHours().orElseThrow())), now);
                yield new Signals(0, released.count(window), released.corrections(window), false, now);
            }
            case DRIFT_ALERT -> new Signals(0, 0, 0, driftAlertOpen(workflow, now), now);
            case SCHEDULE -> new Signals(0, 0, 0, false, now);
        };
    }

    private static ReleasedLabels.Query query(String workflow, Instant from, Instant to) {
        return new ReleasedLabels.Query(workflow, from, to, Optional.empty(), Optional.empty(), Set.of(), Optional.empty());
    }

    private boolean driftAlertOpen(String workflow, Instant now) {
        return monitors.alerts(Optional.of(workflow), now.minusSeconds(1), now.plusSeconds(1)).stream()
                .filter(MonitorAlert::open)
                .anyMatch(a -> DRIFT.stream().anyMatch(m -> m.name().equals(a.monitor())));
    }

    /**
     * Queues the export of every label people released on the workflow over the longest period an
     * export covers (what a retrain learns from), marks it as this rule's, disarms the rule and
     * records the firing.
     */
    private String fire(Connection c, RetrainTrigger trigger, Signals signals, Instant now) throws SQLException {
        String exportId = UUID.randomUUID().toString();
        DatasetRequest request = new DatasetRequest(trigger.workflow(), now.minus(DatasetRequest.MAX_PERIOD), now,
                DatasetFormat.JSONL, Optional.empty(), Optional.empty(), Set.of(), Optional.empty());
        datasets.insert(exportId, request, FIRING_ACTOR.pseudonym(), FIRING_ACTOR.role(), now);
        triggerStore.exportOfTrigger(c, exportId, trigger.id());
        triggerStore.fired(c, trigger.id(), now, exportId);
        LedgerRecord.Builder record = LedgerRecord.builder(RetrainTriggers.TRIGGER_FIRED, FIRING_ACTOR)
                .workflow(trigger.workflow())
                .subject("retrain-trigger", trigger.id())
                .occurredAt(now)
                .attribute("kind", trigger.rule().kind().name())
                .attribute("datasetId", exportId);
        RetrainTriggerKind kind = trigger.rule().kind();
        if (kind == RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT) {
            record.attribute("corrections", Long.toString(signals.correctionsSinceExport()));
        } else if (kind == RetrainTriggerKind.CORRECTION_RATE) {
            record.attribute("windowLabels", Long.toString(signals.windowLabels()))
                    .attribute("windowCorrections", Long.toString(signals.windowCorrections()));
        }
        recorder.record(record.build());
        return exportId;
    }
}
