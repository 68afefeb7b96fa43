package io.oversight.governance.domain.stats;

import java.util.Optional;

/**
 * Wilson's score interval for a binomial proportion (Wilson 1927). Unlike the normal approximation it
 * stays inside [0, 1] and keeps sensible width at 0 or n successes, which is where error rates of
 * auto-accepted items live.
 */
public final class Wilson {

    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    public record Interval(double estimate, double lower, double upper, long n) {
    }

    /**
     * p̂ = k/n; centre = (p̂ + z²/2n)/(1 + z²/n); half width = z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²).
     * Empty for n = 0.
     */
    public static Optional<Interval> interval(long successes, long n, double z) {
        return interval(n == 0 ? 0 : successes / (double) n, n, z);
    }

    /** The same, for a proportion estimated with an effective sample size (see the advice). */
    public static Optional<Interval> interval(double p, double n, double z) {
        if (n <= 0) {
            return Optional.empty();
        }
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a proportion is in [0, 1], not " + p);
        }
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Optional.of(new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half), Math.round(n)));
    }

    public static Optional<Interval> interval95(long successes, long n) {
        return interval(successes, n, Z95);
    }
}
