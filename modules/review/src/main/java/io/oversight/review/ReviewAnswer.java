package io.oversight.review;

import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A verdict resolved against the model's prediction: what an item's reviews are compared on. Two
 * reviews agree when their answers are equal; label order does not matter.
 *
 * @param labels the labels the answer stands for (the model's when approving, none when rejecting)
 */
public record ReviewAnswer(Verdict verdict, Set<String> labels, Optional<String> output) {

    public ReviewAnswer {
        labels = Set.copyOf(labels);
    }

    /** Resolves a result: an approval means the model's labels and output, a rejection means none. */
    public static ReviewAnswer of(TaskResult result, List<String> predictedLabels, Optional<String> predictedOutput) {
        return switch (result.verdict()) {
            case APPROVE -> new ReviewAnswer(Verdict.APPROVE, Set.copyOf(predictedLabels), predictedOutput);
            case REJECT -> new ReviewAnswer(Verdict.REJECT, Set.of(), Optional.empty());
            case CORRECT -> new ReviewAnswer(Verdict.CORRECT, Set.copyOf(result.labels()), result.output());
        };
    }

    /**
     * Whether two answers say the same about the item. An approval and a correction that picks the
     * model's own labels say the same thing; verdicts matter only for rejection.
     */
    public boolean agreesWith(ReviewAnswer other) {
        return (verdict == Verdict.REJECT) == (other.verdict == Verdict.REJECT)
                && labels.equals(other.labels) && output.equals(other.output);
    }

    /** A stable text key of the answer, for counting votes and for agreement metrics. */
    public String key() {
        if (verdict == Verdict.REJECT) {
            return "REJECT";
        }
        String key = String.join("+", labels.stream().sorted().toList());
        return output.map(o -> key + "|text:" + sha256(o).substring(0, 16)).orElse(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
