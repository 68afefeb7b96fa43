package io.oversight.governance.application;

import io.oversight.governance.AlertRule;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorSettings;
import io.oversight.governance.MonitorValue;
import io.oversight.governance.domain.monitoring.Hysteresis;
import io.oversight.governance.domain.monitoring.MonitorValues;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import io.oversight.governance.infrastructure.MonitorConfigStore;
import io.oversight.governance.infrastructure.MonitorHeadStore;
import io.oversight.governance.infrastructure.ObservationStore.Observation;
import io.oversight.governance.infrastructure.ObservationStore;
import io.oversight.governance.infrastructure.ReferenceStore;
import io.oversight.governance.infrastructure.WindowStore.WindowKey;
import io.oversight.governance.infrastructure.WindowStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One round of monitor computation, on one connection in one transaction: take the
 * lock row (or leave at once if another server holds it), fold at most {@link #BATCH} committed
 * observations into their hour, day and week windows and the drift references, delete them, and,
 * once the outbox is drained, evaluate the alert rules on the windows that closed since their last
 * evaluation. Cost is proportional to what arrived since the last round and to the number of
 * windows it touches, never to the history. Plain Java over JDBC, so tests run it against a database
 * directly, as several servers would.
 */
public final class MonitorTick {

    /** Observations folded per round; a backlog larger than this drains over several rounds. */
    public static final int BATCH = 50_000;
    /** The subject of a window or reference that covers the whole workflow. */
    public static final String WORKFLOW = "*";
    static final String REVIEWER_PREFIX = "reviewer:";

    /** What the caller does when a rule opens or closes an episode (ledger, webhook), in this transaction. */
    public interface AlertSink {
        String opened(Connection c, AlertRule rule, MonitorValue value, Instant now) throws SQLException;

        void closed(Connection c, AlertRule rule, String alertId, MonitorValue value, Instant now) throws SQLException;
    }

    public record Result(boolean ran, int observations, int windows, int opened, int closed) {
        static Result skipped() {
            return new Result(false, 0, 0, 0, 0);
        }
    }

    private final MonitorHeadStore head;
    private final ObservationStore observations;
    private final WindowStore windows;
    private final ReferenceStore referenceStore;
    private final MonitorConfigStore config;

    public MonitorTick(MonitorHeadStore head, ObservationStore observations, WindowStore windows, ReferenceStore references,
            MonitorConfigStore config) {
        this.head = head;
        this.observations = observations;
        this.windows = windows;
        this.referenceStore = references;
        this.config = config;
    }

    public Result run(Connection c, Instant now, String holder, AlertSink sink) throws SQLException {
        if (!head.tryLockHead(c)) {
            return Result.skipped();
        }
        List<Observation> rows = observations.oldestObservations(c, BATCH);
        Map<WindowKey, WindowAggregate> deltas = new LinkedHashMap<>();
        Map<String, MonitorSettings> settings = new HashMap<>();
        Map<String, ReferenceState> references = new LinkedHashMap<>();
        for (Observation o : rows) {
            fold(c, o, deltas, settings, references);
        }
        for (Map.Entry<WindowKey, WindowAggregate> delta : deltas.entrySet()) {
            Optional<WindowAggregate> stored = windows.window(c, delta.getKey());
            WindowAggregate merged = stored.orElseGet(WindowAggregate::new);
            merged.merge(delta.getValue());
            windows.saveWindow(c, delta.getKey(), merged, stored.isPresent(), now);
        }
        for (ReferenceState r : references.values()) {
            if (r.changed) {
                referenceStore.saveReference(c, r.workflowKey, r.subject, new ReferenceStore.Reference(r.aggregate.predictions(),
                        r.aggregate.confidence(), r.aggregate.labels()), r.exists);
            }
        }
        observations.deleteObservations(c, rows);
        int[] changes = {0, 0};
        if (rows.size() < BATCH) {
            changes = evaluateRules(c, now, sink);
        }
        head.recordTick(c, now, holder);
        return new Result(true, rows.size(), deltas.size(), changes[0], changes[1]);
    }

    private static final class ReferenceState {
        final String workflowKey;
        final String subject;
        final WindowAggregate aggregate;
        final boolean exists;
        boolean changed;

        ReferenceState(String workflowKey, String subject, Optional<ReferenceStore.Reference> stored) {
            this.workflowKey = workflowKey;
            this.subject = subject;
            this.exists = stored.isPresent();
            this.aggregate = stored.map(r -> WindowAggregate.ofReference(r.predictions(), r.confidence(), r.labels()))
                    .orElseGet(WindowAggregate::new);
        }
    }

    private void fold(Connection c, Observation o, Map<WindowKey, WindowAggregate> deltas,
            Map<String, MonitorSettings> settings, Map<String, ReferenceState> references) throws SQLException {
        List<String> subjects = switch (o.kind()) {
            case ObservationKinds.GOLD -> List.of(WORKFLOW, REVIEWER_PREFIX + o.label().orElse("unknown"));
            case ObservationKinds.QUEUE -> List.of(WORKFLOW);
            case ObservationKinds.INPUT -> List.of(MonitorValues.INPUT_PREFIX + o.label().orElseThrow());
            default -> List.of(WORKFLOW, o.snapshotId());
        };
        for (MonitorGrain grain : MonitorGrain.values()) {
            for (String subject : subjects) {
                ObservationKinds.addTo(deltas.computeIfAbsent(
                        new WindowKey(o.workflowKey(), subject, grain, grain.windowStart(o.at())), k -> new WindowAggregate()), o);
            }
        }
        // a field's values build its reference as predictions build the workflow's
        if (ObservationKinds.PREDICTION.equals(o.kind()) || ObservationKinds.INPUT.equals(o.kind())) {
            MonitorSettings s = settings.get(o.workflowKey());
            if (s == null) {
                s = config.settings(c, o.workflowKey());
                settings.put(o.workflowKey(), s);
            }
            for (String subject : subjects) {
                String key = o.workflowKey() + '\n' + subject;
                ReferenceState r = references.get(key);
                if (r == null) {
                    r = new ReferenceState(o.workflowKey(), subject, referenceStore.reference(c, o.workflowKey(), subject));
                    references.put(key, r);
                }
                boolean belongs = s.periodReference()
                        ? !o.at().isBefore(s.referenceFrom().get()) && o.at().isBefore(s.referenceTo().get())
                        : r.aggregate.predictions() < s.referenceSize();
                if (belongs) {
                    ObservationKinds.addTo(r.aggregate, o);
                    r.changed = true;
                }
            }
        }
    }

    /** The drift reference of a subject, once complete (full, or its period over). */
    static Optional<WindowAggregate> completeReference(ReferenceStore references, Connection c, MonitorSettings s,
            String subject, Instant now) throws SQLException {
        Optional<ReferenceStore.Reference> r = references.reference(c, s.workflowKey(), subject);
        boolean complete = r.isPresent() && r.get().predictions() > 0 && (s.periodReference()
                ? !now.isBefore(s.referenceTo().get()) : r.get().predictions() >= s.referenceSize());
        return complete ? r.map(x -> WindowAggregate.ofReference(x.predictions(), x.confidence(), x.labels()))
                : Optional.empty();
    }

    private int[] evaluateRules(Connection c, Instant now, AlertSink sink) throws SQLException {
        int opened = 0;
        int closed = 0;
        for (AlertRule rule : config.rules(c, Optional.empty())) {
            Instant to = rule.grain().windowStart(now);
            Instant from = rule.evaluatedTo().map(t -> t.plus(rule.grain().length()))
                    .orElse(rule.grain().windowStart(rule.createdAt()));
            if (!from.isBefore(to)) {
                continue;
            }
            MonitorSettings s = config.settings(c, rule.workflowKey());
            // an input-drift rule reads its field's series and reference; the others the workflow's
            Optional<String> fieldSubject = rule.field().map(f -> MonitorValues.INPUT_PREFIX + f);
            String subject = fieldSubject.orElse(WORKFLOW);
            Optional<WindowAggregate> reference = completeReference(referenceStore, c, s, subject, now);
            Hysteresis state = new Hysteresis(rule.episodeOpen(), rule.streak());
            Optional<String> alertId = rule.openAlertId();
            for (Map.Entry<Instant, WindowAggregate> w : windows.windows(c, rule.workflowKey(), subject, rule.grain(),
                    from, to).entrySet()) {
                MonitorValue value = MonitorValues.of(new MonitorValues.Window(rule.workflowKey(), fieldSubject,
                        rule.grain(), w.getKey()), rule.monitor(), w.getValue(), reference, Math.max(rule.minN(), s.minN()));
                Optional<Boolean> breached = value.value().filter(v -> value.n() >= rule.minN()).map(rule::breachedBy);
                Hysteresis.Step step = state.next(breached, rule.openAfter(), rule.closeAfter());
                state = step.state();
                if (step.change() == Hysteresis.Change.OPEN) {
                    alertId = Optional.of(sink.opened(c, rule, value, now));
                    opened++;
                } else if (step.change() == Hysteresis.Change.CLOSE) {
                    sink.closed(c, rule, alertId.orElseThrow(), value, now);
                    alertId = Optional.empty();
                    closed++;
                }
            }
            config.saveRuleState(c, rule.id(), state.open(), state.streak(), to.minus(rule.grain().length()),
                    alertId);
        }
        return new int[] {opened, closed};
    }
}
