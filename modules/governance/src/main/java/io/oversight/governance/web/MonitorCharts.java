package io.oversight.governance.web;

import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.MonitorValue;
import io.oversight.governance.domain.stats.Calibration;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The monitoring dashboard's charts as Apache ECharts options (ADR 0018) that
 * {@code governance/charts.js} renders, drawn from one period's monitor values, alerts and
 * calibration ({@code inputDrift}: INPUT_PSI per declared drift field, by path). Windows without
 * enough data are gaps in a line, never zeros.
 */
record MonitorCharts(Map<Monitor, List<MonitorValue>> series, Map<String, List<MonitorValue>> inputDrift,
        Calibration calibration, List<MonitorAlert> alerts, Instant from, Instant to) {

    /** Predictions per routing outcome as stacked areas, and the queue backlog on the right axis. */
    String throughput() {
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

    /** The oldest open task as a share of the time-to-review target, with the target marked. */
    String sla() {
        JsonArrayBuilder all = Json.createArrayBuilder()
                .add(line("Oldest open task / time-to-review target", series.getOrDefault(Monitor.OLDEST_AGE_VS_SLA, List.of()), 1)
                        .add("markLine", Json.createObjectBuilder().add("silent", true).add("symbol", "none")
                                .add("data", Json.createArrayBuilder().add(Json.createObjectBuilder().add("yAxis", 1)
                                        .add("name", "SLA")))));
        return timeChart(all, "share of the SLA", null, false);
    }

    /** Agreement, correction, adjudication, auto-accept error and gold accuracy in %, alpha on its own axis. */
    String agreement() {
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

    /** Score, label and input drift statistics and the calibration error. */
    String drift() {
        JsonArrayBuilder all = Json.createArrayBuilder()
                .add(line("Score PSI", series.getOrDefault(Monitor.SCORE_PSI, List.of()), 1))
                .add(line("Score KS statistic", series.getOrDefault(Monitor.SCORE_KS, List.of()), 1))
                .add(line("Predicted-label PSI", series.getOrDefault(Monitor.LABEL_PSI, List.of()), 1))
                .add(line("Calibration error (ECE)", series.getOrDefault(Monitor.CALIBRATION_ECE, List.of()), 1));
        inputDrift.forEach((path, values) -> all.add(line("Input PSI: " + path, values, 1)));
        return timeChart(all, "statistic", null, false);
    }

    /** The reliability diagram: accuracy against mean confidence per confidence bin, with the outcomes counted. */
    String reliability() {
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

    /** Each alert as a point where it opened and one where it closed, on its monitor's row; the axis reaches {@code now}. */
    String alerts(Instant now) {
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
                        .add("max", Math.max(to.toEpochMilli(), now.toEpochMilli())))
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
