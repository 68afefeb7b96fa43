package io.oversight.tasks.web;

import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.RefusalException;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Roles;
import io.oversight.tasks.privacy.SubjectErasure;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An administrator honours a person's erasure request: finds the data subject by the workflow and
 * client key of the prediction that carried their data (or by pseudonym), then erases it, giving
 * the request's reference as the reason. Refusals say why and from when erasure is possible.
 */
@Named
@ViewScoped
public class ErasurePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SubjectErasure erasure;

    @Inject
    transient Workflows workflows;

    @Inject
    transient Callers callers;

    private String workflowKey;
    private String clientKey;
    private String pseudonym;
    private String reason;
    private boolean confirmed;
    private SubjectErasure.DataSubject subject;
    private Instant erasedAt;

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public void findByClientKey() {
        subject = null;
        erasedAt = null;
        try {
            subject = erasure.findByClientKey(workflowKey, clientKey).orElse(null);
            if (subject == null) {
                error("No subject found", "No prediction of " + workflowKey + " with client key " + clientKey
                        + " carried personal data.");
            }
        } catch (RefusalException e) {
            error("No subject found", e.getMessage());
        }
    }

    public void findByPseudonym() {
        subject = null;
        erasedAt = null;
        try {
            subject = erasure.find(pseudonym == null ? null : pseudonym.strip());
        } catch (RefusalException e) {
            error("No subject found", e.getMessage());
        }
    }

    public void erase() {
        if (subject == null) {
            return;
        }
        if (!confirmed) {
            error("Not erased", "Tick the confirmation first: erasure cannot be undone.");
            return;
        }
        try {
            SubjectErasure.Erasure done = erasure.erase(subject.pseudonym(), reason, callers.actorIn(Roles.ADMIN));
            erasedAt = done.erasedAt();
            subject = new SubjectErasure.DataSubject(done.pseudonym(), done.workflowKey(), true);
            reason = null;
            confirmed = false;
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Erased",
                    "Subject " + done.pseudonym() + " was erased; the ledger records it."));
        } catch (RefusalException e) {
            error("Not erased", e.getMessage());
        }
    }

    private static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }

    public String getWorkflowKey() {
        return workflowKey;
    }

    public void setWorkflowKey(String workflowKey) {
        this.workflowKey = workflowKey;
    }

    public String getClientKey() {
        return clientKey;
    }

    public void setClientKey(String clientKey) {
        this.clientKey = clientKey;
    }

    public String getPseudonym() {
        return pseudonym;
    }

    public void setPseudonym(String pseudonym) {
        this.pseudonym = pseudonym;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }

    public SubjectErasure.DataSubject getSubject() {
        return subject;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }
}
