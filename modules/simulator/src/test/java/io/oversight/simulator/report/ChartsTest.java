package io.oversight.simulator.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    @Test
    void lineChartIsAPngOfTheDocsSize(@TempDir Path dir) throws Exception {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("random", new double[][] {{0, 50, 100}, {0.80, 0.88, 0.91}});
        series.put("margin", new double[][] {{0, 50, 100}, {0.80, 0.92, 0.95}});
        Path png = dir.resolve("charts/curve.png");

        Charts.lineChart("Accuracy vs labels", "labels", "accuracy", series, png);

        assertPng(png);
    }

    @Test
    void barChartIsAPngOfTheDocsSize(@TempDir Path dir) throws Exception {
        Map<String, Double> bars = new LinkedHashMap<>();
        bars.put("single review", 0.93);
        bars.put("two reviews + adjudication", 0.98);
        Path png = dir.resolve("bars.png");

        Charts.barChart("Final accuracy", "configuration", "accuracy", bars, png);

        assertPng(png);
    }

    @Test
    void refusesSeriesWhoseCoordinatesDoNotPair(@TempDir Path dir) {
        Map<String, double[][]> series = Map.of("broken", new double[][] {{0, 1}, {0.5}});

        assertThrows(IllegalArgumentException.class,
                () -> Charts.lineChart("t", "x", "y", series, dir.resolve("broken.png")));
    }

    private static void assertPng(Path png) throws Exception {
        assertTrue(Files.size(png) > 5_000, "size " + Files.size(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable image");
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
    }
}
