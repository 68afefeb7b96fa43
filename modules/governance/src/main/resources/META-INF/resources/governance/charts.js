/*
 * Renders every element with a data-chart attribute as an Apache ECharts chart (ADR 0018). The page
 * bean writes the chart's option as JSON; this file only adds what JSON cannot carry: tooltips that
 * show each value's sample size. One chart that fails to draw does not stop the others.
 */
(function () {
    "use strict";

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
        try {
            var chart = echarts.init(element, null, { renderer: "canvas" });
            chart.setOption(withSampleSizes(JSON.parse(element.getAttribute("data-chart"))));
            element.setAttribute("data-rendered", "true");
            window.addEventListener("resize", function () { chart.resize(); });
        } catch (e) {
            element.setAttribute("data-rendered", "failed");
            element.textContent = "This chart could not be drawn; the table below has the values.";
            if (window.console) {
                window.console.error(e);
            }
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), render);
    });
}());
