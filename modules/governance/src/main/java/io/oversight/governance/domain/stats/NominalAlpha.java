package io.oversight.governance.domain.stats;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Krippendorff's alpha for nominal data, kept as the two sums it needs so that windows add up:
 * the coincidence marginals {@code n_c} (how many pairable values each answer has) and the observed
 * disagreement mass {@code Σ_u Σ_{c≠k} n_uc·n_uk / (m_u − 1)}. Then
 * {@code α = 1 − (n − 1)·D / (n² − Σ n_c²)} with {@code n = Σ n_c} (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability", section C). A unit with one answer is not pairable and adds
 * nothing; with no variation at all alpha is undefined and stays empty.
 *
 * @param values       n_c per answer category
 * @param disagreement the observed disagreement mass
 */
public record NominalAlpha(Map<String, Long> values, double disagreement) {

    public NominalAlpha {
        values = Map.copyOf(values);
    }

    public static NominalAlpha empty() {
        return new NominalAlpha(Map.of(), 0);
    }

    /** Adds one unit: how many of its reviewers gave each answer. */
    public NominalAlpha plusUnit(Map<String, Long> answers) {
        long m = answers.values().stream().mapToLong(Long::longValue).sum();
        if (m < 2) {
            return this;
        }
        long sumOfSquares = answers.values().stream().mapToLong(v -> v * v).sum();
        Map<String, Long> merged = new TreeMap<>(values);
        answers.forEach((answer, count) -> {
            if (count > 0) {
                merged.merge(answer, count, Long::sum);
            }
        });
        return new NominalAlpha(merged, disagreement + (double) (m * m - sumOfSquares) / (m - 1));
    }

    public NominalAlpha plus(NominalAlpha other) {
        Map<String, Long> merged = new TreeMap<>(values);
        other.values.forEach((answer, count) -> merged.merge(answer, count, Long::sum));
        return new NominalAlpha(merged, disagreement + other.disagreement);
    }

    /** n: the pairable values the coefficient rests on. */
    public long pairable() {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<Double> value() {
        long n = pairable();
        double expected = (double) n * n - values.values().stream().mapToDouble(v -> (double) v * v).sum();
        if (n < 2 || expected <= 0) {
            return Optional.empty();
        }
        return Optional.of(1 - (n - 1) * disagreement / expected);
    }
}
