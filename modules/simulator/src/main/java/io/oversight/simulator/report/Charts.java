package io.oversight.simulator.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/** PNG charts of experiment results for the docs: 900x550, white background, fonts readable when scaled down. */
public final class Charts {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 550;

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    static {
        // The simulator runs on servers and in CI without a display; AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * One line per series, in map order.
     *
     * @param series name to {@code {xs, ys}}, two arrays of equal length
     */
    public static void lineChart(String title, String xLabel, String yLabel, Map<String, double[][]> series, Path png) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a line chart needs at least one series");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(6);
        for (Map.Entry<String, double[][]> line : series.entrySet()) {
            double[][] points = line.getValue();
            if (points.length != 2 || points[0].length != points[1].length || points[0].length == 0) {
                throw new IllegalArgumentException("series '" + line.getKey() + "' must be {xs, ys} of equal, non-zero length");
            }
            chart.addSeries(line.getKey(), points[0], points[1]).setMarker(SeriesMarkers.CIRCLE);
        }
        save(chart, png);
    }

    /** One bar per category, in map order, each labelled with its value. */
    public static void barChart(String title, String xLabel, String yLabel, Map<String, Double> values, Path png) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one bar");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(TICK_FONT);
        chart.getStyler().setLabelsPosition(0.92);
        chart.getStyler().setXAxisLabelRotation(values.size() > 4 ? 20 : 0);
        chart.addSeries(yLabel, new ArrayList<>(values.keySet()), new ArrayList<>(values.values()));
        save(chart, png);
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartTitleFont(TITLE_FONT);
        styler.setAxisTitleFont(AXIS_TITLE_FONT);
        styler.setAxisTickLabelsFont(TICK_FONT);
        styler.setLegendFont(LEGEND_FONT);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(220, 220, 220));
        styler.setAntiAlias(true);
    }

    private static void save(Chart<?, ?> chart, Path png) {
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
