package io.oversight.tasks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A reviewer's answer to a pairwise-preference task, as shown to them: output A, output B,
 * a tie, or both bad. Which candidate is shown as A is drawn per task from its random id, so it is
 * random across tasks, the same on every view of one task, and recorded with the answer.
 */
public enum Preference {
    A, B, TIE, BOTH_BAD;

    /** Answer key of a tie and of "both bad"; a preference for a candidate is keyed by its id. */
    public static final String TIE_KEY = "TIE";
    public static final String BOTH_BAD_KEY = "BOTH_BAD";

    /** Whether the task shows the second candidate as A. */
    public static boolean sidesSwapped(String taskId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(taskId.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The candidate a task shows on {@code side} (A or B). */
    public static Candidate shown(List<Candidate> candidates, String taskId, Preference side) {
        boolean swapped = sidesSwapped(taskId);
        return switch (side) {
            case A -> candidates.get(swapped ? 1 : 0);
            case B -> candidates.get(swapped ? 0 : 1);
            default -> throw new IllegalArgumentException("only A and B show a candidate");
        };
    }

    /** The answer key this preference stands for on the task: a candidate id, TIE or BOTH_BAD. */
    public String key(List<Candidate> candidates, String taskId) {
        return switch (this) {
            case A, B -> shown(candidates, taskId, this).id();
            case TIE -> TIE_KEY;
            case BOTH_BAD -> BOTH_BAD_KEY;
        };
    }
}
