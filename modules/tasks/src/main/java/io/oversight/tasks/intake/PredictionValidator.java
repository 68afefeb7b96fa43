package io.oversight.tasks.intake;

import io.oversight.kernel.Violations;
import io.oversight.tasks.Candidate;
import io.oversight.tasks.Preference;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ModelStatus;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Workflow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed prediction against what governance says of its workflow: the snapshot is known,
 * registered for this workflow and allowed to submit; labels belong to the workflow's taxonomy; a
 * free-text workflow gets an output.
 */
public final class PredictionValidator {

    /** Snapshots whose outputs may be received: a rolled-back or retired model must not feed reviews. */
    static final Set<ModelStatus> SUBMITTING = Set.of(ModelStatus.SHADOW, ModelStatus.CANARY, ModelStatus.ACTIVE);

    private PredictionValidator() {
    }

    /**
     * @param snapshot the snapshot the request names, if it exists
     * @param prefix   JSON path prefix of the prediction in its request ("" or "predictions[i].")
     */
    public static void check(PredictionRequest request, Workflow workflow, Optional<ModelSnapshot> snapshot,
            int maxTimeoutMillis, String prefix, Violations v) {
        if (snapshot.isEmpty()) {
            v.add(prefix + "modelSnapshotId", "names no registered model snapshot");
        } else if (!snapshot.get().workflowKey().equals(workflow.key())) {
            v.add(prefix + "modelSnapshotId", "is registered for workflow " + snapshot.get().workflowKey()
                    + ", not " + workflow.key());
        } else if (!SUBMITTING.contains(snapshot.get().status())) {
            v.add(prefix + "modelSnapshotId", "is " + snapshot.get().status()
                    + "; only SHADOW, CANARY or ACTIVE snapshots may submit predictions");
        }
        if (workflow.taskKind() == TaskKind.PAIRWISE_PREFERENCE) {
            checkPairwise(request, workflow, prefix, v);
        } else {
            checkLabelsAndScores(request, workflow, prefix, v);
        }
        request.timeoutMillis().ifPresent(t -> v.check(t <= maxTimeoutMillis, prefix + "timeoutMillis",
                "must be at most " + maxTimeoutMillis + " (this server's longest inline wait)"));
        request.timeoutMillis().ifPresent(t -> v.check(effectiveMode(request, workflow, snapshot) == IntegrationMode.INLINE,
                prefix + "timeoutMillis", "applies to INLINE predictions only"));
    }

    private static void checkLabelsAndScores(PredictionRequest request, Workflow workflow, String prefix, Violations v) {
        v.check(request.candidates().isEmpty(), prefix + "candidates", "are for pairwise-preference workflows only");
        if (workflow.taskKind() == TaskKind.FREE_TEXT) {
            v.check(request.output().isPresent(), prefix + "output", "is required: workflow " + workflow.key()
                    + " reviews free-text outputs");
        } else {
            v.check(!request.labels().isEmpty(), prefix + "labels", "must name at least one predicted label");
        }
        for (int i = 0; i < request.labels().size(); i++) {
            String label = request.labels().get(i);
            v.check(workflow.acceptsLabel(label), prefix + "labels[" + i + "]",
                    "\"" + label + "\" is not a selectable label of the taxonomy of " + workflow.key());
        }
        checkScoreLabels(request.scores(), workflow, prefix + "scores", v);
        for (int i = 0; i < request.committee().size(); i++) {
            checkScoreLabels(request.committee().get(i), workflow, prefix + "committee[" + i + "]", v);
        }
    }

    /**
     * A pairwise item compares exactly two outputs with distinct ids (neither {@code TIE} nor
     * {@code BOTH_BAD}, the other answers); its label, if any, is the id of the one the model prefers.
     */
    private static void checkPairwise(PredictionRequest request, Workflow workflow, String prefix, Violations v) {
        List<Candidate> candidates = request.candidates();
        v.check(candidates.size() == 2, prefix + "candidates", "must hold exactly two outputs: workflow " + workflow.key()
                + " compares pairs");
        if (candidates.size() == 2) {
            v.check(!candidates.get(0).id().equals(candidates.get(1).id()), prefix + "candidates[1].id",
                    "must differ from candidates[0].id");
        }
        for (int i = 0; i < candidates.size(); i++) {
            String id = candidates.get(i).id();
            v.check(!Preference.TIE_KEY.equals(id) && !Preference.BOTH_BAD_KEY.equals(id), prefix + "candidates[" + i + "].id",
                    "must not be TIE or BOTH_BAD");
        }
        v.check(request.output().isEmpty(), prefix + "output", "is not used by pairwise workflows: send candidates");
        v.check(request.labels().size() <= 1 && request.labels().stream().allMatch(l -> candidates.stream()
                .anyMatch(c -> c.id().equals(l))), prefix + "labels", "may only name the id of the candidate the model prefers");
        v.check(request.scores().isEmpty() && request.committee().isEmpty(), prefix + "scores",
                "are not used by pairwise workflows");
    }

    private static void checkScoreLabels(Map<String, Double> scores, Workflow workflow, String field, Violations v) {
        for (String label : scores.keySet()) {
            v.check(workflow.taxonomy().contains(label), field + "." + label,
                    "is not a label of the taxonomy of " + workflow.key());
        }
    }

    /**
     * The mode a prediction is handled in: the caller's choice, else the workflow's; a snapshot in
     * SHADOW status is never acted upon, whatever the caller asked.
     */
    public static IntegrationMode effectiveMode(PredictionRequest request, Workflow workflow,
            Optional<ModelSnapshot> snapshot) {
        if (snapshot.isPresent() && snapshot.get().status() == ModelStatus.SHADOW) {
            return IntegrationMode.SHADOW;
        }
        return request.mode().orElse(workflow.integrationMode());
    }
}
