package io.oversight.governance.domain.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts of a score in [0, 1] over {@value #BINS} equal-width bins: bin {@code i} holds scores in
 * [i/100, (i+1)/100), the last bin also 1.0. Windows store these instead of the raw scores, so a
 * window of any size costs 100 numbers and two windows merge by addition; KS, PSI, calibration and
 * the advice read them. Immutable.
 */
public final class Histogram {

    /** Resolution of every stored score histogram: 0.01. */
    public static final int BINS = 100;

    private final long[] counts;
    private final long total;

    private Histogram(long[] counts) {
        this.counts = counts;
        this.total = Arrays.stream(counts).sum();
    }

    public static Histogram empty() {
        return new Histogram(new long[BINS]);
    }

    public static Histogram of(long[] counts) {
        Objects.requireNonNull(counts, "counts");
        if (counts.length != BINS) {
            throw new IllegalArgumentException("a histogram has " + BINS + " bins, not " + counts.length);
        }
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count " + c);
            }
        }
        return new Histogram(counts.clone());
    }

    /** The histogram of {@code scores}, each in [0, 1]. */
    public static Histogram ofScores(double... scores) {
        long[] counts = new long[BINS];
        for (double s : scores) {
            counts[binOf(s)]++;
        }
        return new Histogram(counts);
    }

    /** The bin of a score in [0, 1]; 1.0 falls in the last bin. */
    public static int binOf(double score) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("a score is in [0, 1], not " + score);
        }
        return Math.min(BINS - 1, (int) Math.floor(score * BINS));
    }

    public Histogram plus(Histogram other) {
        long[] sum = counts.clone();
        for (int i = 0; i < BINS; i++) {
            sum[i] += other.counts[i];
        }
        return new Histogram(sum);
    }

    public long count(int bin) {
        return counts[bin];
    }

    public long total() {
        return total;
    }

    public long[] counts() {
        return counts.clone();
    }

    /** Compact text form for storage: {@code bin:count} pairs of the non-empty bins, comma separated. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < BINS; i++) {
            if (counts[i] != 0) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(i).append(':').append(counts[i]);
            }
        }
        return text.toString();
    }

    public static Histogram decode(String text) {
        long[] counts = new long[BINS];
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                int colon = pair.indexOf(':');
                counts[Integer.parseInt(pair.substring(0, colon))] += Long.parseLong(pair.substring(colon + 1));
            }
        }
        return of(counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + encode() + "]";
    }
}
