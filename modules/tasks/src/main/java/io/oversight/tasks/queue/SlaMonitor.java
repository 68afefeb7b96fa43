package io.oversight.tasks.queue;

import io.oversight.tasks.recording.LoopReporting;
import io.oversight.tasks.recording.TasksLedger;
import io.oversight.ledger.Database;
import io.oversight.ledger.Actor;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.QueueStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Watches every queue's SLA: time-to-review (age of the oldest open task) and depth. A
 * measure going over its target opens a breach episode (an alert row and a ledger entry); it stays
 * open, without further entries, until the measure is back within target, which closes it (and is
 * recorded too). The state row is locked while it changes, so two servers never open one episode twice.
 */
@ApplicationScoped
public class SlaMonitor {

    @Inject
    DefaultQueueOverview queues;

    @Inject
    Database database;

    @Inject
    TasksLedger ledger;

    @Inject
    LoopReporting reporting;

    @Inject
    Clock clock;

    @Inject
    SlaStore slaStore;

    /** @return how many episodes opened or closed */
    @Transactional
    public int check() {
        Instant now = clock.instant();
        int changes = 0;
        java.util.List<QueueStatistics> statistics = queues.statisticsForBackgroundJob();
        reporting.queues(statistics, now);
        for (QueueStatistics queue : statistics) {
            if (queue.maxMinutesToReview().isPresent()) {
                long ageSeconds = queue.oldestOpenAge().map(Duration::toSeconds).orElse(0L);
                changes += evaluate(queue.queue(), SlaStore.Measure.REVIEW_TIME, ageSeconds,
                        60L * queue.maxMinutesToReview().get(), now);
            }
            if (queue.maxDepth().isPresent()) {
                changes += evaluate(queue.queue(), SlaStore.Measure.QUEUE_DEPTH, queue.open(), queue.maxDepth().get(), now);
            }
        }
        return changes;
    }

    private int evaluate(QueueKey queue, SlaStore.Measure measure, long observed, long target, Instant now) {
        boolean over = observed > target;
        return database.run("checking an SLA", c -> {
            SlaStore.State state = slaStore.lockState(c, queue, measure, now);
            if (over && !state.breached()) {
                String alertId = UUID.randomUUID().toString();
                slaStore.openAlert(c, new SlaStore.Alert(alertId, queue, measure, observed, target, now, Optional.empty()));
                slaStore.updateState(c, state, true, Optional.of(alertId), now);
                ledger.write(record(TasksLedger.SLA_BREACHED, queue, measure, observed, target, alertId, now));
                reporting.slaEpisode(alertId, queue.workflowKey(), queue.tier(), measure.name(), observed, target, now, true);
                return 1;
            }
            if (!over && state.breached()) {
                state.alertId().ifPresent(id -> closeAlert(c, id, now));
                slaStore.updateState(c, state, false, Optional.empty(), now);
                ledger.write(record(TasksLedger.SLA_RECOVERED, queue, measure, observed, target,
                        state.alertId().orElse("unknown"), now));
                state.alertId().ifPresent(id -> reporting.slaEpisode(id, queue.workflowKey(), queue.tier(), measure.name(),
                        observed, target, now, false));
                return 1;
            }
            return 0;
        });
    }

    private void closeAlert(java.sql.Connection c, String alertId, Instant now) {
        try {
            slaStore.closeAlert(c, alertId, now);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("closing SLA alert " + alertId + " failed: " + e.getMessage(), e);
        }
    }

    private io.oversight.ledger.LedgerRecord.Builder record(String action, QueueKey queue, SlaStore.Measure measure,
            long observed, long target, String alertId, Instant now) {
        return ledger.record(action, Actor.system("sla-monitor"), queue.workflowKey())
                .subject("sla-alert", alertId)
                .occurredAt(now)
                .attribute("tier", Integer.toString(queue.tier()))
                .attribute("measure", measure.name())
                .attribute("observed", Long.toString(observed))
                .attribute("target", Long.toString(target))
                .attribute("unit", measure == SlaStore.Measure.REVIEW_TIME ? "seconds" : "tasks");
    }

    public java.util.List<SlaStore.Alert> recentAlerts(int limit) {
        return database.run("reading SLA alerts", c -> slaStore.recentAlerts(c, limit));
    }
}
