package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;

import java.util.ArrayList;
import java.util.List;

/** How well the classifier's confidence matches how often it is right. */
public final class Calibration {

    private Calibration() {
    }

    /**
     * One bin of a reliability diagram over the confidence of the predicted label.
     *
     * @param lower          inclusive lower bound of the confidences in the bin (exclusive for all but the first)
     * @param upper          upper bound, inclusive
     * @param count          predictions in the bin
     * @param meanConfidence mean confidence of those predictions, NaN when the bin is empty
     * @param accuracy       share of them that were right, NaN when the bin is empty
     */
    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    /** {@code bins} equal-width bins over [0, 1]; with two classes the bins below 0.5 stay empty. */
    public static List<Bin> reliability(List<ClassScores> scores, List<String> truth, int bins) {
        if (scores.size() != truth.size()) {
            throw new IllegalArgumentException(scores.size() + " scores but " + truth.size() + " true labels");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("at least one bin: " + bins);
        }
        int[] counts = new int[bins];
        double[] confidenceSums = new double[bins];
        int[] correct = new int[bins];
        for (int i = 0; i < scores.size(); i++) {
            ClassScores score = scores.get(i);
            double confidence = score.confidence();
            int bin = Math.min(bins - 1, Math.max(0, (int) Math.ceil(confidence * bins) - 1));
            counts[bin]++;
            confidenceSums[bin] += confidence;
            if (score.label().equals(Labels.requireKnown(truth.get(i)))) {
                correct[bin]++;
            }
        }
        List<Bin> reliability = new ArrayList<>(bins);
        for (int bin = 0; bin < bins; bin++) {
            int count = counts[bin];
            reliability.add(new Bin((double) bin / bins, (double) (bin + 1) / bins, count,
                    count == 0 ? Double.NaN : confidenceSums[bin] / count,
                    count == 0 ? Double.NaN : (double) correct[bin] / count));
        }
        return reliability;
    }

    /** Expected calibration error: the count-weighted mean gap between confidence and accuracy over the bins. */
    public static double expectedCalibrationError(List<ClassScores> scores, List<String> truth, int bins) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("calibration of no predictions");
        }
        double error = 0;
        for (Bin bin : reliability(scores, truth, bins)) {
            if (bin.count() > 0) {
                error += bin.count() * Math.abs(bin.accuracy() - bin.meanConfidence());
            }
        }
        return error / scores.size();
    }

    /** Mean squared difference between the predicted spam probability and the truth (1 for spam, 0 for ham). */
    public static double brierScore(List<ClassScores> scores, List<String> truth) {
        if (scores.isEmpty() || scores.size() != truth.size()) {
            throw new IllegalArgumentException(scores.size() + " scores for " + truth.size() + " true labels");
        }
        double sum = 0;
        for (int i = 0; i < scores.size(); i++) {
            double outcome = Labels.SPAM.equals(Labels.requireKnown(truth.get(i))) ? 1 : 0;
            double gap = scores.get(i).spam() - outcome;
            sum += gap * gap;
        }
        return sum / scores.size();
    }
}
