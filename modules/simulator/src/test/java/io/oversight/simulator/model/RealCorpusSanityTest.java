package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;
import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.corpus.SpamAssassinCorpus;
import io.oversight.simulator.corpus.Split;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads the real corpus and trains on random labels of it. Run on demand:
 * {@code ./mvnw -B -pl modules/simulator test -Dgroups=corpus -DexcludedGroups=none [-Dsimulator.corpus=PATH]},
 * PATH being the {@code package} directory printed by scripts/fetch-corpus.sh (by default where it puts it).
 */
@Tag("corpus")
class RealCorpusSanityTest {

    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);
    private static final int[] LABEL_COUNTS = {50, 200, 1_000};
    private static final double TEST_FRACTION = 0.25;

    @Test
    void classifierLearnsTheRealCorpus() throws IOException {
        Path packageDir = Path.of(System.getProperty("simulator.corpus", "corpus/package"));
        assertTrue(Files.isDirectory(packageDir.resolve("data")),
                "no corpus at " + packageDir.toAbsolutePath() + "; run scripts/fetch-corpus.sh");

        long loadStart = System.nanoTime();
        List<Message> corpus = SpamAssassinCorpus.load(packageDir);
        System.out.printf(Locale.ROOT, "loaded %d of %d mails in %.1f s (repeats dropped): %s%n", corpus.size(),
                countMailFiles(packageDir), seconds(loadStart),
                corpus.stream().collect(Collectors.groupingBy(Message::label, Collectors.counting())));

        double[] accuracySums = new double[LABEL_COUNTS.length];
        for (long seed : SEEDS) {
            Split split = Split.of(corpus, seed, TEST_FRACTION);
            List<Message> pool = new ArrayList<>(split.pool());
            Collections.shuffle(pool, new Random(seed));
            List<String> truth = split.test().stream().map(Message::label).toList();
            for (int i = 0; i < LABEL_COUNTS.length; i++) {
                List<LabelledText> training =
                        pool.subList(0, LABEL_COUNTS[i]).stream().map(LabelledText::withTrueLabel).toList();
                long trainStart = System.nanoTime();
                SpamClassifier classifier = SpamClassifier.train(training, seed);
                double trainSeconds = seconds(trainStart);
                List<ClassScores> scores = classifier.scoreAll(split.test());
                double accuracy = classifier.accuracy(split.test());
                accuracySums[i] += accuracy;
                System.out.printf(Locale.ROOT,
                        "seed %d, %5d random labels (%3d spam): accuracy %.4f on %d held out, ECE %.4f, Brier %.4f, "
                                + "trained in %.2f s%n",
                        seed, LABEL_COUNTS[i], training.stream().filter(t -> t.label().equals(Labels.SPAM)).count(),
                        accuracy, split.test().size(), Calibration.expectedCalibrationError(scores, truth, 10),
                        Calibration.brierScore(scores, truth), trainSeconds);
            }
        }
        for (int i = 0; i < LABEL_COUNTS.length; i++) {
            System.out.printf(Locale.ROOT, "mean accuracy after %5d random labels: %.4f%n", LABEL_COUNTS[i],
                    accuracySums[i] / SEEDS.size());
        }
        double meanAtMostLabels = accuracySums[LABEL_COUNTS.length - 1] / SEEDS.size();
        assertTrue(meanAtMostLabels > 0.95, "mean accuracy after 1,000 labels: " + meanAtMostLabels);
        assertTrue(accuracySums[LABEL_COUNTS.length - 1] > accuracySums[0], "more labels should help");
    }

    private static long countMailFiles(Path packageDir) throws IOException {
        try (Stream<Path> files = Files.find(packageDir.resolve("data"), 2,
                (path, attributes) -> path.getFileName().toString().endsWith(".json")
                        && !path.getParent().equals(packageDir.resolve("data")))) {
            return files.count();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
