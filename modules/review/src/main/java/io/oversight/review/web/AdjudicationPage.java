package io.oversight.review.web;

import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.PageMessages;
import io.oversight.kernel.RefusalException;
import io.oversight.governance.ReviewerViews;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.review.AdjudicationCase;
import io.oversight.review.AdjudicationQueue;
import io.oversight.review.Adjudications;
import io.oversight.tasks.Preference;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The adjudicator's page: the adjudication queues with their lead times, and the item they
 * hold with every review and rationale (reviewers named "Reviewer 1, 2..." unless the workflow lets
 * adjudicators see who they are), and the final decision form.
 */
@Named
@RequestScoped
public class AdjudicationPage {

    @Inject
    Adjudications adjudications;

    @Inject
    Workflows workflows;

    @Inject
    ReviewerViews reviewerViews;

    private String adjudicationId;
    private String verdict = Verdict.CORRECT.name();
    private List<String> labels = new ArrayList<>();
    private String output = "";
    private String rationale = "";
    private boolean notifyReviewers = true;
    private Optional<AdjudicationCase> current;
    private List<AdjudicationQueue> queues;
    private List<SelectItem> choices;
    private List<ReviewerViewRendering.ShownField> inputFields;

    public List<AdjudicationQueue> getQueues() {
        if (queues == null) {
            queues = adjudications.queues();
        }
        return queues;
    }

    public Optional<AdjudicationCase> getCurrent() {
        if (current == null) {
            List<AdjudicationCase> held = adjudications.mine();
            current = held.stream().filter(a -> a.id().equals(adjudicationId)).findFirst()
                    .or(() -> held.stream().findFirst());
            current.ifPresent(a -> adjudicationId = a.id());
        }
        return current;
    }

    public boolean isHolding() {
        return getCurrent().isPresent();
    }

    public AdjudicationCase getHeld() {
        return getCurrent().orElseThrow();
    }

    public String getMaskedInput() {
        return MaskedJson.of(getHeld().item().payloadJson());
    }

    /** The input fields the workflow's reviewer view shows, formatted, as reviewers saw them. */
    public List<ReviewerViewRendering.ShownField> getInputFields() {
        if (inputFields == null) {
            inputFields = ReviewerViewRendering.render(reviewerViews.of(getHeld().item().workflowKey()),
                    getHeld().item().payloadJson());
        }
        return inputFields;
    }

    /** What the adjudicator may choose: the taxonomy's selectable labels, or for a pairwise item a candidate, a tie or both bad. */
    public List<SelectItem> getChoices() {
        if (choices == null) {
            choices = choicesFor(getHeld());
        }
        return choices;
    }

    private List<SelectItem> choicesFor(AdjudicationCase held) {
        Workflow workflow = workflows.find(held.item().workflowKey()).orElseThrow();
        if (workflow.taskKind() == TaskKind.PAIRWISE_PREFERENCE) {
            List<SelectItem> pair = new ArrayList<>();
            held.item().candidates().forEach(c -> pair.add(new SelectItem(c.id(), "Candidate " + c.id())));
            pair.add(new SelectItem(Preference.TIE_KEY, "Tie"));
            pair.add(new SelectItem(Preference.BOTH_BAD_KEY, "Both bad"));
            return pair;
        }
        int[] number = {0};
        return workflow.taxonomy().labels().stream().filter(l -> workflow.acceptsLabel(l.code()))
                .map(l -> new SelectItem(l.code(), labelNumber(++number[0]) + l.displayName() + " (" + l.code() + ")")).toList();
    }

    /** The first nine choices carry their digit, the key that ticks them. */
    private static String labelNumber(int number) {
        return number <= 9 ? number + ". " : "";
    }

    public String minutes(Optional<Duration> duration) {
        return duration.map(d -> d.toMinutes() < 1 ? d.toSeconds() + " s" : d.toMinutes() + " min").orElse("—");
    }

    public String claim(String workflowKey) {
        try {
            current = adjudications.claimNext(workflowKey);
            current.ifPresentOrElse(a -> adjudicationId = a.id(),
                    () -> message(FacesMessage.SEVERITY_INFO, "No disagreement of " + workflowKey + " is waiting for you."));
        } catch (RefusalException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        queues = null;
        choices = null;
        inputFields = null;
        return null;
    }

    /**
     * Records the final decision; a refused field (a missing choice, labels that cannot be, an overlong or
     * missing rationale) is shown beside it by its label, the case stays held and nothing is recorded.
     */
    public String decide() {
        boolean recorded = PageMessages.attempt(() -> {
            Verdict chosen = chosenVerdict();
            adjudications.decide(adjudicationId, new TaskResult(chosen, chosen == Verdict.CORRECT ? labels : List.of(),
                    chosen == Verdict.CORRECT && !output.isBlank() ? Optional.of(output) : Optional.empty(), rationale),
                    notifyReviewers);
        }, "Adjudication recorded; the item is decided.");
        if (recorded) {
            adjudicationId = null;
            rationale = "";
            labels = new ArrayList<>();
        }
        current = null;
        queues = null;
        choices = null;
        inputFields = null;
        return null;
    }

    /** The verdict chosen; none (a form sent without one) is refused beside the choice. */
    private Verdict chosenVerdict() {
        return Arrays.stream(Verdict.values()).filter(v -> v.name().equals(verdict)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("verdict", "is required: approve, correct or reject"));
    }

    public String release() {
        try {
            adjudications.release(adjudicationId);
            adjudicationId = null;
        } catch (RefusalException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        current = null;
        queues = null;
        choices = null;
        inputFields = null;
        return null;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String getAdjudicationId() {
        return adjudicationId;
    }

    public void setAdjudicationId(String adjudicationId) {
        if (adjudicationId != null && !adjudicationId.equals(this.adjudicationId)) {
            current = null;
        }
        this.adjudicationId = adjudicationId;
    }

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    /** The labels ticked; named as the decision names them, so that a refusal of them is shown beside the boxes. */
    public List<String> getLabels() {
        return labels;
    }

    public void setLabels(List<String> labels) {
        this.labels = labels == null ? new ArrayList<>() : new ArrayList<>(labels);
    }

    public String getOutput() {
        return output;
    }

    public void setOutput(String output) {
        this.output = output == null ? "" : output;
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(String rationale) {
        this.rationale = rationale == null ? "" : rationale;
    }

    public boolean isNotifyReviewers() {
        return notifyReviewers;
    }

    public void setNotifyReviewers(boolean notifyReviewers) {
        this.notifyReviewers = notifyReviewers;
    }
}
