package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.governance.DriftField;
import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorValue;
import io.oversight.governance.Workflow;
import io.oversight.governance.application.DefaultMonitors;
import io.oversight.governance.application.DefaultWorkflowService;
import io.oversight.governance.application.MonitorTick;
import io.oversight.governance.domain.monitoring.MonitorValues;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A workflow's monitoring dashboard: which workflow and window length the address names, the
 * monitors' values and alerts over that period, the latest value of each for the summary table, and
 * the charts {@link MonitorCharts} draws from them.
 */
@Named
@ViewScoped
public class MonitorDashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** Windows shown per grain: two days of hours, two months of days, a year of weeks. */
    private static final Map<MonitorGrain, Integer> WINDOWS = Map.of(MonitorGrain.HOUR, 48, MonitorGrain.DAY, 60,
            MonitorGrain.WEEK, 52);

    @Inject
    DefaultMonitors monitors;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    Clock clock;

    private String workflowKey;
    private MonitorGrain grain = MonitorGrain.HOUR;
    private transient List<Workflow> workflowList;
    private transient Map<Monitor, List<MonitorValue>> series;
    private transient List<MonitorAlert> alerts;
    private transient MonitorCharts charts;
    private Instant from;
    private Instant to;
    private final Map<String, String> errors = new TreeMap<>();

    /**
     * Reads the workflow and the window length from the page's address (the chips are links, so a view is
     * a link people share). A value that names nothing is refused beside its chips, by their label, and
     * nothing is shown: no chart, and no "no data yet" either, which would read as an answer.
     */
    @PostConstruct
    void init() {
        workflowList = workflows.list();
        String key = PageMessages.parameter("workflow");
        if (key == null) {
            workflowKey = workflowList.isEmpty() ? null : workflowList.get(0).key();
        } else if (workflowList.stream().anyMatch(w -> w.key().equals(key))) {
            workflowKey = key;
        } else {
            errors.put("workflow", "Workflow: there is no workflow '" + key + "'.");
        }
        String g = PageMessages.parameter("grain");
        if (g != null) {
            try {
                grain = MonitorGrain.valueOf(g.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("grain", "Windows: '" + g + "' is not one of HOUR, DAY or WEEK.");
            }
        }
        to = grain.windowStart(clock.instant()).plus(grain.length());
        from = to.minus(grain.length().multipliedBy(WINDOWS.get(grain)));
    }

    /** Each refused address parameter's message, by parameter. */
    public Map<String, String> getErrors() {
        return errors;
    }

    /** Whether the address names a workflow and window length the page can show. */
    public boolean isShown() {
        return errors.isEmpty() && workflowKey != null;
    }

    private void load() {
        if (series != null || !isShown()) {
            return;
        }
        series = new EnumMap<>(Monitor.class);
        List<MonitorValue> values = PageMessages.attemptGet(
                () -> monitors.values(workflowKey, Optional.empty(), grain, from, to), null);
        for (MonitorValue v : values == null ? List.<MonitorValue>of() : values) {
            series.computeIfAbsent(v.monitor(), m -> new ArrayList<>()).add(v);
        }
        alerts = monitors.alerts(Optional.of(workflowKey), from, clock.instant().plusSeconds(1));
        Map<String, List<MonitorValue>> inputDrift = new TreeMap<>();
        for (DriftField field : monitors.settings(workflowKey).driftFields()) {
            inputDrift.put(field.path(), monitors.values(workflowKey, Optional.of(MonitorValues.INPUT_PREFIX + field.path()),
                    grain, from, to).stream().filter(v -> v.monitor() == Monitor.INPUT_PSI).toList());
        }
        WindowAggregate total = monitors.total(workflowKey, MonitorTick.WORKFLOW, grain, from, to);
        charts = new MonitorCharts(series, inputDrift, total.calibration(), alerts, from, to);
    }

    public List<Workflow> getWorkflows() {
        return workflowList;
    }

    public String getWorkflowKey() {
        return workflowKey;
    }

    public String getGrain() {
        return grain.name();
    }

    public String getPeriod() {
        return HUMAN.format(from) + " – " + HUMAN.format(to);
    }

    public boolean isHasData() {
        load();
        return series != null && !series.isEmpty();
    }

    /** Each monitor's latest window with data, for the summary table. */
    public List<MonitorValue> getLatest() {
        load();
        List<MonitorValue> latest = new ArrayList<>();
        series.values().forEach(values -> latest.add(latestWithData(values)));
        return latest;
    }

    /**
     * The latest window that saw any observation, else the latest: in the first minutes of an hour the
     * table keeps the hour just closed instead of a column of "not enough data, n = 0".
     */
    static MonitorValue latestWithData(List<MonitorValue> windowsInOrder) {
        for (int i = windowsInOrder.size() - 1; i >= 0; i--) {
            if (windowsInOrder.get(i).n() > 0) {
                return windowsInOrder.get(i);
            }
        }
        return windowsInOrder.get(windowsInOrder.size() - 1);
    }

    public String shown(MonitorValue v) {
        if (v.value().isEmpty()) {
            return v.status() == MonitorValue.Status.NO_REFERENCE ? "no reference yet" : "not enough data";
        }
        double x = v.value().get();
        String main = v.monitor().proportion() ? String.format(Locale.ENGLISH, "%.1f%%", 100 * x)
                : v.monitor() == Monitor.VOLUME || v.monitor() == Monitor.QUEUE_BACKLOG ? String.format(Locale.ENGLISH, "%,.0f", x)
                : String.format(Locale.ENGLISH, "%.3f", x);
        if (v.lower().isPresent() && v.upper().isPresent()) {
            main += String.format(Locale.ENGLISH, " (95%%: %.1f–%.1f%%)", 100 * v.lower().get(), 100 * v.upper().get());
        }
        if (v.pValue().isPresent()) {
            main += String.format(Locale.ENGLISH, " (p = %.3g)", v.pValue().get());
        }
        return main;
    }

    public String human(Instant at) {
        return at == null ? "" : HUMAN.format(at);
    }

    public List<MonitorAlert> getAlerts() {
        load();
        return alerts;
    }

    // --- chart options (ECharts JSON), built by MonitorCharts from what load() read -------------------------

    public String getThroughputChart() {
        load();
        return charts.throughput();
    }

    public String getSlaChart() {
        load();
        return charts.sla();
    }

    public String getAgreementChart() {
        load();
        return charts.agreement();
    }

    public String getDriftChart() {
        load();
        return charts.drift();
    }

    public String getReliabilityChart() {
        load();
        return charts.reliability();
    }

    /** Each alert as a point where it opened and one where it closed, on its monitor's row. */
    public String getAlertChart() {
        load();
        return charts.alerts(clock.instant());
    }
}
