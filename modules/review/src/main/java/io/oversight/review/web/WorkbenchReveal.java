package io.oversight.review.web;

import io.oversight.kernel.PageMessages;
import io.oversight.review.ReviewQueues;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * The workbench's reveal control: offered on a masked input to a reviewer whose qualification allows
 * seeing personal data, for the task the workbench shows, with a justification the ledger records.
 */
@Named
@RequestScoped
public class WorkbenchReveal {

    @Inject
    ReviewQueues queues;

    @Inject
    WorkbenchPage workbench;

    private Boolean mayReveal;
    private String justification = "";
    private Map<String, String> revealed = Map.of();

    public boolean isMasked() {
        return workbench.getTask().item().payloadJson().contains("\"pii:");
    }

    /** The reveal control is offered only to a reviewer whose qualification allows revealing. */
    public boolean isMayReveal() {
        if (mayReveal == null) {
            mayReveal = queues.mayRevealPersonalData(workbench.getTask().task().queue().workflowKey());
        }
        return mayReveal;
    }

    /**
     * Shows the held item's personal data to a reviewer allowed to see it; the reveal is a ledger entry. A
     * refused justification is shown beside its field, whose property is named like the refused field.
     */
    public String reveal() {
        Map<String, String> shown = PageMessages.attemptGet(
                () -> queues.revealPersonalData(workbench.getTaskId(), justification), null);
        if (shown != null) {
            revealed = shown;
        }
        return null;
    }

    public Map<String, String> getRevealed() {
        return revealed;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification == null ? "" : justification;
    }
}
