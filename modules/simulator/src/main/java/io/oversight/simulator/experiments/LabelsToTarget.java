package io.oversight.simulator.experiments;

import io.oversight.simulator.experiments.LearningCurveExperiment.Point;
import io.oversight.simulator.learning.SelectionStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * How many human labels each strategy needed to reach the target held-out accuracy: per seed (the
 * first point of that seed's curve at or above the target) and summarised over the seeds, so the
 * spread between seeds is reported next to the mean instead of hidden in a mean curve.
 */
public final class LabelsToTarget {

    /**
     * One strategy's cost in labels.
     *
     * @param perSeed     labels each seed's run needed, in seed order; absent when that run never reached the target
     * @param meanCurve   labels the mean curve (of all seeds) needed, absent when it never reached the target
     * @param finalMeanAccuracy mean accuracy at the last point of the mean curve
     */
    public record Summary(SelectionStrategy strategy, Map<Long, OptionalInt> perSeed, OptionalInt meanCurve,
            double finalMeanAccuracy) {

        public int seeds() {
            return perSeed.size();
        }

        public int seedsReached() {
            return (int) perSeed.values().stream().filter(OptionalInt::isPresent).count();
        }

        public boolean reachedInEverySeed() {
            return seedsReached() == seeds();
        }

        /** Mean over the seeds, only when every seed reached the target (a mean of the lucky seeds would flatter). */
        public OptionalDouble mean() {
            return reachedInEverySeed() ? reached().average() : OptionalDouble.empty();
        }

        /** Fewest labels any seed needed, over the seeds that reached the target. */
        public OptionalInt min() {
            return reached().min();
        }

        /** Most labels any seed needed, over the seeds that reached the target. */
        public OptionalInt max() {
            return reached().max();
        }

        private IntStream reached() {
            return perSeed.values().stream().filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt);
        }
    }

    private LabelsToTarget() {
    }

    /** Per strategy, in the order the points name them. */
    public static Map<SelectionStrategy, Summary> of(List<Point> points, double target) {
        Map<SelectionStrategy, Summary> summaries = new LinkedHashMap<>();
        runs(points).forEach((strategy, bySeed) -> {
            Map<Long, OptionalInt> perSeed = new LinkedHashMap<>();
            bySeed.forEach((seed, curve) -> perSeed.put(seed, firstAtOrAbove(curve, target)));
            TreeMap<Integer, Double> mean = meanCurve(bySeed.values());
            summaries.put(strategy, new Summary(strategy, perSeed, firstAtOrAbove(mean, target), mean.lastEntry().getValue()));
        });
        return summaries;
    }

    /** Per strategy, the mean over its seeds' curves. */
    static Map<SelectionStrategy, TreeMap<Integer, Double>> meanCurves(List<Point> points) {
        Map<SelectionStrategy, TreeMap<Integer, Double>> means = new LinkedHashMap<>();
        runs(points).forEach((strategy, bySeed) -> means.put(strategy, meanCurve(bySeed.values())));
        return means;
    }

    /** Each run's curve (human labels → accuracy), by strategy and seed. */
    private static Map<SelectionStrategy, Map<Long, TreeMap<Integer, Double>>> runs(List<Point> points) {
        Map<SelectionStrategy, Map<Long, TreeMap<Integer, Double>>> runs = new LinkedHashMap<>();
        for (Point p : points) {
            runs.computeIfAbsent(p.strategy(), s -> new TreeMap<>()).computeIfAbsent(p.seed(), s -> new TreeMap<>())
                    .put(p.humanLabels(), p.accuracy());
        }
        return runs;
    }

    /** 1 − mean(strategy) / mean(random), when both reached the target in every seed. */
    public static OptionalDouble savingOverRandom(Map<SelectionStrategy, Summary> summaries, SelectionStrategy strategy) {
        Summary random = summaries.get(SelectionStrategy.RANDOM);
        Summary other = summaries.get(strategy);
        if (random == null || other == null || random.mean().isEmpty() || other.mean().isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1.0 - other.mean().getAsDouble() / random.mean().getAsDouble());
    }

    /** The mean accuracy at each label count every run has a point for. */
    private static TreeMap<Integer, Double> meanCurve(Collection<TreeMap<Integer, Double>> curves) {
        TreeMap<Integer, List<Double>> grouped = new TreeMap<>();
        curves.forEach(curve -> curve.forEach((n, accuracy) -> grouped.computeIfAbsent(n, k -> new ArrayList<>()).add(accuracy)));
        TreeMap<Integer, Double> mean = new TreeMap<>();
        grouped.forEach((n, values) -> {
            if (values.size() == curves.size()) {
                mean.put(n, values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            }
        });
        return mean;
    }

    private static OptionalInt firstAtOrAbove(TreeMap<Integer, Double> curve, double target) {
        return curve.entrySet().stream().filter(e -> e.getValue() >= target).map(Map.Entry::getKey)
                .min(Comparator.naturalOrder()).map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
