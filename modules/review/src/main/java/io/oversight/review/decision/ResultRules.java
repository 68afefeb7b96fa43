package io.oversight.review.decision;

import io.oversight.kernel.Violations;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Workflow;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import io.oversight.tasks.Candidate;
import io.oversight.tasks.Preference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Checks a reviewer's or adjudicator's answer against the workflow and the item, listing every problem at once. */
public final class ResultRules {

    public static final int MAX_RATIONALE = 4000;
    static final int MAX_OUTPUT = 20_000;

    private ResultRules() {
    }

    public static void check(TaskResult result, Workflow workflow, ReviewItem item, ReviewSettings.RationaleRule rationaleRule) {
        Violations v = new Violations();
        boolean freeText = workflow.taskKind() == TaskKind.FREE_TEXT;
        if (workflow.taskKind() == TaskKind.PAIRWISE_PREFERENCE) {
            checkPairwise(result, item, v);
        } else if (result.verdict() == Verdict.CORRECT) {
            if (freeText) {
                v.check(result.output().isPresent() && !result.output().get().isBlank()
                        && result.output().get().length() <= MAX_OUTPUT, "output",
                        "is required when correcting: 1 to " + MAX_OUTPUT + " characters");
                v.check(result.output().isEmpty() || !result.output().equals(item.predictedOutput()), "output",
                        "is the model's own output: approve instead");
            } else {
                v.check(!result.labels().isEmpty(), "labels", "must name at least one label when correcting");
                v.check(result.labels().isEmpty()
                        || !new HashSet<>(result.labels()).equals(new HashSet<>(item.predictedLabels())), "labels",
                        "are the model's own labels: approve instead");
                v.check(result.output().isEmpty(), "output", "is only for free-text workflows");
            }
        } else {
            v.check(result.labels().isEmpty(), "labels", "are given only when correcting (verdict CORRECT)");
            v.check(result.output().isEmpty(), "output", "is given only when correcting (verdict CORRECT)");
        }
        for (int i = 0; i < result.labels().size() && workflow.taskKind() != TaskKind.PAIRWISE_PREFERENCE; i++) {
            v.check(workflow.acceptsLabel(result.labels().get(i)), "labels[" + i + "]",
                    "\"" + result.labels().get(i) + "\" is not a selectable label of the taxonomy of " + workflow.key());
        }
        v.check(result.rationale().length() <= MAX_RATIONALE, "rationale",
                "must be at most " + MAX_RATIONALE + " characters");
        v.check(!rationaleRule.requires(result.verdict() != Verdict.APPROVE) || !result.rationale().isBlank(),
                "rationale", rationaleRule == ReviewSettings.RationaleRule.ALWAYS
                        ? "is required for every decision in " + workflow.key()
                        : "is required when you correct or reject the model's output");
        v.throwIfAny("The decision");
    }

    /**
     * A pairwise answer is one key: a candidate's id, TIE or BOTH_BAD. Approving takes the model's
     * preference (so it needs one); there is nothing to reject.
     */
    private static void checkPairwise(TaskResult result, ReviewItem item, Violations v) {
        List<String> keys = new ArrayList<>(item.candidates().stream().map(Candidate::id).toList());
        keys.add(Preference.TIE_KEY);
        keys.add(Preference.BOTH_BAD_KEY);
        switch (result.verdict()) {
            case REJECT -> v.add("verdict", "a pairwise answer is A, B, TIE or BOTH_BAD: there is nothing to reject");
            case APPROVE -> {
                v.check(!item.predictedLabels().isEmpty(), "verdict", "the model stated no preference to approve: choose one");
                v.check(result.labels().isEmpty(), "labels", "are given only when correcting (verdict CORRECT)");
            }
            case CORRECT -> {
                v.check(result.labels().size() == 1 && keys.contains(result.labels().get(0)), "labels",
                        "must be one of " + keys);
                v.check(!result.labels().equals(item.predictedLabels()), "labels",
                        "are the model's own preference: approve instead");
            }
            default -> throw new IllegalStateException("unknown verdict " + result.verdict());
        }
        v.check(result.output().isEmpty(), "output", "is not used by pairwise workflows");
    }
}
