package io.oversight.governance.domain.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Calibration of the model's top-label confidence against human-final outcomes. Additive
 * sufficient statistics, so windows merge by addition: per 10 equal-width confidence bins the count,
 * the sum of confidences and the number the humans confirmed; and the sum of squared errors
 * (p − y)² for the Brier score, where p is the confidence of the predicted label and y is 1 when the
 * human-final label equals it (the top-label Brier score). Immutable.
 */
public final class Calibration {

    public static final int BINS = 10;

    private final long[] count;
    private final double[] confidenceSum;
    private final long[] correct;
    private final double squaredErrorSum;

    private Calibration(long[] count, double[] confidenceSum, long[] correct, double squaredErrorSum) {
        this.count = count;
        this.confidenceSum = confidenceSum;
        this.correct = correct;
        this.squaredErrorSum = squaredErrorSum;
    }

    public static Calibration empty() {
        return new Calibration(new long[BINS], new double[BINS], new long[BINS], 0);
    }

    public static Calibration of(long[] count, double[] confidenceSum, long[] correct, double squaredErrorSum) {
        if (count.length != BINS || confidenceSum.length != BINS || correct.length != BINS) {
            throw new IllegalArgumentException("calibration has " + BINS + " bins");
        }
        return new Calibration(count.clone(), confidenceSum.clone(), correct.clone(), squaredErrorSum);
    }

    /** Equal-width bin of a confidence: [0, 0.1), ..., [0.9, 1.0]. */
    public static int binOf(double confidence) {
        return Math.min(BINS - 1, (int) Math.floor(confidence * BINS));
    }

    /** This plus one outcome. */
    public Calibration plus(double confidence, boolean humanAgreed) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a confidence is in [0, 1], not " + confidence);
        }
        Calibration next = of(count, confidenceSum, correct, squaredErrorSum);
        int b = binOf(confidence);
        next.count[b]++;
        next.confidenceSum[b] += confidence;
        double y = humanAgreed ? 1 : 0;
        if (humanAgreed) {
            next.correct[b]++;
        }
        return new Calibration(next.count, next.confidenceSum, next.correct, squaredErrorSum + (confidence - y) * (confidence - y));
    }

    public Calibration plus(Calibration other) {
        long[] n = count.clone();
        double[] s = confidenceSum.clone();
        long[] k = correct.clone();
        for (int i = 0; i < BINS; i++) {
            n[i] += other.count[i];
            s[i] += other.confidenceSum[i];
            k[i] += other.correct[i];
        }
        return new Calibration(n, s, k, squaredErrorSum + other.squaredErrorSum);
    }

    public long n() {
        long n = 0;
        for (long c : count) {
            n += c;
        }
        return n;
    }

    /** One reliability-diagram bin: its range, count, and (when not empty) mean confidence and accuracy. */
    public record ReliabilityBin(double lower, double upper, long count, OptionalDouble meanConfidence,
            OptionalDouble accuracy) {
    }

    public List<ReliabilityBin> reliability() {
        List<ReliabilityBin> bins = new ArrayList<>(BINS);
        for (int i = 0; i < BINS; i++) {
            bins.add(new ReliabilityBin(i / (double) BINS, (i + 1) / (double) BINS, count[i],
                    count[i] == 0 ? OptionalDouble.empty() : OptionalDouble.of(confidenceSum[i] / count[i]),
                    count[i] == 0 ? OptionalDouble.empty() : OptionalDouble.of(correct[i] / (double) count[i])));
        }
        return bins;
    }

    /** ECE = Σ_b (n_b / N)·|accuracy_b − mean confidence_b| over non-empty bins; empty without outcomes. */
    public Optional<Double> expectedCalibrationError() {
        long n = n();
        if (n == 0) {
            return Optional.empty();
        }
        double ece = 0;
        for (int i = 0; i < BINS; i++) {
            if (count[i] > 0) {
                ece += count[i] / (double) n * Math.abs(correct[i] / (double) count[i] - confidenceSum[i] / count[i]);
            }
        }
        return Optional.of(ece);
    }

    /** Brier = (1/N) Σ (p − y)²; empty without outcomes. */
    public Optional<Double> brier() {
        long n = n();
        return n == 0 ? Optional.empty() : Optional.of(squaredErrorSum / n);
    }

    long[] counts() {
        return count.clone();
    }

    public String encode() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < BINS; i++) {
            if (count[i] > 0) {
                text.append(i).append(':').append(count[i]).append(':').append(confidenceSum[i]).append(':')
                        .append(correct[i]).append(';');
            }
        }
        return text.append("se=").append(squaredErrorSum).toString();
    }

    public static Calibration decode(String text) {
        Calibration c = empty();
        if (text == null || text.isBlank()) {
            return c;
        }
        double se = 0;
        for (String part : text.split(";")) {
            if (part.startsWith("se=")) {
                se = Double.parseDouble(part.substring(3));
            } else if (!part.isEmpty()) {
                String[] f = part.split(":");
                int i = Integer.parseInt(f[0]);
                c.count[i] = Long.parseLong(f[1]);
                c.confidenceSum[i] = Double.parseDouble(f[2]);
                c.correct[i] = Long.parseLong(f[3]);
            }
        }
        return new Calibration(c.count, c.confidenceSum, c.correct, se);
    }
}
