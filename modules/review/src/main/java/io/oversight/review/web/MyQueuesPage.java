package io.oversight.review.web;

import io.oversight.kernel.RefusalException;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.QueueStatistics;
import io.oversight.review.ReviewQueues;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** A reviewer's queues and the tasks they hold, on their landing page; claim next and release. */
@Named
@RequestScoped
public class MyQueuesPage {

    @Inject
    ReviewQueues queues;

    private List<QueueStatistics> mine;
    private List<ClaimedTask> claims;

    public List<QueueStatistics> getQueues() {
        if (mine == null) {
            mine = queues.myQueues();
        }
        return mine;
    }

    public List<ClaimedTask> getClaims() {
        if (claims == null) {
            claims = queues.myClaims();
        }
        return claims;
    }

    public String ageOf(QueueStatistics queue) {
        return queue.oldestOpenAgeText();
    }

    public String claimNext(String workflowKey, int tier) {
        try {
            List<ClaimedTask> claimed = queues.claimNext(new QueueKey(workflowKey, tier), 1);
            if (!claimed.isEmpty()) {
                // what a claim is for: the task opens in the workbench at once
                FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
                message(FacesMessage.SEVERITY_INFO, "Claimed a task of " + workflowKey + " tier " + tier + ".");
                return "/review/workbench.xhtml?faces-redirect=true&task=" + claimed.get(0).task().id();
            }
            message(FacesMessage.SEVERITY_INFO, "Nothing in " + workflowKey + " tier " + tier + " is waiting for you.");
        } catch (RefusalException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        mine = null;
        claims = null;
        return null;
    }

    public String release(String taskId) {
        try {
            queues.release(taskId, "released from the landing page");
            message(FacesMessage.SEVERITY_INFO, "Task returned to its queue.");
        } catch (RefusalException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        mine = null;
        claims = null;
        return null;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
