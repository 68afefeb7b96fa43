package io.oversight.governance.domain.monitoring;

import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorValue;
import io.oversight.governance.domain.stats.Drift;
import io.oversight.governance.domain.stats.InputDrift;
import io.oversight.governance.domain.stats.Wilson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one window's aggregates into every monitor's value. The rule everywhere: below the minimum n
 * the value is empty with status NOT_ENOUGH_DATA; drift without a complete reference is NO_REFERENCE.
 * Proportions carry their Wilson 95% interval.
 */
public final class MonitorValues {

    private MonitorValues() {
    }

    /** Where a window sits and what it is compared with. */
    public record Window(String workflowKey, Optional<String> subject, MonitorGrain grain, Instant start) {
    }

    /** The subject prefix of a declared payload field's windows: {@code input:<path>}. */
    public static final String INPUT_PREFIX = "input:";

    /**
     * Every monitor that applies to the window's subject: the input-drift ones to a field (KS to a
     * numeric one, chi-square to a categorical one), the others elsewhere.
     */
    public static List<MonitorValue> of(Window w, WindowAggregate a, Optional<WindowAggregate> reference, long minN) {
        boolean field = w.subject().filter(s -> s.startsWith(INPUT_PREFIX)).isPresent();
        boolean numeric = InputDrift.holdsNumbers(a.labels) || reference.filter(r -> InputDrift.holdsNumbers(r.labels)).isPresent();
        List<MonitorValue> values = new ArrayList<>(Monitor.values().length);
        for (Monitor m : Monitor.values()) {
            boolean applies = m.ofInputField() == field
                    && !(m == Monitor.INPUT_KS && !numeric) && !(m == Monitor.INPUT_CHI_SQUARE && numeric);
            if (applies) {
                values.add(of(w, m, a, reference, minN));
            }
        }
        return values;
    }

    public static MonitorValue of(Window w, Monitor monitor, WindowAggregate a, Optional<WindowAggregate> reference,
            long minN) {
        return switch (monitor) {
            case AGREEMENT -> share(w, monitor, a.agreed, a.decisions, minN);
            case CORRECTION_RATE -> share(w, monitor, a.corrected, a.decisions, minN);
            case ADJUDICATION_RATE -> share(w, monitor, a.adjudicated, a.decisions, minN);
            case ESCALATION_RATE -> share(w, monitor, a.escalations, a.actions, minN);
            case SKIP_RATE -> share(w, monitor, a.skips, a.actions, minN);
            case AUTO_ACCEPT_ERROR -> share(w, monitor, a.auditErrors, a.audits, minN);
            case GOLD_ACCURACY -> share(w, monitor, a.goldCorrect, a.goldAnswers, minN);
            case CALIBRATION_ECE -> number(w, monitor, a.decisions + a.audits, minN,
                    a.calibration.expectedCalibrationError(), Optional.empty(), Map.of());
            case BRIER -> number(w, monitor, a.decisions + a.audits, minN, a.calibration.brier(), Optional.empty(), Map.of());
            case SCORE_PSI -> drift(w, monitor, a, reference, minN,
                    r -> Drift.psi(r.confidence(), a.confidence()), r -> Optional.empty());
            case SCORE_KS -> {
                Optional<Drift.KsResult> ks = reference.flatMap(r -> Drift.ks(r.confidence(), a.confidence()));
                yield drift(w, monitor, a, reference, minN, r -> ks.map(Drift.KsResult::statistic),
                        r -> ks.map(Drift.KsResult::pValue));
            }
            case LABEL_PSI -> drift(w, monitor, a, reference, minN, r -> Drift.psi(r.labels, a.labels), r -> Optional.empty());
            case REVIEWER_AGREEMENT -> number(w, monitor, a.reviewerAlpha.pairable(), minN, a.reviewerAlpha.value(),
                    Optional.empty(), Map.of());
            case INPUT_PSI -> drift(w, monitor, a, reference, minN, r -> InputDrift.psi(r.labels, a.labels),
                    r -> Optional.empty());
            case INPUT_KS -> {
                Optional<Drift.KsResult> ks = reference.flatMap(r -> InputDrift.ks(r.labels, a.labels));
                yield drift(w, monitor, a, reference, minN, r -> ks.map(Drift.KsResult::statistic),
                        r -> ks.map(Drift.KsResult::pValue));
            }
            case INPUT_CHI_SQUARE -> {
                Optional<Drift.ChiSquareResult> chi = reference.flatMap(r -> InputDrift.chiSquare(r.labels, a.labels));
                yield drift(w, monitor, a, reference, minN, r -> chi.map(Drift.ChiSquareResult::statistic),
                        r -> chi.map(Drift.ChiSquareResult::pValue));
            }
            case VOLUME -> new MonitorValue(w.workflowKey(), w.subject(), monitor, w.grain(), w.start(), end(w),
                    MonitorValue.Status.OK, Optional.of((double) a.predictions), a.predictions, Optional.empty(),
                    Optional.empty(), Optional.empty(), a.routes);
            // queue measures are maxima the SLA monitor saw: their n is the backlog itself
            case QUEUE_BACKLOG -> new MonitorValue(w.workflowKey(), w.subject(), monitor, w.grain(), w.start(), end(w),
                    MonitorValue.Status.OK, Optional.of((double) a.queueOpenMax), a.queueOpenMax, Optional.empty(),
                    Optional.empty(), Optional.empty(), Map.of());
            case OLDEST_AGE_VS_SLA -> new MonitorValue(w.workflowKey(), w.subject(), monitor, w.grain(), w.start(),
                    end(w), MonitorValue.Status.OK, Optional.of(a.oldestAgeRatioMax), a.queueOpenMax, Optional.empty(),
                    Optional.empty(), Optional.empty(), Map.of());
        };
    }

    private static Instant end(Window w) {
        return w.start().plus(w.grain().length());
    }

    private static MonitorValue share(Window w, Monitor m, long k, long n, long minN) {
        if (n < minN || n == 0) {
            return notEnough(w, m, n);
        }
        Wilson.Interval i = Wilson.interval95(k, n).orElseThrow();
        return new MonitorValue(w.workflowKey(), w.subject(), m, w.grain(), w.start(), end(w), MonitorValue.Status.OK,
                Optional.of(i.estimate()), n, Optional.of(i.lower()), Optional.of(i.upper()), Optional.empty(), Map.of());
    }

    private static MonitorValue number(Window w, Monitor m, long n, long minN, Optional<Double> value,
            Optional<Double> pValue, Map<String, Long> details) {
        if (n < minN || value.isEmpty()) {
            return notEnough(w, m, n);
        }
        return new MonitorValue(w.workflowKey(), w.subject(), m, w.grain(), w.start(), end(w), MonitorValue.Status.OK,
                value, n, Optional.empty(), Optional.empty(), pValue, details);
    }

    private static MonitorValue drift(Window w, Monitor m, WindowAggregate a, Optional<WindowAggregate> reference,
            long minN, java.util.function.Function<WindowAggregate, Optional<Double>> statistic,
            java.util.function.Function<WindowAggregate, Optional<Double>> pValue) {
        if (reference.isEmpty()) {
            return new MonitorValue(w.workflowKey(), w.subject(), m, w.grain(), w.start(), end(w),
                    MonitorValue.Status.NO_REFERENCE, Optional.empty(), a.predictions, Optional.empty(), Optional.empty(),
                    Optional.empty(), Map.of());
        }
        return number(w, m, a.predictions, minN, statistic.apply(reference.get()), pValue.apply(reference.get()), Map.of());
    }

    private static MonitorValue notEnough(Window w, Monitor m, long n) {
        return new MonitorValue(w.workflowKey(), w.subject(), m, w.grain(), w.start(), end(w),
                MonitorValue.Status.NOT_ENOUGH_DATA, Optional.empty(), n, Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of());
    }
}
