package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.ledger.Callers;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ModelStatus;
import io.oversight.governance.application.DefaultModelRegistry;
import io.oversight.ledger.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Model snapshots (of one workflow with {@code ?workflow=}) with promote, rollback and retire, each with a reason. */
@Named
@ViewScoped
public class ModelRegistryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DefaultModelRegistry registry;

    @Inject
    Callers callers;

    private String workflowKey;
    private String reason;

    @PostConstruct
    void init() {
        workflowKey = PageMessages.parameter("workflow");
    }

    public List<ModelSnapshot> getSnapshots() {
        return workflowKey == null || workflowKey.isBlank() ? registry.all() : registry.of(workflowKey);
    }

    public boolean isEditor() {
        return callers.isCallerInRole(Roles.GOVERNANCE);
    }

    public void toCanary(String id) {
        PageMessages.attempt(() -> registry.promote(id, ModelStatus.CANARY, reason, callers.actorIn(Roles.GOVERNANCE)),
                "Promoted to canary.");
    }

    public void toActive(String id) {
        PageMessages.attempt(() -> registry.promote(id, ModelStatus.ACTIVE, reason, callers.actorIn(Roles.GOVERNANCE)),
                "Promoted to active.");
    }

    public void rollBack(String id) {
        PageMessages.attempt(() -> registry.rollBack(id, reason, callers.actorIn(Roles.GOVERNANCE)), "Rolled back.");
    }

    public void retire(String id) {
        PageMessages.attempt(() -> registry.retire(id, reason, callers.actorIn(Roles.GOVERNANCE)), "Retired.");
    }

    public String getWorkflowKey() { return workflowKey; }
    public void setWorkflowKey(String workflowKey) { this.workflowKey = workflowKey; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
