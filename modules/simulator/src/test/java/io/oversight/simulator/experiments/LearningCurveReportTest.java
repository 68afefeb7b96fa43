package io.oversight.simulator.experiments;

import io.oversight.simulator.experiments.LearningCurveExperiment.Point;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.oversight.simulator.learning.SelectionStrategy.MARGIN;
import static io.oversight.simulator.learning.SelectionStrategy.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningCurveReportTest {

    private static final String HEADER = "strategy,seed,human_labels,accuracy,wrong_released_labels\r\n";

    @Test
    void runsMadeOneSeedPerProcessAreSummarisedAsOneExperiment(@TempDir Path dir) throws Exception {
        Path seed7 = Files.createDirectories(dir.resolve("s7")).resolve("learning-curve.csv");
        Path seed8 = Files.createDirectories(dir.resolve("s8")).resolve("learning-curve.csv");
        Files.writeString(seed7, HEADER + "RANDOM,7,0,0.8000,0\r\nRANDOM,7,25,0.9500,1\r\nMARGIN,7,0,0.8000,0\r\nMARGIN,7,25,0.9600,0\r\n");
        Files.writeString(seed8, HEADER + "RANDOM,8,0,0.8000,0\r\nRANDOM,8,25,0.9000,0\r\nRANDOM,8,50,0.9500,2\r\n"
                + "MARGIN,8,0,0.8000,0\r\nMARGIN,8,25,0.9500,0\r\nMARGIN,8,50,0.9700,1\r\n");
        Path out = dir.resolve("out");

        LearningCurveExperiment.Result result = LearningCurveExperiment.report(List.of(seed7, seed8), 0.95, out);

        assertEquals(new Point(RANDOM, 8, 50, 0.95, 2), result.points().get(6));
        // random: 25 and 50 -> mean 37.5; margin: 25 and 25 -> mean 25; saving 1 - 25/37.5 = 1/3
        assertEquals(37.5, result.labelsToTarget().get(RANDOM).mean().getAsDouble(), 1e-9);
        assertEquals(1.0 / 3, result.savingOver(MARGIN).getAsDouble(), 1e-9);
        String summary = Files.readString(out.resolve("learning-curve-summary.csv"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\r\nMARGIN,0.9500,2,2,7:25 8:25,25.0,25,25,0.3333,"), summary);
        assertEquals(11, Files.readAllLines(out.resolve("learning-curve.csv")).size());
        assertTrue(Files.size(out.resolve("learning-curve.png")) > 0);
    }
}
