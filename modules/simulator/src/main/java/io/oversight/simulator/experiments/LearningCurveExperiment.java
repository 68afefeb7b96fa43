package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.corpus.Split;
import io.oversight.simulator.learning.SelectionStrategy;
import io.oversight.simulator.model.LabelledText;
import io.oversight.simulator.platform.PostedPrediction;
import io.oversight.simulator.platform.WorkflowPlan;
import io.oversight.simulator.report.Charts;
import io.oversight.simulator.report.CsvTable;
import io.oversight.simulator.reviewers.ReviewerPanel;
import io.oversight.simulator.reviewers.SimulatedReviewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Experiment 1: held-out accuracy against the number of human labels, when the model service sends
 * people the items an active-learning strategy picks (margin, entropy, query by committee) versus a
 * random sample. Each round it posts a batch of predictions, the simulated reviewers decide them
 * through the review API, the service reads the released labels back, retrains on everything
 * released so far (plus its small seed set) and registers the new model as the active snapshot.
 */
public final class LearningCurveExperiment {

    /**
     * @param seedLabels     labelled messages the customer starts with (half spam, half ham)
     * @param batch          predictions sent to people per round
     * @param maxLabels      human labels per run
     * @param target         held-out accuracy whose cost in labels is compared
     * @param reviewerCount  honest reviewers deciding, one review per item
     */
    public record Settings(List<SelectionStrategy> strategies, List<Long> seeds, int seedLabels, int batch, int maxLabels,
            double target, double testFraction, int reviewerCount, double reviewerAccuracy) {
    }

    /** Accuracy after a number of human labels, in one run. */
    public record Point(SelectionStrategy strategy, long seed, int humanLabels, double accuracy, int wrongLabels) {
    }

    /** The curves, and per strategy the human labels each seed (and the mean curve) needed to reach the target. */
    public record Result(List<Point> points, Map<SelectionStrategy, LabelsToTarget.Summary> labelsToTarget, double target) {

        /** 1 − mean labels(strategy) / mean labels(random), when both reached the target in every seed. */
        public OptionalDouble savingOver(SelectionStrategy strategy) {
            return LabelsToTarget.savingOverRandom(labelsToTarget, strategy);
        }
    }

    private final Harness harness;
    private final Settings settings;

    public LearningCurveExperiment(Harness harness, Settings settings) {
        this.harness = harness;
        this.settings = settings;
    }

    public Result run() {
        List<Point> points = new ArrayList<>();
        for (long seed : settings.seeds()) {
            Split split = Split.of(harness.corpus, seed, settings.testFraction());
            List<Message> seedSet = split.seedSet(settings.seedLabels(), seed).seed();
            List<SimulatedReviewer> panel = ReviewerPanel.create("sim-lc-r", settings.reviewerCount(),
                    settings.reviewerAccuracy(), 0.01, false, seed);
            SimulatedReviewer adjudicator = Harness.ADJUDICATOR;
            try (ReviewCrew crew = harness.crew(panel, adjudicator, seed)) {
                for (SelectionStrategy strategy : settings.strategies()) {
                    points.addAll(runOne(strategy, seed, split, seedSet, crew));
                }
            }
        }
        Result result = new Result(points, LabelsToTarget.of(points, settings.target()), settings.target());
        write(result, harness.out);
        return result;
    }

    private List<Point> runOne(SelectionStrategy strategy, long seed, Split split, List<Message> seedSet, ReviewCrew crew) {
        String workflow = harness.workflowKey("lc", strategy.name() + "-s" + seed);
        harness.platform.createWorkflow(WorkflowPlan.singleReview(workflow, "Learning curve " + strategy + " seed " + seed),
                crew.people());
        ModelService service = harness.modelService(workflow, seed);
        List<LabelledText> labelled = service.trainSeedModel(seedSet);
        List<Point> points = new ArrayList<>();
        int wrong = 0;
        int humanLabels = 0;
        points.add(new Point(strategy, seed, 0, service.model().accuracy(split.test()), 0));
        Set<Message> unlabelled = new LinkedHashSet<>(split.pool());
        seedSet.forEach(unlabelled::remove);
        Random random = new Random(seed * 1_000_003L + strategy.ordinal());
        int round = 0;
        while (humanLabels < settings.maxLabels() && !unlabelled.isEmpty()) {
            round++;
            int k = Math.min(settings.batch(), settings.maxLabels() - humanLabels);
            List<Message> chosen = strategy.select(List.copyOf(unlabelled), labelled, service.model(), k, random);
            chosen.forEach(unlabelled::remove);
            List<PostedPrediction> posted = service.predict(chosen, "round-" + round);
            crew.work(workflow);
            List<LabelledText> released = service.released(posted);
            for (LabelledText label : released) {
                wrong += label.label().equals(label.message().label()) ? 0 : 1;
            }
            labelled.addAll(released);
            humanLabels += released.size();
            service.retrain(labelled, String.format(Locale.ROOT, "Retrained on %d released labels (round %d)", humanLabels, round));
            points.add(new Point(strategy, seed, humanLabels, service.model().accuracy(split.test()), wrong));
        }
        System.out.printf(Locale.ROOT, "learning curve %-7s seed %d: %d labels, accuracy %.4f%n", strategy, seed, humanLabels,
                points.get(points.size() - 1).accuracy());
        return points;
    }

    /**
     * Reports runs made separately (one seed per process, each with its own --out) as one experiment:
     * the curves of every learning-curve.csv given, summarised and plotted together.
     */
    public static Result report(List<Path> curveFiles, double target, Path out) {
        List<Point> points = new ArrayList<>();
        for (Path file : curveFiles) {
            points.addAll(readCurve(file));
        }
        Result result = new Result(points, LabelsToTarget.of(points, target), target);
        write(result, out);
        return result;
    }

    /** The points of a learning-curve.csv this class wrote. */
    static List<Point> readCurve(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Point> points = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            points.add(new Point(SelectionStrategy.valueOf(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]),
                    Double.parseDouble(f[3]), Integer.parseInt(f[4])));
        }
        return points;
    }

    private static void write(Result result, Path out) {
        CsvTable curve = new CsvTable(List.of("strategy", "seed", "human_labels", "accuracy", "wrong_released_labels"));
        for (Point p : result.points()) {
            curve.add(p.strategy(), p.seed(), p.humanLabels(), format(p.accuracy()), p.wrongLabels());
        }
        curve.write(out.resolve("learning-curve.csv"));
        summaryTable(result).write(out.resolve("learning-curve-summary.csv"));
        Map<SelectionStrategy, TreeMap<Integer, Double>> means = LabelsToTarget.meanCurves(result.points());
        Map<String, double[][]> series = new LinkedHashMap<>();
        means.forEach((strategy, mean) -> series.put(strategy.name().toLowerCase(Locale.ROOT), new double[][] {
                mean.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                mean.values().stream().mapToDouble(Double::doubleValue).toArray()}));
        long seeds = result.points().stream().mapToLong(Point::seed).distinct().count();
        Charts.lineChart("Held-out accuracy vs human labels (mean of " + seeds + " seeds)",
                "human labels released by the platform", "held-out accuracy", series, out.resolve("learning-curve.png"));
    }

    /**
     * Per strategy: the labels each seed needed (seed:labels, "-" where it never reached the target),
     * their mean, min and max, and the saving against random order computed from the means.
     */
    static CsvTable summaryTable(Result result) {
        CsvTable summary = new CsvTable(List.of("strategy", "target_accuracy", "seeds", "seeds_reaching_target",
                "labels_to_target_per_seed", "mean_labels_to_target", "min_labels_to_target", "max_labels_to_target",
                "saving_vs_random_of_means", "mean_curve_labels_to_target", "mean_accuracy_at_max_labels"));
        result.labelsToTarget().forEach((strategy, s) -> {
            StringBuilder perSeed = new StringBuilder();
            s.perSeed().forEach((seed, labels) -> perSeed.append(perSeed.isEmpty() ? "" : " ").append(seed).append(':')
                    .append(labels.isPresent() ? Integer.toString(labels.getAsInt()) : "-"));
            OptionalDouble saving = result.savingOver(strategy);
            summary.add(strategy, format(result.target()), s.seeds(), s.seedsReached(), perSeed,
                    s.mean().isPresent() ? String.format(Locale.ROOT, "%.1f", s.mean().getAsDouble()) : "not reached in every seed",
                    s.min().isPresent() ? s.min().getAsInt() : "", s.max().isPresent() ? s.max().getAsInt() : "",
                    saving.isPresent() && strategy != SelectionStrategy.RANDOM ? format(saving.getAsDouble()) : "",
                    s.meanCurve().isPresent() ? s.meanCurve().getAsInt() : "not reached", format(s.finalMeanAccuracy()));
        });
        return summary;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
