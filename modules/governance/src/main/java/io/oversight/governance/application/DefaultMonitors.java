package io.oversight.governance.application;

import io.oversight.governance.AlertRule;
import io.oversight.governance.DriftField;
import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorSettings;
import io.oversight.governance.MonitorValue;
import io.oversight.governance.Monitors;
import io.oversight.governance.domain.monitoring.MonitorValues;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import io.oversight.governance.infrastructure.AlertStore;
import io.oversight.governance.infrastructure.MonitorConfigStore;
import io.oversight.governance.infrastructure.ReferenceStore;
import io.oversight.governance.infrastructure.WindowStore;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The monitors' time series and alert list (reads), and their configuration: settings and alert rules,
 * each change a ledger entry in its transaction.
 */
@ApplicationScoped
@Transactional
public class DefaultMonitors implements Monitors {

    public static final String SETTINGS_CHANGED = "governance.monitors.settings-changed";
    public static final String RULE_CREATED = "governance.alert-rule.created";
    public static final String RULE_DELETED = "governance.alert-rule.deleted";
    /** Most windows one read returns: a year of days, or five weeks of hours. */
    public static final int MAX_WINDOWS = 1000;
    /** Most payload fields one workflow watches for input drift. */
    public static final int MAX_DRIFT_FIELDS = 20;
    private static final Pattern DRIFT_PATH = Pattern.compile("(?=.{1,100}$)[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    /** Most alerts one read returns. */
    public static final int MAX_ALERTS = 500;

    @Inject
    Database database;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    GovernanceLedger ledger;

    @Inject
    MonitorConfigStore monitorConfigStore;

    @Inject
    WindowStore windowStore;

    @Inject
    AlertStore alertStore;

    @Inject
    ReferenceStore referenceStore;

    @Override
    public List<MonitorValue> values(String workflowKey, Optional<String> subject, MonitorGrain grain, Instant from,
            Instant to) {
        workflows.require(workflowKey);
        checkRange(grain, from, to);
        String key = subject.orElse(MonitorTick.WORKFLOW);
        Instant now = ledger.clock().instant();
        return database.run("reading monitor windows", c -> {
            MonitorSettings settings = monitorConfigStore.settings(c, workflowKey);
            Optional<WindowAggregate> reference = MonitorTick.completeReference(referenceStore, c, settings, key, now);
            List<MonitorValue> values = new ArrayList<>();
            for (Map.Entry<Instant, WindowAggregate> w : windowStore.windows(c, workflowKey, key, grain, from, to).entrySet()) {
                values.addAll(MonitorValues.of(new MonitorValues.Window(workflowKey, subject, grain, w.getKey()), w.getValue(),
                        reference, settings.minN()));
            }
            return values;
        });
    }

    /** The merged aggregate of every window of {@code grain} in [from, to) of a subject (for gates and advice). */
    public WindowAggregate total(String workflowKey, String subject, MonitorGrain grain, Instant from, Instant to) {
        return database.run("reading monitor windows", c -> {
            WindowAggregate total = new WindowAggregate();
            windowStore.windows(c, workflowKey, subject, grain, from, to).values().forEach(total::merge);
            return total;
        });
    }

    /** Snapshots and reviewers with windows of a grain in the period. */
    public List<String> subjects(String workflowKey, MonitorGrain grain, Instant from, Instant to) {
        workflows.require(workflowKey);
        return database.run("reading monitor subjects", c -> windowStore.subjects(c, workflowKey, grain, from, to))
                .stream().filter(s -> !MonitorTick.WORKFLOW.equals(s)).toList();
    }

    @Override
    public List<MonitorAlert> alerts(Optional<String> workflowKey, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw InvalidInputException.sentence("from", "must be before to");
        }
        return database.run("reading alerts", c -> alertStore.alerts(c, workflowKey, from, to, MAX_ALERTS));
    }

    public MonitorSettings settings(String workflowKey) {
        workflows.require(workflowKey);
        return database.run("reading monitor settings", c -> monitorConfigStore.settings(c, workflowKey));
    }

    public MonitorSettings saveSettings(MonitorSettings s, Actor actor) {
        List<String> personal = workflows.lock(s.workflowKey()).piiFieldPaths();
        Violations v = new Violations();
        v.check(s.minN() >= 1 && s.minN() <= 1_000_000, "minN", "must be between 1 and 1,000,000");
        v.check(s.referenceSize() >= 10 && s.referenceSize() <= 10_000_000, "referenceSize",
                "must be between 10 and 10,000,000");
        v.check(s.referenceFrom().isPresent() == s.referenceTo().isPresent(), "referenceFrom",
                "a fixed reference period needs both referenceFrom and referenceTo");
        v.check(s.referenceFrom().isEmpty() || s.referenceFrom().get().isBefore(s.referenceTo().orElseThrow()),
                "referenceTo", "must be after referenceFrom");
        v.check(s.adviceTarget() > 0 && s.adviceTarget() < 1, "adviceTarget", "must be strictly between 0 and 1");
        s.acceptance().ifPresent(a -> {
            v.check(a.minN() >= 1, "acceptance.minN", "must be at least 1");
            v.check(a.minAgreement() >= 0 && a.minAgreement() <= 1, "acceptance.minAgreement", "must be between 0 and 1");
            v.check(a.margin().isEmpty() || (a.margin().get() >= 0 && a.margin().get() <= 1), "acceptance.margin",
                    "must be between 0 and 1");
        });
        v.check(s.driftFields().size() <= MAX_DRIFT_FIELDS, "driftFields", "at most " + MAX_DRIFT_FIELDS + " fields");
        Set<String> seen = new HashSet<>();
        for (DriftField f : s.driftFields()) {
            String path = f.path() == null ? "" : f.path();
            String name = "driftFields[" + path + "]";
            v.check(f.kind() != null, name, "needs a kind: NUMERIC or CATEGORICAL");
            v.check(DRIFT_PATH.matcher(path).matches(), name,
                    "must be a dotted path of payload field names (letters, digits, '_' or '-'), at most 100 characters");
            v.check(seen.add(path), name, "is listed twice");
            v.check(!DriftFieldSelection.isPersonal(path, personal), name,
                    "is a declared personal-data field (or contains one): personal data is never monitored");
        }
        v.throwIfAny("The monitor-settings request");
        database.run("saving monitor settings", c -> {
            monitorConfigStore.saveSettings(c, s);
            return null;
        });
        var record = ledger.record(SETTINGS_CHANGED, actor, s.workflowKey(), "workflow", s.workflowKey())
                .attribute("minN", Integer.toString(s.minN()))
                .attribute("reference", s.periodReference()
                        ? s.referenceFrom().get() + "/" + s.referenceTo().get() : "first " + s.referenceSize())
                .attribute("adviceTarget", Double.toString(s.adviceTarget()))
                .attribute("driftFields", String.join(",", s.driftFields().stream()
                        .map(f -> f.path() + ":" + f.kind().name()).toList()));
        s.acceptance().ifPresent(a -> record.attribute("gateMinN", Integer.toString(a.minN()))
                .attribute("gateMinAgreement", Double.toString(a.minAgreement()))
                .attribute("gateMargin", a.margin().map(String::valueOf).orElse("")));
        ledger.write(record);
        return s;
    }

    public List<AlertRule> rules(Optional<String> workflowKey) {
        workflowKey.ifPresent(workflows::require);
        return database.run("reading alert rules", c -> monitorConfigStore.rules(c, workflowKey));
    }

    /**
     * An input-drift monitor is read on one declared drift field of a kind it applies to (KS: numbers,
     * chi-square: categories); no other monitor takes a field.
     */
    private void checkField(AlertRule spec, Violations v) {
        if (spec.monitor() == null) {
            return;
        }
        if (!spec.monitor().ofInputField()) {
            v.check(spec.field().isEmpty(), "field", "applies only to the input-drift monitors (INPUT_PSI, INPUT_KS, "
                    + "INPUT_CHI_SQUARE)");
            return;
        }
        if (spec.field().isEmpty()) {
            v.add("field", "is required for " + spec.monitor().name() + ": the declared drift field to watch");
            return;
        }
        Optional<DriftField> declared = settings(spec.workflowKey()).driftFields().stream()
                .filter(f -> f.path().equals(spec.field().get())).findFirst();
        if (declared.isEmpty()) {
            v.add("field", "'" + spec.field().get() + "' is not a drift field of workflow " + spec.workflowKey()
                    + "; declare it in the monitor settings first");
        } else if (spec.monitor() == Monitor.INPUT_KS && declared.get().kind() != DriftField.Kind.NUMERIC
                || spec.monitor() == Monitor.INPUT_CHI_SQUARE && declared.get().kind() != DriftField.Kind.CATEGORICAL) {
            v.add("field", "'" + spec.field().get() + "' is " + declared.get().kind().name() + "; "
                    + spec.monitor().name() + " applies to " + (spec.monitor() == Monitor.INPUT_KS ? "NUMERIC" : "CATEGORICAL")
                    + " fields");
        }
    }

    public AlertRule createRule(AlertRule spec, Actor actor) {
        Violations v = new Violations();
        v.check(spec.monitor() != null, "monitor", "is required");
        checkField(spec, v);
        v.check(spec.grain() != null, "grain", "is required (HOUR, DAY or WEEK)");
        v.check(spec.direction() != null, "direction", "is required (ABOVE or BELOW)");
        v.check(spec.severity() != null, "severity", "is required (INFO, WARNING or CRITICAL)");
        v.check(Double.isFinite(spec.threshold()), "threshold", "must be a finite number");
        v.check(spec.minN() >= 1, "minN", "must be at least 1");
        v.check(spec.openAfter() >= 1 && spec.openAfter() <= 100, "openAfter", "must be between 1 and 100 windows");
        v.check(spec.closeAfter() >= 1 && spec.closeAfter() <= 100, "closeAfter", "must be between 1 and 100 windows");
        v.throwIfAny("The alert rule");
        workflows.lock(spec.workflowKey());
        AlertRule rule = new AlertRule(UUID.randomUUID().toString(), spec.workflowKey(), spec.monitor(), spec.field(),
                spec.grain(),
                spec.direction(), spec.threshold(), spec.minN(), spec.severity(), spec.openAfter(), spec.closeAfter(),
                ledger.clock().instant(), false, 0, Optional.empty(), Optional.empty());
        database.run("creating an alert rule", c -> {
            monitorConfigStore.insertRule(c, rule);
            return null;
        });
        ledger.write(ledger.record(RULE_CREATED, actor, rule.workflowKey(), "alert-rule", rule.id())
                .attribute("monitor", rule.monitor().name())
                .attribute("field", rule.field().orElse(""))
                .attribute("grain", rule.grain().name())
                .attribute("threshold", rule.direction().name() + " " + rule.threshold())
                .attribute("minN", Integer.toString(rule.minN()))
                .attribute("severity", rule.severity().name())
                .attribute("openAfter", Integer.toString(rule.openAfter()))
                .attribute("closeAfter", Integer.toString(rule.closeAfter())));
        return rule;
    }

    public void deleteRule(String id, Actor actor) {
        AlertRule rule = rules(Optional.empty()).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No alert rule with id '" + id + "'."));
        workflows.lock(rule.workflowKey());
        boolean deleted = database.run("deleting an alert rule", c -> monitorConfigStore.deleteRule(c, id));
        if (!deleted) {
            throw new ConflictException("Alert rule " + id
                    + " has an open episode; it can be deleted once the episode has closed.");
        }
        ledger.write(ledger.record(RULE_DELETED, actor, rule.workflowKey(), "alert-rule", id)
                .attribute("monitor", rule.monitor().name()));
    }

    private static void checkRange(MonitorGrain grain, Instant from, Instant to) {
        Violations v = new Violations();
        v.check(from.isBefore(to), "from", "must be before to");
        v.check(!from.isBefore(to) || Duration.between(from, to).dividedBy(grain.length()) <= MAX_WINDOWS, "to",
                "the period holds more than " + MAX_WINDOWS + " " + grain.name().toLowerCase() + " windows; "
                        + "choose a longer grain or a shorter period");
        v.throwIfAny("The period");
    }
}
