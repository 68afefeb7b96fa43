package io.oversight.tasks.learning;

import io.oversight.tasks.OrderingMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Uncertainty sampling: how much a human review of a prediction would teach the model, as a score in
 * [0, 1] that orders a review queue (see {@link OrderingMethod} for the formulas).
 *
 * <p>Every score is normalised to [0, 1] so that methods can be switched without rescaling thresholds:
 * least confidence is divided by its maximum {@code 1 - 1/K} (reached when all {@code K} labels tie),
 * entropies by {@code log K}, and the committee's mean KL divergence, which has no upper bound, is mapped
 * by {@code 1 - exp(-x)} (0 stays 0, it grows monotonically, and 1 nat of disagreement scores 0.63).
 * A distribution with a single label is scored as if against one absent label of probability 0
 * ({@code K = 2}), so that a certain single-label prediction scores 0 rather than dividing by zero.
 *
 * <p>Probabilities must each be in [0, 1]; that they sum to 1 is checked where predictions are taken
 * in, and scores of distributions that do not quite sum to 1 are clamped to [0, 1].
 */
public final class ActiveLearning {

    /** Label of the confidence in the two-class distribution built when no class scores are given. */
    public static final String PREDICTED = "predicted";
    /** Label of the remaining {@code 1 - confidence} in that two-class distribution. */
    public static final String OTHER = "other";

    private static final Comparator<Map.Entry<String, Double>> MOST_PROBABLE_FIRST =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private ActiveLearning() {
    }

    /**
     * @param confidence the model's confidence in its predicted label; used only when
     *                   {@code classScores} is empty, as the distribution {@code {confidence, 1 - confidence}}
     * @param classScores the model's probability per label code, possibly empty
     * @param committee one distribution per committee model, for the committee methods; with fewer than
     *                  two members those fall back to {@link OrderingMethod#ENTROPY}
     * @throws IllegalArgumentException for a probability that is NaN or outside [0, 1], or an empty
     *                                  committee member
     */
    public static UncertaintyScore score(OrderingMethod method, double confidence, Map<String, Double> classScores,
            List<Map<String, Double>> committee) {
        Objects.requireNonNull(method, "method");
        requireProbability("confidence", confidence);
        Map<String, Double> distribution = distribution(confidence, classScores);
        List<Map<String, Double>> members = members(committee);
        return switch (method) {
            case LEAST_CONFIDENCE -> leastConfidence(distribution);
            case MARGIN -> margin(distribution);
            case ENTROPY -> entropy(method, distribution, "");
            case VOTE_ENTROPY, KL_DIVERGENCE -> {
                if (members.size() < 2) {
                    yield entropy(method, distribution, " (" + name(method) + " needs 2 committee members, got "
                            + members.size() + ")");
                }
                yield method == OrderingMethod.VOTE_ENTROPY ? voteEntropy(members) : klToTheMean(members);
            }
        };
    }

    private static UncertaintyScore leastConfidence(Map<String, Double> distribution) {
        int labels = labelCount(distribution);
        Map.Entry<String, Double> top = ranked(distribution).get(0);
        double score = unit((1 - top.getValue()) / (1 - 1.0 / labels));
        return new UncertaintyScore(OrderingMethod.LEAST_CONFIDENCE, OrderingMethod.LEAST_CONFIDENCE, score,
                "least confidence " + fixed(score, 2) + ": top label " + top.getKey() + " " + fixed(top.getValue(), 2)
                        + " among " + labels + " labels");
    }

    private static UncertaintyScore margin(Map<String, Double> distribution) {
        List<Map.Entry<String, Double>> ranked = ranked(distribution);
        Map.Entry<String, Double> first = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        String runnerUp = ranked.size() > 1 ? ranked.get(1).getKey() : "(none)";
        double score = 1 - (first.getValue() - second);
        return new UncertaintyScore(OrderingMethod.MARGIN, OrderingMethod.MARGIN, score,
                "margin " + fixed(score, 2) + ": top two labels " + first.getKey() + " " + fixed(first.getValue(), 2)
                        + ", " + runnerUp + " " + fixed(second, 2));
    }

    private static UncertaintyScore entropy(OrderingMethod requested, Map<String, Double> distribution,
            String fallbackNote) {
        int labels = labelCount(distribution);
        double score = unit(shannon(distribution.values()) / Math.log(labels));
        return new UncertaintyScore(requested, OrderingMethod.ENTROPY, score,
                "entropy " + fixed(score, 2) + " over " + labels + " labels" + fallbackNote);
    }

    private static UncertaintyScore voteEntropy(List<Map<String, Double>> members) {
        Map<String, Integer> votes = new TreeMap<>();
        for (Map<String, Double> member : members) {
            votes.merge(ranked(member).get(0).getKey(), 1, Integer::sum);
        }
        int voters = members.size();
        int spread = Math.min(voters, labelsOf(members).size());
        List<Double> shares = votes.values().stream().map(v -> (double) v / voters).toList();
        double score = spread < 2 ? 0 : unit(shannon(shares) / Math.log(spread));
        String tally = votes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return new UncertaintyScore(OrderingMethod.VOTE_ENTROPY, OrderingMethod.VOTE_ENTROPY, score,
                "vote entropy " + fixed(score, 2) + ": " + voters + " members voted " + tally);
    }

    private static UncertaintyScore klToTheMean(List<Map<String, Double>> members) {
        Set<String> labels = labelsOf(members);
        int size = members.size();
        Map<String, Double> consensus = new TreeMap<>();
        for (String label : labels) {
            consensus.put(label, members.stream().mapToDouble(m -> m.getOrDefault(label, 0.0)).sum() / size);
        }
        double total = 0;
        for (Map<String, Double> member : members) {
            for (Map.Entry<String, Double> p : member.entrySet()) {
                // 0 · log(0 / q) = 0; and q > 0 wherever p > 0, since q averages p in
                if (p.getValue() > 0) {
                    total += p.getValue() * Math.log(p.getValue() / consensus.get(p.getKey()));
                }
            }
        }
        // members that do not quite sum to 1 can push the divergence just below zero
        double meanDivergence = Math.max(0, total / size);
        double score = unit(1 - Math.exp(-meanDivergence));
        return new UncertaintyScore(OrderingMethod.KL_DIVERGENCE, OrderingMethod.KL_DIVERGENCE, score,
                "KL divergence " + fixed(score, 2) + ": members differ from their consensus by " + fixed(meanDivergence, 3)
                        + " nats on average over " + size + " members");
    }

    private static Map<String, Double> distribution(double confidence, Map<String, Double> classScores) {
        Objects.requireNonNull(classScores, "classScores");
        if (classScores.isEmpty()) {
            Map<String, Double> twoClass = new LinkedHashMap<>();
            twoClass.put(PREDICTED, confidence);
            twoClass.put(OTHER, 1 - confidence);
            return twoClass;
        }
        requireProbabilities("classScores", classScores);
        return classScores;
    }

    private static List<Map<String, Double>> members(List<Map<String, Double>> committee) {
        Objects.requireNonNull(committee, "committee");
        for (int i = 0; i < committee.size(); i++) {
            Map<String, Double> member = committee.get(i);
            if (member == null || member.isEmpty()) {
                throw new IllegalArgumentException("committee[" + i + "] has no class scores");
            }
            requireProbabilities("committee[" + i + "]", member);
        }
        return committee;
    }

    private static void requireProbabilities(String what, Map<String, Double> scores) {
        scores.forEach((label, p) -> {
            if (label == null) {
                throw new IllegalArgumentException(what + " has a score without a label");
            }
            if (p == null) {
                throw new IllegalArgumentException(what + "[" + label + "] has no score");
            }
            requireProbability(what + "[" + label + "]", p);
        });
    }

    private static void requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in [0, 1], was " + p);
        }
    }

    /** Most probable first; equally probable labels in label-code order, so that ties break the same way everywhere. */
    private static List<Map.Entry<String, Double>> ranked(Map<String, Double> distribution) {
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(distribution.entrySet());
        ranked.sort(MOST_PROBABLE_FIRST);
        return ranked;
    }

    private static Set<String> labelsOf(List<Map<String, Double>> members) {
        Set<String> labels = new TreeSet<>();
        members.forEach(m -> labels.addAll(m.keySet()));
        return labels;
    }

    private static int labelCount(Map<String, Double> distribution) {
        return Math.max(2, distribution.size());
    }

    /** Shannon entropy in nats, with 0 · log 0 = 0. */
    private static double shannon(Iterable<Double> probabilities) {
        double entropy = 0;
        for (double p : probabilities) {
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    /**
     * {@code value} with {@code places} decimals, as {@code String.format(Locale.ROOT, "%.Nf")} writes it
     * (the shortest decimal of the double, rounded half up) at a fraction of its cost: every prediction
     * taken in explains its score, and the formatter was 6% of a batch's intake.
     */
    static String fixed(double value, int places) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    private static double unit(double score) {
        return Math.min(1, Math.max(0, score));
    }

    private static String name(OrderingMethod method) {
        return method == OrderingMethod.VOTE_ENTROPY ? "vote entropy" : "KL divergence";
    }
}
