package io.oversight.governance.domain.stats;

import java.util.Optional;

/**
 * The 95% interval of a difference of two independent proportions by Newcombe's hybrid score method
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions", method
 * 10), built from the two Wilson intervals: L = d − √((p₁ − l₁)² + (u₂ − p₂)²),
 * U = d + √((u₁ − p₁)² + (p₂ − l₂)²), d = p₁ − p₂. Used for non-inferiority: the candidate is not
 * worse by more than the margin when L ≥ −margin.
 */
public final class NewcombeDifference {

    private NewcombeDifference() {
    }

    public record Interval(double difference, double lower, double upper) {
    }

    public static Optional<Interval> of(long k1, long n1, long k2, long n2) {
        Optional<Wilson.Interval> a = Wilson.interval95(k1, n1);
        Optional<Wilson.Interval> b = Wilson.interval95(k2, n2);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        double p1 = a.get().estimate();
        double p2 = b.get().estimate();
        double d = p1 - p2;
        double lower = d - Math.sqrt(Math.pow(p1 - a.get().lower(), 2) + Math.pow(b.get().upper() - p2, 2));
        double upper = d + Math.sqrt(Math.pow(a.get().upper() - p1, 2) + Math.pow(p2 - b.get().lower(), 2));
        return Optional.of(new Interval(d, lower, upper));
    }
}
