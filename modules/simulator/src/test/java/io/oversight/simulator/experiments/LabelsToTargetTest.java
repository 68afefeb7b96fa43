package io.oversight.simulator.experiments;

import io.oversight.simulator.experiments.LearningCurveExperiment.Point;
import io.oversight.simulator.learning.SelectionStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

import static io.oversight.simulator.learning.SelectionStrategy.MARGIN;
import static io.oversight.simulator.learning.SelectionStrategy.QBC;
import static io.oversight.simulator.learning.SelectionStrategy.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelsToTargetTest {

    private static final double TARGET = 0.95;

    /** One run's curve at 0, 25, 50, ... labels. */
    private static void run(List<Point> points, SelectionStrategy strategy, long seed, double... accuracies) {
        for (int i = 0; i < accuracies.length; i++) {
            points.add(new Point(strategy, seed, 25 * i, accuracies[i], 0));
        }
    }

    @Test
    void reportsEachSeedsLabelsAndTheirMeanMinMaxAndTheSavingFromTheMeans() {
        List<Point> points = new ArrayList<>();
        // random: seed 7 reaches 0.95 at 75 labels, seed 8 at 100, seed 9 at 50 -> mean 75, min 50, max 100
        run(points, RANDOM, 7, 0.80, 0.90, 0.94, 0.95, 0.96);
        run(points, RANDOM, 8, 0.80, 0.91, 0.93, 0.94, 0.95);
        run(points, RANDOM, 9, 0.80, 0.92, 0.96, 0.96, 0.97);
        // margin: 25, 50, 50 -> mean 41.67; saving 1 - 41.67/75 = 0.4444
        run(points, MARGIN, 7, 0.80, 0.95, 0.97, 0.98, 0.98);
        run(points, MARGIN, 8, 0.80, 0.94, 0.95, 0.97, 0.98);
        run(points, MARGIN, 9, 0.80, 0.90, 0.96, 0.97, 0.98);

        Map<SelectionStrategy, LabelsToTarget.Summary> summaries = LabelsToTarget.of(points, TARGET);

        LabelsToTarget.Summary random = summaries.get(RANDOM);
        assertEquals(List.of(7L, 8L, 9L), List.copyOf(random.perSeed().keySet()));
        assertEquals(List.of(OptionalInt.of(75), OptionalInt.of(100), OptionalInt.of(50)), List.copyOf(random.perSeed().values()));
        assertEquals(75.0, random.mean().getAsDouble(), 1e-9);
        assertEquals(50, random.min().getAsInt());
        assertEquals(100, random.max().getAsInt());
        LabelsToTarget.Summary margin = summaries.get(MARGIN);
        assertEquals(125.0 / 3, margin.mean().getAsDouble(), 1e-9);
        assertEquals(25, margin.min().getAsInt());
        assertEquals(50, margin.max().getAsInt());
        assertEquals(1 - (125.0 / 3) / 75, LabelsToTarget.savingOverRandom(summaries, MARGIN).getAsDouble(), 1e-9);
        assertEquals(0.0, LabelsToTarget.savingOverRandom(summaries, RANDOM).getAsDouble(), 1e-9);
    }

    @Test
    void theMeanCurveIsSummarisedSeparatelyFromTheSeeds() {
        List<Point> points = new ArrayList<>();
        // mean curve: 0.80, 0.925, 0.945, 0.955 -> reaches 0.95 at 75 although seed 7 alone did at 25
        run(points, RANDOM, 7, 0.80, 0.95, 0.95, 0.95);
        run(points, RANDOM, 8, 0.80, 0.90, 0.94, 0.96);

        LabelsToTarget.Summary random = LabelsToTarget.of(points, TARGET).get(RANDOM);

        assertEquals(OptionalInt.of(75), random.meanCurve());
        assertEquals(0.955, random.finalMeanAccuracy(), 1e-9);
        assertEquals(50.0, random.mean().getAsDouble(), 1e-9);
    }

    @Test
    void aSeedThatNeverReachesTheTargetLeavesNoMeanAndNoSavingButKeepsTheRangeOfTheOthers() {
        List<Point> points = new ArrayList<>();
        run(points, RANDOM, 7, 0.80, 0.95);
        run(points, RANDOM, 8, 0.80, 0.96);
        run(points, QBC, 7, 0.80, 0.96);
        run(points, QBC, 8, 0.80, 0.90);

        Map<SelectionStrategy, LabelsToTarget.Summary> summaries = LabelsToTarget.of(points, TARGET);

        LabelsToTarget.Summary qbc = summaries.get(QBC);
        assertEquals(1, qbc.seedsReached());
        assertFalse(qbc.reachedInEverySeed());
        assertTrue(qbc.mean().isEmpty());
        assertEquals(25, qbc.min().getAsInt());
        assertEquals(25, qbc.max().getAsInt());
        assertEquals(OptionalInt.empty(), qbc.perSeed().get(8L));
        assertTrue(LabelsToTarget.savingOverRandom(summaries, QBC).isEmpty());
    }

    @Test
    void theSummaryCsvListsSeedsAndMarksMissingValues() {
        List<Point> points = new ArrayList<>();
        run(points, RANDOM, 7, 0.80, 0.90, 0.95);
        run(points, RANDOM, 8, 0.80, 0.95, 0.96);
        run(points, MARGIN, 7, 0.80, 0.96, 0.97);
        run(points, MARGIN, 8, 0.80, 0.90, 0.91);
        LearningCurveExperiment.Result result = new LearningCurveExperiment.Result(points, LabelsToTarget.of(points, TARGET), TARGET);

        String csv = LearningCurveExperiment.summaryTable(result).toCsv();

        assertEquals("strategy,target_accuracy,seeds,seeds_reaching_target,labels_to_target_per_seed,mean_labels_to_target,"
                + "min_labels_to_target,max_labels_to_target,saving_vs_random_of_means,mean_curve_labels_to_target,"
                + "mean_accuracy_at_max_labels\r\n"
                + "RANDOM,0.9500,2,2,7:50 8:25,37.5,25,50,,50,0.9550\r\n"
                + "MARGIN,0.9500,2,1,7:25 8:-,not reached in every seed,25,25,,not reached,0.9400\r\n", csv);
    }
}
