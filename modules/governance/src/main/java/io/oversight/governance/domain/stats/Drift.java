package io.oversight.governance.domain.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Distribution drift between a reference and a current sample: population stability index,
 * the two-sample Kolmogorov–Smirnov test and Pearson's chi-square test of homogeneity.
 *
 * <p>Scores arrive as {@link Histogram}s of 0.01-wide bins, so the KS statistic is the largest gap of
 * the two empirical distribution functions at the bin edges: it can miss a gap inside one bin, so it
 * is at most the exact statistic and the p-value at least the exact one (a conservative alarm).
 */
public final class Drift {

    /**
     * Share given to a bin that one side leaves empty, before the logarithm: PSI is infinite with a
     * truly empty bin. 0.0001 is the value most credit-scoring practice uses; with it an empty bin that
     * holds 10% on the other side contributes (0.1 − 0.0001)·ln(0.1/0.0001) ≈ 0.69, a clear alarm
     * rather than infinity.
     */
    public static final double PSI_EPSILON = 1e-4;
    /** PSI's reference bins: deciles of the reference. */
    public static final int PSI_BINS = 10;

    private Drift() {
    }

    /** A KS result: the statistic D, its asymptotic p-value, and the two sample sizes. */
    public record KsResult(double statistic, double pValue, long n, long m) {
    }

    /** A chi-square result: the statistic, its degrees of freedom and p-value. */
    public record ChiSquareResult(double statistic, int degreesOfFreedom, double pValue) {
    }

    /**
     * PSI of {@code current} against {@code reference} over at most 10 bins cut at the reference's
     * deciles (fine bins are never split, so a fine bin holding more than a tenth of the reference
     * makes fewer, wider bins). Empty when either side is empty.
     */
    public static Optional<Double> psi(Histogram reference, Histogram current) {
        return psi(reference.counts(), current.counts());
    }

    /**
     * PSI over ordered fine bins (both arrays aligned on the same bins, in value order), cut at the
     * reference's deciles as for histograms. Empty when either side is empty.
     */
    public static Optional<Double> psi(long[] reference, long[] current) {
        long referenceTotal = java.util.Arrays.stream(reference).sum();
        long currentTotal = java.util.Arrays.stream(current).sum();
        if (referenceTotal == 0 || currentTotal == 0) {
            return Optional.empty();
        }
        List<int[]> groups = decileGroups(reference);
        double[] ref = new double[groups.size()];
        double[] cur = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int bin = groups.get(g)[0]; bin <= groups.get(g)[1]; bin++) {
                ref[g] += reference[bin];
                cur[g] += current[bin];
            }
            ref[g] /= referenceTotal;
            cur[g] /= currentTotal;
        }
        return Optional.of(psi(ref, cur));
    }

    /**
     * PSI = Σ (c_i − r_i)·ln(c_i / r_i) over matching shares (each side summing to 1), with
     * {@link #PSI_EPSILON} in place of a zero share.
     */
    public static double psi(double[] referenceShares, double[] currentShares) {
        if (referenceShares.length != currentShares.length || referenceShares.length == 0) {
            throw new IllegalArgumentException("PSI needs matching, non-empty bins");
        }
        double sum = 0;
        for (int i = 0; i < referenceShares.length; i++) {
            double r = Math.max(referenceShares[i], PSI_EPSILON);
            double c = Math.max(currentShares[i], PSI_EPSILON);
            sum += (c - r) * Math.log(c / r);
        }
        return sum;
    }

    /**
     * PSI over categories (a category absent on one side gets {@link #PSI_EPSILON}). Empty when either
     * side has no observation.
     */
    public static Optional<Double> psi(Map<String, Long> reference, Map<String, Long> current) {
        List<String> categories = new ArrayList<>(new TreeSet<>(union(reference, current)));
        long r = reference.values().stream().mapToLong(Long::longValue).sum();
        long c = current.values().stream().mapToLong(Long::longValue).sum();
        if (r == 0 || c == 0) {
            return Optional.empty();
        }
        double[] ref = new double[categories.size()];
        double[] cur = new double[categories.size()];
        for (int i = 0; i < categories.size(); i++) {
            ref[i] = reference.getOrDefault(categories.get(i), 0L) / (double) r;
            cur[i] = current.getOrDefault(categories.get(i), 0L) / (double) c;
        }
        return Optional.of(psi(ref, cur));
    }

    /** The fine-bin ranges [first, last] of the reference's decile bins, covering every fine bin. */
    static List<int[]> decileGroups(long[] reference) {
        List<int[]> groups = new ArrayList<>();
        long total = java.util.Arrays.stream(reference).sum();
        int last = reference.length - 1;
        long cumulative = 0;
        int start = 0;
        int nextDecile = 1;
        for (int bin = 0; bin <= last; bin++) {
            cumulative += reference[bin];
            // close the group when the cumulative share reaches the next decile(s) not yet reached
            if (nextDecile < PSI_BINS && cumulative * PSI_BINS >= nextDecile * total && bin < last) {
                groups.add(new int[] {start, bin});
                start = bin + 1;
                while (nextDecile < PSI_BINS && cumulative * PSI_BINS >= nextDecile * total) {
                    nextDecile++;
                }
            }
        }
        groups.add(new int[] {start, last});
        return groups;
    }

    /** Two-sample KS test of two score histograms; empty when either is empty. */
    public static Optional<KsResult> ks(Histogram a, Histogram b) {
        return ks(a.counts(), b.counts());
    }

    /**
     * Two-sample KS test of two samples binned on the same ordered bins: D is the largest CDF gap at
     * a bin edge, which is the exact statistic of the binned values and at most the raw samples' D.
     * Empty when either is empty.
     */
    public static Optional<KsResult> ks(long[] a, long[] b) {
        long n = java.util.Arrays.stream(a).sum();
        long m = java.util.Arrays.stream(b).sum();
        if (n == 0 || m == 0) {
            return Optional.empty();
        }
        long ca = 0;
        long cb = 0;
        double d = 0;
        for (int bin = 0; bin < a.length; bin++) {
            ca += a[bin];
            cb += b[bin];
            d = Math.max(d, Math.abs(ca / (double) n - cb / (double) m));
        }
        return Optional.of(new KsResult(d, ksPValue(d, n, m), n, m));
    }

    /** Two-sample KS test of raw samples (exact statistic); empty when either is empty. */
    public static Optional<KsResult> ks(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return Optional.empty();
        }
        double[] x = a.clone();
        double[] y = b.clone();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) x.length - j / (double) y.length));
        }
        return Optional.of(new KsResult(d, ksPValue(d, x.length, y.length), x.length, y.length));
    }

    /**
     * Asymptotic p-value of a two-sample statistic D: Q_KS(λ) with the effective size
     * n_e = n·m/(n+m) and Stephens' small-sample correction λ = (√n_e + 0.12 + 0.11/√n_e)·D
     * (Stephens 1970; Numerical Recipes §14.3).
     */
    public static double ksPValue(double d, long n, long m) {
        double ne = n * (double) m / (n + m);
        double sqrt = Math.sqrt(ne);
        return kolmogorovQ((sqrt + 0.12 + 0.11 / sqrt) * d);
    }

    /**
     * The Kolmogorov distribution's upper tail Q(λ) = P(K > λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²}. For
     * λ below 1.18 that alternating series converges slowly, so the equivalent Jacobi-theta form
     * P(K ≤ λ) = (√(2π)/λ) Σ_{j≥1} e^{−(2j−1)²π²/(8λ²)} is used there.
     */
    public static double kolmogorovQ(double lambda) {
        if (lambda <= 0) {
            return 1.0;
        }
        if (lambda < 1.18) {
            double sum = 0;
            for (int j = 1; j <= 20; j++) {
                int k = 2 * j - 1;
                sum += Math.exp(-k * k * Math.PI * Math.PI / (8 * lambda * lambda));
            }
            return clamp(1.0 - Math.sqrt(2 * Math.PI) / lambda * sum);
        }
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            double term = Math.exp(-2.0 * j * j * lambda * lambda);
            sum += (j % 2 == 1 ? term : -term);
            if (term < 1e-16) {
                break;
            }
        }
        return clamp(2 * sum);
    }

    /**
     * Pearson's chi-square test that two samples of categories come from one distribution (a 2×k
     * table). Categories absent on both sides do not count; empty with fewer than two categories
     * (nothing to compare) or an empty side.
     */
    public static Optional<ChiSquareResult> chiSquare(Map<String, Long> reference, Map<String, Long> current) {
        List<String> categories = union(reference, current).stream()
                .filter(k -> reference.getOrDefault(k, 0L) + current.getOrDefault(k, 0L) > 0).sorted().toList();
        long r = categories.stream().mapToLong(k -> reference.getOrDefault(k, 0L)).sum();
        long c = categories.stream().mapToLong(k -> current.getOrDefault(k, 0L)).sum();
        if (categories.size() < 2 || r == 0 || c == 0) {
            return Optional.empty();
        }
        double total = r + c;
        double statistic = 0;
        for (String k : categories) {
            long ok = reference.getOrDefault(k, 0L);
            long oc = current.getOrDefault(k, 0L);
            double column = ok + oc;
            double er = r * column / total;
            double ec = c * column / total;
            statistic += (ok - er) * (ok - er) / er + (oc - ec) * (oc - ec) / ec;
        }
        int df = categories.size() - 1;
        return Optional.of(new ChiSquareResult(statistic, df, Gamma.upperRegularized(df / 2.0, statistic / 2.0)));
    }

    private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
