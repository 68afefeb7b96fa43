package io.oversight.governance.application;

import io.oversight.governance.AlertChanged;
import io.oversight.governance.AlertRule;
import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.MonitorValue;
import io.oversight.governance.infrastructure.AlertStore;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Alert episodes. Opening and closing happen in the monitor tick's transaction, acknowledging
 * in the person's: each writes its ledger entry in that same transaction, and an open or a close
 * fires {@link AlertChanged} so that tasks queues the signed webhook in it too.
 */
@ApplicationScoped
public class AlertService implements MonitorTick.AlertSink {

    public static final String OPENED = "governance.alert.opened";
    public static final String CLOSED = "governance.alert.closed";
    public static final String ACKNOWLEDGED = "governance.alert.acknowledged";
    static final int MAX_NOTE = 2000;
    private static final Actor MONITORS = Actor.system("monitors");

    @Inject
    GovernanceLedger ledger;

    @Inject
    Database database;

    @Inject
    Event<AlertChanged> changes;

    @Inject
    AlertStore alertStore;

    @Override
    public String opened(Connection c, AlertRule rule, MonitorValue value, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        MonitorAlert alert = new MonitorAlert(id, "MONITOR", rule.workflowKey(), Optional.of(rule.id()),
                rule.monitor().name(), rule.severity().name(), summary(rule, value), now, value.value(),
                Optional.of(value.n()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        alertStore.insertAlert(c, alert, Optional.of(value.windowStart()));
        ledger.write(ledger.record(OPENED, MONITORS, rule.workflowKey(), "alert", id)
                .attribute("rule", rule.id())
                .attribute("monitor", rule.monitor().name())
                .attribute("field", rule.field().orElse(""))
                .attribute("grain", rule.grain().name())
                .attribute("window", value.windowStart().toString())
                .attribute("value", value.value().map(String::valueOf).orElse(""))
                .attribute("n", Long.toString(value.n()))
                .attribute("threshold", rule.direction().name() + " " + rule.threshold())
                .attribute("severity", rule.severity().name()));
        changes.fire(new AlertChanged(alert, "OPENED", rule.monitor().title()));
        return id;
    }

    @Override
    public void closed(Connection c, AlertRule rule, String alertId, MonitorValue value, Instant now) throws SQLException {
        alertStore.closeAlert(c, alertId, now);
        ledger.write(ledger.record(CLOSED, MONITORS, rule.workflowKey(), "alert", alertId)
                .attribute("rule", rule.id())
                .attribute("monitor", rule.monitor().name())
                .attribute("window", value.windowStart().toString())
                .attribute("value", value.value().map(String::valueOf).orElse(""))
                .attribute("n", Long.toString(value.n())));
        alertStore.alert(c, alertId).ifPresent(a -> changes.fire(new AlertChanged(a, "CLOSED", rule.monitor().title())));
    }

    /** A person says they saw the alert and why it is handled; once per alert. */
    @Transactional
    public MonitorAlert acknowledge(String alertId, String note, Actor actor) {
        Violations v = new Violations();
        v.check(note != null && !note.isBlank() && note.length() <= MAX_NOTE, "note",
                "say what is being done about it, in 1 to " + MAX_NOTE + " characters");
        v.throwIfAny("The acknowledgement");
        Instant now = ledger.clock().instant();
        return database.run("acknowledging an alert", c -> {
            MonitorAlert alert = alertStore.alert(c, alertId)
                    .orElseThrow(() -> new NotFoundException("No alert with id '" + alertId + "'."));
            if (!alertStore.acknowledge(c, alertId, actor.pseudonym(), note.strip(), now)) {
                throw new ConflictException("Alert " + alertId + " was already acknowledged.");
            }
            ledger.write(ledger.record(ACKNOWLEDGED, actor, alert.workflowKey(), "alert", alertId)
                    .attribute("source", alert.source())
                    .attribute("monitor", alert.monitor())
                    .rationale(note.strip()));
            return alertStore.alert(c, alertId).orElseThrow();
        });
    }

    /** A proportion as a percentage; another value with at most four decimals and no trailing zeros ("200", "0.1234"). */
    private static String shown(Monitor monitor, double v) {
        return monitor.proportion() ? String.format(Locale.ROOT, "%.1f%%", 100 * v)
                : BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String summary(AlertRule rule, MonitorValue value) {
        String shown = value.value().map(v -> shown(rule.monitor(), v)).orElse("?");
        String threshold = shown(rule.monitor(), rule.threshold());
        return rule.monitor().title() + rule.field().map(f -> " of " + f).orElse("") + " " + shown + " (n = " + value.n() + ") is " + rule.direction().name()
                .toLowerCase(Locale.ROOT) + " " + threshold + " for " + rule.openAfter() + " " + rule.grain().name()
                .toLowerCase(Locale.ROOT) + (rule.openAfter() == 1 ? "" : "s");
    }
}
