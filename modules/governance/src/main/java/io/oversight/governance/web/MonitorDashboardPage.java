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
import io.oversight.governance.domain.stats.Calibration;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
import java.util.TreeSet;

/**
 * A workflow's monitoring dashboard: volume per routing outcome and queue backlog, SLA
 * state, agreement and correction trends, drift, the reliability diagram and the alert timeline, as
 * Apache ECharts options (ADR 0018) that {@code governance/charts.js} renders. Windows without enough
 * data are gaps in a line, never zeros.
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
    private transient Calibration calibration;
    /** INPUT_PSI per declared drift field, by path. */
    private transient Map<String, List<MonitorValue>> inputDrift;
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
        inputDrift = new TreeMap<>();
        for (DriftField field : monitors.settings(workflowKey).driftFields()) {
            inputDrift.put(field.path(), monitors.values(workflowKey, Optional.of(MonitorValues.INPUT_PREFIX + field.path()),
                    grain, from, to).stream().filter(v -> v.monitor() == Monitor.INPUT_PSI).toList());
        }
        WindowAggregate total = monitors.total(workflowKey, MonitorTick.WORKFLOW, grain, from, to);
        calibration = total.calibration();
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

    // --- chart options (ECharts JSON) ---------------------------------------------------------------------

    public String getThroughputChart() {
        load();
        List<MonitorValue> volume = series.getOrDefault(Monitor.VOLUME, List.of());
        TreeSet<String> outcomes = new TreeSet<>();
        volume.forEach(v -> outcomes.addAll(v.details().keySet()));
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (String outcome : outcomes) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            volume.forEach(v -> data.add(point(v.windowStart(), v.details().getOrDefault(outcome, 0L))));
            // stacked areas, not bars: ECharts widens a time axis past its min and max to fit bars,
            // which hid the period and drew one window as a block several days wide
            all.add(Json.createObjectBuilder().add("name", "Predictions: " + outcome).add("type", "line").add("stack", "volume")
                    .add("areaStyle", Json.createObjectBuilder()).add("showSymbol", true).add("data", data));
        }
        all.add(line("Queue backlog (max open)", series.getOrDefault(Monitor.QUEUE_BACKLOG, List.of()), 1).add("yAxisIndex", 1));
        return timeChart(all, "predictions per window", "open tasks", false);
    }

    public String getSlaChart() {
        load();
        JsonArrayBuilder all = Json.createArrayBuilder()
                .add(line("Oldest open task / time-to-review target", series.getOrDefault(Monitor.OLDEST_AGE_VS_SLA, List.of()), 1)
                        .add("markLine", Json.createObjectBuilder().add("silent", true).add("symbol", "none")
                                .add("data", Json.createArrayBuilder().add(Json.createObjectBuilder().add("yAxis", 1)
                                        .add("name", "SLA")))));
        return timeChart(all, "share of the SLA", null, false);
    }

    public String getAgreementChart() {
        load();
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Monitor m : List.of(Monitor.AGREEMENT, Monitor.CORRECTION_RATE, Monitor.ADJUDICATION_RATE,
                Monitor.AUTO_ACCEPT_ERROR, Monitor.GOLD_ACCURACY)) {
            all.add(line(m.title(), series.getOrDefault(m, List.of()), 100));
        }
        // alpha is not a share (it runs from -1 to 1): its own axis on the right
        all.add(line(Monitor.REVIEWER_AGREEMENT.title(), series.getOrDefault(Monitor.REVIEWER_AGREEMENT, List.of()), 1)
                .add("yAxisIndex", 1));
        return timeChart(all, "%", "α", true);
    }

    public String getDriftChart() {
        load();
        JsonArrayBuilder all = Json.createArrayBuilder()
                .add(line("Score PSI", series.getOrDefault(Monitor.SCORE_PSI, List.of()), 1))
                .add(line("Score KS statistic", series.getOrDefault(Monitor.SCORE_KS, List.of()), 1))
                .add(line("Predicted-label PSI", series.getOrDefault(Monitor.LABEL_PSI, List.of()), 1))
                .add(line("Calibration error (ECE)", series.getOrDefault(Monitor.CALIBRATION_ECE, List.of()), 1));
        inputDrift.forEach((path, values) -> all.add(line("Input PSI: " + path, values, 1)));
        return timeChart(all, "statistic", null, false);
    }

    public String getReliabilityChart() {
        load();
        JsonArrayBuilder categories = Json.createArrayBuilder();
        JsonArrayBuilder accuracy = Json.createArrayBuilder();
        JsonArrayBuilder confidence = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        for (Calibration.ReliabilityBin b : calibration.reliability()) {
            categories.add(String.format(Locale.ENGLISH, "%.1f–%.1f", b.lower(), b.upper()));
            if (b.accuracy().isPresent()) {
                accuracy.add(round(100 * b.accuracy().getAsDouble()));
                confidence.add(round(100 * b.meanConfidence().getAsDouble()));
            } else {
                accuracy.addNull();
                confidence.addNull();
            }
            counts.add(b.count());
        }
        JsonObjectBuilder option = Json.createObjectBuilder()
                .add("tooltip", Json.createObjectBuilder().add("trigger", "axis"))
                .add("legend", Json.createObjectBuilder().add("top", 0))
                .add("grid", grid())
                .add("xAxis", Json.createObjectBuilder().add("type", "category").add("name", "confidence bin")
                        .add("nameLocation", "middle").add("nameGap", 28).add("data", categories))
                .add("yAxis", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "value").add("name", "%").add("max", 100))
                        .add(Json.createObjectBuilder().add("type", "value").add("name", "outcomes")))
                .add("series", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Accuracy (human-final)").add("type", "bar").add("data", accuracy))
                        .add(Json.createObjectBuilder().add("name", "Mean confidence").add("type", "line").add("data", confidence))
                        .add(Json.createObjectBuilder().add("name", "Outcomes").add("type", "line").add("yAxisIndex", 1)
                                .add("lineStyle", Json.createObjectBuilder().add("type", "dotted")).add("data", counts)));
        return option.build().toString();
    }

    /** Each alert as a point where it opened and one where it closed, on its monitor's row. */
    public String getAlertChart() {
        load();
        TreeSet<String> monitorsWithAlerts = new TreeSet<>();
        alerts.forEach(a -> monitorsWithAlerts.add(a.monitor()));
        JsonArrayBuilder opened = Json.createArrayBuilder();
        JsonArrayBuilder closed = Json.createArrayBuilder();
        for (MonitorAlert a : alerts) {
            opened.add(Json.createArrayBuilder().add(a.openedAt().toEpochMilli()).add(a.monitor()));
            a.closedAt().ifPresent(c -> closed.add(Json.createArrayBuilder().add(c.toEpochMilli()).add(a.monitor())));
        }
        JsonArrayBuilder categories = Json.createArrayBuilder();
        monitorsWithAlerts.forEach(categories::add);
        return Json.createObjectBuilder()
                .add("tooltip", Json.createObjectBuilder().add("trigger", "item"))
                .add("legend", Json.createObjectBuilder().add("top", 0))
                .add("grid", grid())
                .add("xAxis", Json.createObjectBuilder().add("type", "time").add("min", from.toEpochMilli())
                        .add("max", Math.max(to.toEpochMilli(), clock.instant().toEpochMilli())))
                .add("yAxis", Json.createObjectBuilder().add("type", "category").add("data", categories))
                .add("series", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Opened").add("type", "scatter").add("symbolSize", 12)
                                .add("data", opened))
                        .add(Json.createObjectBuilder().add("name", "Closed").add("type", "scatter").add("symbol", "diamond")
                                .add("symbolSize", 10).add("data", closed)))
                .build().toString();
    }

    private JsonObjectBuilder line(String name, List<MonitorValue> values, double scale) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (MonitorValue v : values) {
            JsonArrayBuilder p = Json.createArrayBuilder().add(v.windowStart().toEpochMilli());
            if (v.value().isPresent()) {
                p.add(round(v.value().get() * scale));
            } else {
                p.addNull();
            }
            data.add(p.add(v.n()));
        }
        return Json.createObjectBuilder().add("name", name).add("type", "line").add("connectNulls", false)
                .add("showSymbol", true).add("data", data);
    }

    private static JsonArrayBuilder point(Instant at, long value) {
        return Json.createArrayBuilder().add(at.toEpochMilli()).add(value);
    }

    private String timeChart(JsonArrayBuilder series, String leftName, String rightName, boolean percent) {
        JsonArrayBuilder yAxes = Json.createArrayBuilder().add(percent
                ? Json.createObjectBuilder().add("type", "value").add("name", leftName).add("min", 0).add("max", 100)
                : Json.createObjectBuilder().add("type", "value").add("name", leftName));
        if (rightName != null) {
            yAxes.add(Json.createObjectBuilder().add("type", "value").add("name", rightName));
        }
        return Json.createObjectBuilder()
                .add("tooltip", Json.createObjectBuilder().add("trigger", "axis"))
                .add("legend", Json.createObjectBuilder().add("top", 0).add("type", "scroll"))
                .add("grid", grid())
                .add("xAxis", Json.createObjectBuilder().add("type", "time").add("min", from.toEpochMilli())
                        .add("max", to.toEpochMilli()))
                .add("yAxis", yAxes)
                .add("series", series)
                .build().toString();
    }

    private static JsonObjectBuilder grid() {
        return Json.createObjectBuilder().add("left", 56).add("right", 56).add("top", 48).add("bottom", 40)
                .add("containLabel", true);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
