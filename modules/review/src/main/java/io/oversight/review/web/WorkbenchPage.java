package io.oversight.review.web;

import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.PageMessages;
import io.oversight.kernel.RefusalException;
import io.oversight.governance.GuidelineExample;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.ReviewerView;
import io.oversight.governance.ReviewerViews;
import io.oversight.governance.TaskKind;
import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.Preference;
import io.oversight.tasks.QueueStatistics;
import io.oversight.review.ReviewQueues;
import io.oversight.review.ReviewerWorkload;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reviewer's workbench: the task they hold, with its input (personal data masked), the
 * model's prediction and scores, the guideline in force and its examples for the predicted label,
 * and the decision form. After a decision the next task is claimed and shown in the same request,
 * so the page's AJAX update brings it without a reload. Never shows another reviewer's answer: it
 * reads only the caller's own task and the item's input and prediction. The notices above it and the
 * personal-data reveal control are {@link WorkbenchNotices} and {@link WorkbenchReveal}.
 */
@Named
@RequestScoped
public class WorkbenchPage {

    @Inject
    ReviewQueues queues;

    @Inject
    Workflows workflows;

    @Inject
    Guidelines guidelines;

    @Inject
    ReviewerViews reviewerViews;

    private String taskId;
    private String rationale = "";
    private String output = "";
    private List<String> labels = new ArrayList<>();
    private Optional<ClaimedTask> current;
    private List<QueueStatistics> myQueues;
    private Shown shownCache;

    /**
     * The task shown: the one named by the form or by a link ({@code ?task=ID}, as the queue page sends
     * after a claim), else the held one whose lease runs out first.
     */
    public Optional<ClaimedTask> getCurrent() {
        if (current == null) {
            if (taskId == null) {
                taskId = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("task");
            }
            List<ClaimedTask> held = queues.myClaims();
            current = held.stream().filter(c -> c.task().id().equals(taskId)).findFirst()
                    .or(() -> held.stream().min(Comparator.comparing(c -> c.task().leaseExpiresAt().orElseThrow())));
            current.ifPresent(c -> taskId = c.task().id());
        }
        return current;
    }

    public boolean isHolding() {
        return getCurrent().isPresent();
    }

    public ClaimedTask getTask() {
        return getCurrent().orElseThrow();
    }

    public Workflow getWorkflow() {
        return shown().workflow();
    }

    public boolean isFreeText() {
        return getWorkflow().taskKind() == TaskKind.FREE_TEXT;
    }

    public boolean isPairwise() {
        return getWorkflow().taskKind() == TaskKind.PAIRWISE_PREFERENCE && getTask().item().candidates().size() == 2;
    }

    /** The output this task shows as A (or B): sides are drawn per task. */
    public String shownOutput(String side) {
        return Preference.shown(getTask().item().candidates(), taskId, Preference.valueOf(side)).output();
    }

    /** The side of the output the model prefers, if it said. */
    public String getModelPrefers() {
        List<String> predicted = getTask().item().predictedLabels();
        if (predicted.isEmpty()) {
            return "no preference stated";
        }
        return Preference.shown(getTask().item().candidates(), taskId, Preference.A).id().equals(predicted.get(0)) ? "A" : "B";
    }

    public String prefer(String preference) {
        String afterwards = forTheRecord();
        return act(() -> queues.completePreference(taskId, Preference.valueOf(preference), rationale),
                "Preference recorded: " + preference + "." + afterwards);
    }

    /**
     * After a blind answer, the model's prediction for the record: the reviewer sees what the model said
     * once it can no longer sway them. Empty when the prediction was shown all along.
     */
    private String forTheRecord() {
        if (getCurrent().isEmpty() || isPredictionShown()) {
            return "";
        }
        var item = getTask().item();
        if (isPairwise()) {
            return item.predictedLabels().isEmpty() ? " The model stated no preference."
                    : " The model preferred " + getModelPrefers() + ".";
        }
        String said = item.predictedOutput().map(o -> "\"" + o + "\"")
                .orElseGet(() -> String.join(", ", item.predictedLabels()));
        return " The model had predicted " + said + " (confidence " + percent(item.confidence()) + "%).";
    }

    /** The labels a reviewer may choose, in taxonomy order; their position (1-9) is their keyboard shortcut. */
    public List<TaxonomyLabel> getSelectableLabels() {
        Workflow workflow = getWorkflow();
        return workflow.taxonomy().labels().stream().filter(l -> workflow.acceptsLabel(l.code())).toList();
    }

    public String labelPath(String code) {
        return getWorkflow().taxonomy().path(code);
    }

    /** The input as indented JSON with personal-data tokens masked. */
    public String getMaskedInput() {
        return MaskedJson.of(getTask().item().payloadJson());
    }

    /** Per-class scores, highest first, as percentages for the bars. */
    public List<Map.Entry<String, Double>> getScores() {
        var scores = getTask().item().classScores();
        if (scores.isEmpty()) {
            return getTask().item().predictedLabels().stream()
                    .map(l -> Map.entry(l, getTask().item().confidence())).toList();
        }
        return scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
    }

    public String percent(double score) {
        return String.format(Locale.ROOT, "%.1f", 100 * score);
    }

    public Optional<GuidelineVersion> getGuideline() {
        return shown().guideline();
    }

    public String getGuidelineHtml() {
        return getGuideline().map(guidelines::renderedInstructions).orElse("");
    }

    /**
     * The guideline's examples for the labels the model predicted; all of them when the prediction is hidden
     * (choosing examples by it would give it away).
     */
    public List<GuidelineExample> getExamples() {
        List<String> predicted = getTask().item().predictedLabels();
        return getGuideline().map(g -> g.examples().stream()
                .filter(e -> !isPredictionShown() || predicted.contains(e.labelCode())).toList())
                .orElse(List.of());
    }

    /** Whether this task's tier sees the model's prediction and confidence before answering. */
    public boolean isPredictionShown() {
        return shown().predictionShown();
    }

    /** The input fields the workflow's reviewer view shows, formatted; empty when it shows the raw JSON only. */
    public List<ReviewerViewRendering.ShownField> getInputFields() {
        return shown().inputFields();
    }

    public long getLeaseExpiresEpochMillis() {
        return getTask().task().leaseExpiresAt().orElseThrow().toEpochMilli();
    }

    public Optional<ReviewerWorkload> getWorkload() {
        return getCurrent().map(c -> shown().workload());
    }

    /**
     * What the page reads about the shown task's workflow, once per request: EL evaluates a getter
     * each time an expression names it (every label, every rendered check), and each would be a query.
     */
    private record Shown(String taskId, Workflow workflow, Optional<GuidelineVersion> guideline,
            ReviewerWorkload workload, List<ReviewerViewRendering.ShownField> inputFields, boolean predictionShown) {
    }

    private Shown shown() {
        String shownTask = getTask().task().id();
        if (shownCache == null || !shownCache.taskId().equals(shownTask)) {
            String workflowKey = getTask().task().queue().workflowKey();
            ReviewerView view = reviewerViews.of(workflowKey);
            shownCache = new Shown(shownTask, workflows.find(workflowKey).orElseThrow(),
                    guidelines.activeFor(workflowKey), queues.workload(workflowKey),
                    ReviewerViewRendering.render(view, getTask().item().payloadJson()),
                    view.predictionShownTo(getTask().task().queue().tier()));
        }
        return shownCache;
    }

    /** The queues the caller may work, with how many tasks wait in each. */
    public List<QueueStatistics> getQueues() {
        if (myQueues == null) {
            myQueues = queues.myQueues();
        }
        return myQueues;
    }

    public String next() {
        try {
            current = queues.claimNextAnywhere();
            current.ifPresentOrElse(c -> taskId = c.task().id(),
                    () -> info("Nothing is waiting for you in any queue you may work."));
        } catch (RefusalException e) {
            current = Optional.empty();
            error(e.getMessage());
        }
        return null;
    }

    public String approve() {
        return decide(Verdict.APPROVE, List.of(), Optional.empty());
    }

    public String reject() {
        return decide(Verdict.REJECT, List.of(), Optional.empty());
    }

    public String correct() {
        return isFreeText() ? decide(Verdict.CORRECT, List.of(), Optional.of(output))
                : decide(Verdict.CORRECT, labels, Optional.empty());
    }

    public String skip() {
        return act(reasonAsRationale(() -> queues.skip(taskId, rationale)), "Skipped; you will not be offered that item again.");
    }

    public String escalate() {
        int toTier = Math.min(3, getTask().task().queue().tier() + 1);
        return act(reasonAsRationale(() -> queues.escalate(taskId, toTier, rationale)), "Escalated to tier " + toTier + ".");
    }

    /**
     * Skipping and escalating call the rationale "reason", as the API's body does; on this page it is the
     * rationale field, so a refusal of it is shown there.
     */
    private static Runnable reasonAsRationale(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.getMessage(), e.errors().stream()
                        .map(error -> error.field().equals("reason") ? new FieldError("rationale", error.message()) : error)
                        .toList());
            }
        };
    }

    private String decide(Verdict verdict, List<String> labels, Optional<String> written) {
        String afterwards = forTheRecord();
        boolean blind = getCurrent().isPresent() && !isPredictionShown();
        String done = blind ? "Answer recorded." : "Decision recorded: " + verdict.name().toLowerCase(Locale.ROOT) + ".";
        return act(() -> queues.complete(taskId, new TaskResult(verdict, labels, written, rationale)), done + afterwards);
    }

    /**
     * Runs a decision on the held task; on success clears the form and brings the next task. A refused
     * field is shown beside it by its label (the task stays held, what was typed stays in the form).
     */
    private String act(Runnable action, String done) {
        if (!PageMessages.attempt(action, null)) {
            current = null;
            return null;
        }
        info(done);
        rationale = "";
        output = "";
        labels = new ArrayList<>();
        taskId = null;
        current = null;
        myQueues = null;
        // tasks already held come first: claiming more would only pile up leases that expire unworked
        return getCurrent().isPresent() ? null : next();
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        if (taskId != null && !taskId.equals(this.taskId)) {
            current = null;
        }
        this.taskId = taskId;
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(String rationale) {
        this.rationale = rationale == null ? "" : rationale;
    }

    /**
     * A free-text correction starts from the model's output, so the reviewer edits it and sees the difference;
     * a blind reviewer starts from an empty box.
     */
    public String getOutput() {
        if (output.isEmpty() && getCurrent().isPresent() && isPredictionShown()) {
            return getTask().item().predictedOutput().orElse("");
        }
        return output;
    }

    public void setOutput(String output) {
        this.output = output == null ? "" : output;
    }

    /** The labels ticked; named as the decision names them, so that a refusal of them is shown beside the boxes. */
    public List<String> getLabels() {
        return labels;
    }

    public void setLabels(List<String> labels) {
        this.labels = labels == null ? new ArrayList<>() : new ArrayList<>(labels);
    }
}
