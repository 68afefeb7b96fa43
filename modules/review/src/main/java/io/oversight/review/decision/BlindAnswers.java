package io.oversight.review.decision;

import io.oversight.governance.TaskKind;
import io.oversight.kernel.InvalidInputException;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Answers given without the model's prediction (automation-bias control, ADR 0041). A blind
 * reviewer states their own answer (labels, an output, a preference); only the platform compares it with
 * the model's. So "approve" and "reject", which are judgements of a prediction the reviewer did not see,
 * are refused; an answer equal to the model's is recorded as an approval, so it counts as agreement
 * exactly as a seeing reviewer's approval does; and a rationale demanded only "when you change the
 * model's answer" is not demanded, since the reviewer cannot know whether they changed it (asking would
 * tell them).
 */
public final class BlindAnswers {

    private BlindAnswers() {
    }

    /** The result as recorded for a reviewer who did not see the prediction. */
    public static TaskResult asRecorded(TaskResult result, ReviewItem item, TaskKind kind) {
        if (kind == TaskKind.PAIRWISE_PREFERENCE) {
            return result; // a preference is always the reviewer's own choice; the page compares it already
        }
        if (result.verdict() != Verdict.CORRECT) {
            throw InvalidInputException.of("verdict", "the model's prediction is hidden from you in this queue, so there is "
                    + "nothing to " + (result.verdict() == Verdict.APPROVE ? "approve" : "reject")
                    + ": give your own answer (verdict CORRECT with your labels or output), skip or escalate");
        }
        boolean sameAsModel = kind == TaskKind.FREE_TEXT
                ? result.output().isPresent() && result.output().equals(item.predictedOutput())
                : !result.labels().isEmpty() && new HashSet<>(result.labels()).equals(new HashSet<>(item.predictedLabels()));
        return sameAsModel ? new TaskResult(Verdict.APPROVE, List.of(), Optional.empty(), result.rationale()) : result;
    }

    /** The rationale rule a blind reviewer answers under: only ALWAYS still applies. */
    public static ReviewSettings.RationaleRule rationaleRule(ReviewSettings.RationaleRule configured) {
        return configured == ReviewSettings.RationaleRule.ALWAYS ? configured : ReviewSettings.RationaleRule.NEVER;
    }
}
