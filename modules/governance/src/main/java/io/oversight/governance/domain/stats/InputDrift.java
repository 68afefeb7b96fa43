package io.oversight.governance.domain.stats;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drift of one declared payload field, from the field's value counts in a window and in its
 * reference. Values are kept as counts under keys, so windows merge by addition like every other
 * aggregate: a categorical value under {@code c:<value>}; a number under {@code n:<bucket>}, where
 * buckets are logarithmic with a relative width of 2% (every value within 2% of another may share its
 * bucket), mirrored for negative numbers, and one bucket holds every magnitude below 1e-9. Numbers
 * get PSI over the reference's deciles and the two-sample KS test, both on the buckets (KS's D is then
 * the exact statistic of the bucketed values and at most the raw values' D); categories get PSI and
 * Pearson's chi-square test.
 */
public final class InputDrift {

    public static final String NUMBER = "n:";
    public static final String CATEGORY = "c:";
    /** The longest categorical value kept; a longer one is cut (still a category of its own in practice). */
    public static final int MAX_CATEGORY_LENGTH = 100;
    static final double GAMMA = 1.02;
    static final double SMALLEST = 1e-9;
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final double LOG_SMALLEST = Math.log(SMALLEST);

    private InputDrift() {
    }

    /** The count key of a finite number. */
    public static String numberKey(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " is not a finite number");
        }
        return NUMBER + bucket(value);
    }

    /** Bucket index, increasing with the value: 0 for |x| < 1e-9, then ±(1 + floor(log_γ(|x| / 1e-9))). */
    static int bucket(double value) {
        double magnitude = Math.abs(value);
        if (magnitude < SMALLEST) {
            return 0;
        }
        int index = 1 + (int) Math.floor((Math.log(magnitude) - LOG_SMALLEST) / LOG_GAMMA);
        return value < 0 ? -index : index;
    }

    /** The count key of a categorical value. */
    public static String categoryKey(String value) {
        return CATEGORY + (value.length() > MAX_CATEGORY_LENGTH ? value.substring(0, MAX_CATEGORY_LENGTH) : value);
    }

    /** Whether the counts are a numeric field's (bucket keys), not a categorical one's. */
    public static boolean holdsNumbers(Map<String, Long> counts) {
        return counts.keySet().stream().anyMatch(k -> k.startsWith(NUMBER));
    }

    /** PSI of the window against the reference: over number buckets when the reference has numbers, else over categories. */
    public static Optional<Double> psi(Map<String, Long> reference, Map<String, Long> current) {
        TreeMap<Integer, Long> ref = numbers(reference);
        if (!ref.isEmpty()) {
            long[][] aligned = align(ref, numbers(current));
            return Drift.psi(aligned[0], aligned[1]);
        }
        return Drift.psi(categories(reference), categories(current));
    }

    /** The two-sample KS test of a numeric field; empty for a categorical one. */
    public static Optional<Drift.KsResult> ks(Map<String, Long> reference, Map<String, Long> current) {
        TreeMap<Integer, Long> ref = numbers(reference);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        long[][] aligned = align(ref, numbers(current));
        return Drift.ks(aligned[0], aligned[1]);
    }

    /** Pearson's chi-square test of a categorical field; empty for a numeric one. */
    public static Optional<Drift.ChiSquareResult> chiSquare(Map<String, Long> reference, Map<String, Long> current) {
        Map<String, Long> ref = categories(reference);
        return ref.isEmpty() ? Optional.empty() : Drift.chiSquare(ref, categories(current));
    }

    private static TreeMap<Integer, Long> numbers(Map<String, Long> counts) {
        TreeMap<Integer, Long> numbers = new TreeMap<>();
        counts.forEach((key, count) -> {
            if (key.startsWith(NUMBER)) {
                numbers.merge(Integer.parseInt(key.substring(NUMBER.length())), count, Long::sum);
            }
        });
        return numbers;
    }

    private static Map<String, Long> categories(Map<String, Long> counts) {
        Map<String, Long> categories = new TreeMap<>();
        counts.forEach((key, count) -> {
            if (key.startsWith(CATEGORY)) {
                categories.merge(key.substring(CATEGORY.length()), count, Long::sum);
            }
        });
        return categories;
    }

    /** Both sides' counts on the union of their buckets, in value order. */
    private static long[][] align(TreeMap<Integer, Long> a, TreeMap<Integer, Long> b) {
        TreeSet<Integer> buckets = new TreeSet<>(a.keySet());
        buckets.addAll(b.keySet());
        long[][] aligned = new long[2][buckets.size()];
        int i = 0;
        for (Integer bucket : buckets) {
            aligned[0][i] = a.getOrDefault(bucket, 0L);
            aligned[1][i] = b.getOrDefault(bucket, 0L);
            i++;
        }
        return aligned;
    }
}
