/*
 * Renders every element with a data-chart attribute as an Apache ECharts chart (ADR 0018). The page
 * bean writes the chart's option as JSON; this file only adds what JSON cannot carry: tooltips that
 * show each value's sample size, and time labels for people in UTC, like the page's period ("4 Dec"
 * at a day's start, "06:00" within a day; ECharts' own labels were bare day numbers in the
 * browser's zone). One chart that fails to draw does not stop the others.
 */
(function () {
    "use strict";

    var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    function twoDigits(n) {
        return (n < 10 ? "0" : "") + n;
    }

    function day(date) {
        return date.getUTCDate() + " " + MONTHS[date.getUTCMonth()];
    }

    function timeLabel(value) {
        var date = new Date(value);
        if (date.getUTCHours() === 0 && date.getUTCMinutes() === 0) {
            return day(date);
        }
        return twoDigits(date.getUTCHours()) + ":" + twoDigits(date.getUTCMinutes());
    }

    function dateTime(value) {
        var date = new Date(value);
        return day(date) + " " + date.getUTCFullYear() + ", " + twoDigits(date.getUTCHours()) + ":"
            + twoDigits(date.getUTCMinutes()) + " UTC";
    }

    function withTimeLabels(option) {
        var axes = Array.isArray(option.xAxis) ? option.xAxis : [option.xAxis];
        axes.forEach(function (axis) {
            if (axis && axis.type === "time") {
                option.useUTC = true;
                axis.axisLabel = axis.axisLabel || {};
                axis.axisLabel.formatter = timeLabel;
                axis.axisLabel.hideOverlap = true;
            }
        });
        return option;
    }

    function withSampleSizes(option) {
        if (option.tooltip && option.tooltip.trigger === "axis") {
            option.tooltip.formatter = function (items) {
                if (!items.length) {
                    return "";
                }
                var lines = [dateTime(items[0].axisValue)];
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
            chart.setOption(withSampleSizes(withTimeLabels(JSON.parse(element.getAttribute("data-chart")))));
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
