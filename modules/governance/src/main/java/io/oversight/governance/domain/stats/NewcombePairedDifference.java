package io.oversight.governance.domain.stats;

import io.oversight.governance.PairedOutcomes;
import java.util.Optional;

/**
 * The 95% interval of the difference of two proportions measured on the same items (paired), by
 * Newcombe's hybrid score method with the correlation correction (Newcombe 1998, "Improved
 * confidence intervals for the difference between binomial proportions based on paired data",
 * method 10). With a = both right, b = only the first right, c = only the second right, d = neither,
 * n = a + b + c + d: p₁ = (a + b)/n, p₂ = (a + c)/n, D = p₁ − p₂ = (b − c)/n; (l₁, u₁) and (l₂, u₂)
 * are the Wilson intervals of p₁ and p₂; φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d)), taken as 0 when a row or
 * column of the table is empty; then
 * L = D − √((p₁ − l₁)² − 2φ(p₁ − l₁)(u₂ − p₂) + (u₂ − p₂)²),
 * U = D + √((u₁ − p₁)² − 2φ(u₁ − p₁)(p₂ − l₂) + (p₂ − l₂)²).
 * Items both snapshots got right (or wrong) carry no information on the difference but narrow it
 * through φ, which is why the same items beat two independent samples of the same size.
 */
public final class NewcombePairedDifference {

    private NewcombePairedDifference() {
    }

    /** Empty when there is no paired item. */
    public static Optional<NewcombeDifference.Interval> of(PairedOutcomes.Table t) {
        long n = t.n();
        if (n == 0) {
            return Optional.empty();
        }
        long a = t.bothRight();
        long b = t.candidateOnly();
        long c = t.activeOnly();
        long d = t.bothWrong();
        Wilson.Interval first = Wilson.interval95(a + b, n).orElseThrow();
        Wilson.Interval second = Wilson.interval95(a + c, n).orElseThrow();
        double margins = (double) (a + b) * (c + d) * (a + c) * (b + d);
        double phi = margins == 0 ? 0 : ((double) a * d - (double) b * c) / Math.sqrt(margins);
        double p1 = first.estimate();
        double p2 = second.estimate();
        double difference = p1 - p2;
        double below1 = p1 - first.lower();
        double above1 = first.upper() - p1;
        double below2 = p2 - second.lower();
        double above2 = second.upper() - p2;
        double lower = difference - Math.sqrt(Math.max(0, below1 * below1 - 2 * phi * below1 * above2 + above2 * above2));
        double upper = difference + Math.sqrt(Math.max(0, above1 * above1 - 2 * phi * above1 * below2 + below2 * below2));
        return Optional.of(new NewcombeDifference.Interval(difference, lower, upper));
    }
}
