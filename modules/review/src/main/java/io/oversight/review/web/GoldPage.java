package io.oversight.review.web;

import io.oversight.governance.TaskKind;
import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.PageMessages;
import io.oversight.review.GoldItem;
import io.oversight.review.ReviewerAccuracy;
import io.oversight.review.quality.GoldService;
import io.oversight.review.rest.ReviewBodies;
import io.oversight.tasks.Verdict;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's gold items on a page (governance leads and administrators): the known answers served
 * among ordinary claims to measure reviewers, the reviewers' accuracy on them, marking an item as gold
 * and retiring one. Marking goes through {@link ReviewBodies} and the {@link GoldService} that
 * {@code POST /api/v1/gold} uses, so the page refuses what the API refuses, beside the field.
 */
@Named
@RequestScoped
public class GoldPage {

    @Inject
    GoldService gold;

    @Inject
    Workflows workflows;

    private Workflow workflow;
    private String workflowMessage = "";
    private String chosen;
    private String itemId;
    private String verdict;
    private String labels;
    private String output;
    private String rationale;
    private List<GoldItem> items;
    private List<ReviewerAccuracy> accuracy;

    /**
     * The workflow comes from the link (?workflow=key) or, on a postback, from the hidden field of the
     * form that was sent.
     */
    @PostConstruct
    void open() {
        String key = Optional.ofNullable(PageMessages.parameter("workflow"))
                .or(() -> Optional.ofNullable(PageMessages.parameter("mark:workflow")))
                .orElse(PageMessages.parameter("list:workflow"));
        if (key == null) {
            return;
        }
        workflow = workflows.find(key).orElse(null);
        if (workflow == null) {
            workflowMessage = "There is no workflow '" + key + "': choose one.";
        } else {
            chosen = key;
        }
    }

    /** Opens the chosen workflow at its own address, so that the page can be bookmarked and reloaded. */
    public String choose() {
        return "/governance/gold?faces-redirect=true&workflow=" + URLEncoder.encode(chosen, StandardCharsets.UTF_8);
    }

    public void mark() {
        GoldItem marked = PageMessages.attemptGet(() -> {
            try {
                return gold.mark(itemId, ReviewBodies.result(verdict, codes(labels),
                        output == null || output.isBlank() ? null : output, rationale));
            } catch (NotFoundException unknown) {
                throw InvalidInputException.of("itemId", "is not an item of any workflow: copy its id from the item's status");
            }
        }, null);
        if (marked != null) {
            // Named with its workflow: the API takes any item, and one of another workflow is listed there, not here.
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Item " + marked.itemId() + " is now a gold item of " + marked.workflowKey() + ".", null));
            items = null;
            itemId = null;
            verdict = null;
            labels = null;
            output = null;
            rationale = null;
        }
    }

    public void retire(GoldItem item) {
        if (PageMessages.attempt(() -> gold.retire(item.itemId()),
                "Item " + item.itemId() + " is no longer a gold item; answers already given still count.")) {
            items = null;
        }
    }

    /** Label codes as typed: separated by commas or spaces. */
    private static List<String> codes(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(code -> !code.isEmpty()).toList();
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public boolean isOpen() {
        return workflow != null;
    }

    /** Why the address's workflow was not opened, shown beside the chooser; empty when it was. */
    public String getWorkflowMessage() {
        return workflowMessage;
    }

    public String getWorkflow() {
        return workflow == null ? null : workflow.key();
    }

    public boolean isFreeText() {
        return workflow != null && workflow.taskKind() == TaskKind.FREE_TEXT;
    }

    /** The label codes a reviewer may choose in this workflow, for the hint beside the labels field. */
    public String getSelectableLabels() {
        return workflow.taxonomy().labels().stream().map(TaxonomyLabel::code).filter(workflow::acceptsLabel)
                .reduce((a, b) -> a + ", " + b).orElse("none: the workflow has no taxonomy yet");
    }

    public List<GoldItem> getItems() {
        if (items == null) {
            items = gold.active(workflow.key());
        }
        return items;
    }

    /** An item's expected labels as a person reads them: approving expects the model's own, rejecting none. */
    public String labelsOf(GoldItem item) {
        return item.labels().isEmpty() ? "—" : String.join(", ", item.labels());
    }

    public List<ReviewerAccuracy> getAccuracy() {
        if (accuracy == null) {
            accuracy = gold.accuracy(workflow.key());
        }
        return accuracy;
    }

    public Verdict[] getVerdicts() {
        return Verdict.values();
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    public String getItemId() {
        return itemId;
    }

    public void setItemId(String itemId) {
        this.itemId = itemId;
    }

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public String getOutput() {
        return output;
    }

    public void setOutput(String output) {
        this.output = output;
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(String rationale) {
        this.rationale = rationale;
    }
}
