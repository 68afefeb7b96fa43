/*
 * Renders every element with a data-chart attribute as an Apache ECharts chart (ADR 0018). The page
 * bean writes the chart's option as JSON; this file only adds what JSON cannot carry: the alert
 * timeline's bars and the tooltips that show each value's sample size.
 */
(function () {
    "use strict";

    function timelineBar(params, api) {
        var row = api.value(0);
        var start = api.coord([api.value(1), row]);
        var end = api.coord([api.value(2), row]);
        var height = api.size([0, 1])[1] * 0.5;
        return {
            type: "rect",
            shape: { x: start[0], y: start[1] - height / 2, width: Math.max(2, end[0] - start[0]), height: height },
            style: api.style()
        };
    }

    function withSampleSizes(option) {
        if (option.tooltip && option.tooltip.trigger === "axis") {
            option.tooltip.formatter = function (items) {
                if (!items.length) {
                    return "";
                }
                var lines = [new Date(items[0].axisValue).toLocaleString()];
                items.forEach(function (item) {
                    var v = item.value;
                    var value = Array.isArray(v) ? v[1] : v;
                    var n = Array.isArray(v) && v.length > 2 ? " (n = " + v[2] + ")" : "";
                    lines.push(item.marker + item.seriesName + ": " + (value === null ? "not enough data" : value) + n);
                });
                return lines.join("<br/>");
            };
        }
        return option;
    }

    function render(element) {
        var option = JSON.parse(element.getAttribute("data-chart"));
        (option.series || []).forEach(function (s) {
            if (s.renderItem === "timelineBar") {
                s.renderItem = timelineBar;
            }
        });
        var chart = echarts.init(element, null, { renderer: "canvas" });
        chart.setOption(withSampleSizes(option));
        element.setAttribute("data-rendered", "true");
        window.addEventListener("resize", function () { chart.resize(); });
    }

    document.addEventListener("DOMContentLoaded", function () {
        Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), render);
    });
}());
