package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;
import io.oversight.simulator.corpus.Message;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logistic regression on bag-of-words features (Tribuo's linear SGD with the log-loss, AdaGrad): a real, small
 * spam filter whose per-class probabilities are what active learning and calibration are measured on.
 * A trained classifier is immutable.
 */
public final class SpamClassifier {

    /** Identifies the features and hyper-parameters in the fingerprint: change it when either changes. */
    private static final String RECIPE =
            "bag-of-words(subject+body, log1p count, l2) / linear-sgd(log-multiclass, adagrad 1.0 eps 0.1, 5 epochs, batch 1)";
    private static final int EPOCHS = 5;
    private static final double LEARNING_RATE = 1.0;
    private static final double ADAGRAD_EPSILON = 0.1;
    private static final int MINIBATCH_SIZE = 1;
    /**
     * Tribuo logs training progress at INFO for every model and the simulator trains hundreds. Held in a field
     * because java.util.logging forgets the level of a logger that nothing references.
     */
    private static final Logger TRIBUO_LOGGER = Logger.getLogger("org.tribuo");
    private static final LabelFactory LABELS = new LabelFactory();

    static {
        TRIBUO_LOGGER.setLevel(Level.WARNING);
    }

    private final Model<Label> model;
    private final String fingerprint;

    private SpamClassifier(Model<Label> model, String fingerprint) {
        this.model = model;
        this.fingerprint = fingerprint;
    }

    /**
     * Trains on the examples in id order, so the same examples and seed give the same model whatever order they
     * come in. Both classes must be present.
     */
    public static SpamClassifier train(List<LabelledText> examples, long seed) {
        List<LabelledText> ordered = examples.stream()
                .sorted(Comparator.comparing((LabelledText example) -> example.message().id())
                        .thenComparing(LabelledText::label))
                .toList();
        for (String label : Labels.ALL) {
            if (ordered.stream().noneMatch(example -> example.label().equals(label))) {
                throw new IllegalArgumentException("training needs both classes; no example is labelled " + label);
            }
        }
        MutableDataset<Label> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("released labels", LABELS), LABELS);
        for (LabelledText example : ordered) {
            dataset.add(toExample(example.message(), new Label(example.label())));
        }
        // A fresh trainer per model: a trainer's random stream advances with each use, a new one starts at the seed.
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
                new AdaGrad(LEARNING_RATE, ADAGRAD_EPSILON), EPOCHS, Integer.MAX_VALUE, MINIBATCH_SIZE, seed);
        return new SpamClassifier(trainer.train(dataset), fingerprintOf(ordered, seed));
    }

    public ClassScores score(Message message) {
        return toScores(model.predict(toExample(message, LabelFactory.UNKNOWN_LABEL)));
    }

    /** Scores in the order of the messages. */
    public List<ClassScores> scoreAll(List<Message> messages) {
        return scoreWithEach(List.of(this), messages).get(0);
    }

    /**
     * Each classifier's scores of the messages, in the order of both lists. Cheaper than {@link #scoreAll} per
     * classifier, because turning text into features, most of the cost, happens once for all of them.
     */
    public static List<List<ClassScores>> scoreWithEach(List<SpamClassifier> classifiers, List<Message> messages) {
        List<Example<Label>> examples = new ArrayList<>(messages.size());
        for (Message message : messages) {
            examples.add(toExample(message, LabelFactory.UNKNOWN_LABEL));
        }
        List<List<ClassScores>> scoresByClassifier = new ArrayList<>(classifiers.size());
        for (SpamClassifier classifier : classifiers) {
            List<ClassScores> scores = new ArrayList<>(messages.size());
            for (Prediction<Label> prediction : classifier.model.predict(examples)) {
                scores.add(toScores(prediction));
            }
            scoresByClassifier.add(scores);
        }
        return scoresByClassifier;
    }

    /** Share of the messages whose predicted label is their true label. */
    public double accuracy(List<Message> test) {
        if (test.isEmpty()) {
            throw new IllegalArgumentException("accuracy of an empty test set");
        }
        List<ClassScores> scores = scoreAll(test);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            if (scores.get(i).label().equals(test.get(i).label())) {
                correct++;
            }
        }
        return (double) correct / test.size();
    }

    /** SHA-256 (hex) of the recipe, the seed and the sorted training ids with their labels. */
    public String fingerprint() {
        return fingerprint;
    }

    private static Example<Label> toExample(Message message, Label label) {
        Map<String, Double> features = BagOfWords.features(message);
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            names[i] = feature.getKey();
            values[i] = feature.getValue();
            i++;
        }
        return new ArrayExample<>(label, names, values);
    }

    private static ClassScores toScores(Prediction<Label> prediction) {
        Map<String, Label> scores = prediction.getOutputScores();
        double spam = scores.get(Labels.SPAM).getScore();
        double ham = scores.get(Labels.HAM).getScore();
        // Renormalised because Tribuo's softmax sums to 1 only up to rounding.
        return new ClassScores(spam / (spam + ham), ham / (spam + ham));
    }

    private static String fingerprintOf(List<LabelledText> ordered, long seed) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            StringBuilder identity = new StringBuilder(RECIPE).append('\n').append("seed=").append(seed).append('\n');
            for (LabelledText example : ordered) {
                identity.append(example.message().id()).append('\t').append(example.label()).append('\n');
            }
            return HexFormat.of().formatHex(sha256.digest(identity.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
