package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.ledger.Callers;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.LabelSelection;
import io.oversight.governance.RiskLevel;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Workflow;
import io.oversight.governance.application.DefaultWorkflowService;
import io.oversight.governance.domain.WorkflowSettings;
import io.oversight.ledger.Roles;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** The list of workflows, and the form that creates one (governance only). */
@Named
@ViewScoped
public class WorkflowListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    Callers callers;

    private transient List<Workflow> list;
    private String key;
    private String name;
    private String description;
    private RiskLevel consequence = RiskLevel.MEDIUM;
    private RiskLevel volume = RiskLevel.MEDIUM;
    private RiskLevel accuracy = RiskLevel.MEDIUM;
    private IntegrationMode integrationMode = IntegrationMode.ASYNC;
    private Integer reviewersPerItem = 1;
    private Integer retentionDays = 365;
    private boolean legalHold;
    private String piiFieldPaths;
    private TaskKind taskKind = TaskKind.CLASSIFICATION;
    private LabelSelection labelSelection = LabelSelection.LEAF_ONLY;

    public List<Workflow> getWorkflows() {
        if (list == null) {
            list = workflows.list();
        }
        return list;
    }

    public boolean isEditor() {
        return callers.isCallerInRole(Roles.GOVERNANCE);
    }

    public String create() {
        Workflow created = PageMessages.attemptGet(() -> workflows.create(new WorkflowSettings(key, name, description,
                consequence, volume, accuracy, integrationMode, reviewersPerItem, retentionDays, legalHold,
                WorkflowPage.splitList(piiFieldPaths), taskKind, labelSelection), callers.actorIn(Roles.GOVERNANCE)),
                null);
        return created == null ? null : "/governance/workflow.xhtml?faces-redirect=true&key=" + created.key();
    }

    public List<RiskLevel> getRiskLevels() {
        return Arrays.asList(RiskLevel.values());
    }

    public List<IntegrationMode> getIntegrationModes() {
        return Arrays.asList(IntegrationMode.values());
    }

    public List<TaskKind> getTaskKinds() {
        return Arrays.asList(TaskKind.values());
    }

    public List<LabelSelection> getLabelSelections() {
        return Arrays.asList(LabelSelection.values());
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public RiskLevel getConsequence() { return consequence; }
    public void setConsequence(RiskLevel consequence) { this.consequence = consequence; }
    public RiskLevel getVolume() { return volume; }
    public void setVolume(RiskLevel volume) { this.volume = volume; }
    public RiskLevel getAccuracy() { return accuracy; }
    public void setAccuracy(RiskLevel accuracy) { this.accuracy = accuracy; }
    public IntegrationMode getIntegrationMode() { return integrationMode; }
    public void setIntegrationMode(IntegrationMode integrationMode) { this.integrationMode = integrationMode; }
    public Integer getReviewersPerItem() { return reviewersPerItem; }
    public void setReviewersPerItem(Integer reviewersPerItem) { this.reviewersPerItem = reviewersPerItem; }
    public Integer getRetentionDays() { return retentionDays; }
    public void setRetentionDays(Integer retentionDays) { this.retentionDays = retentionDays; }
    public boolean isLegalHold() { return legalHold; }
    public void setLegalHold(boolean legalHold) { this.legalHold = legalHold; }
    public String getPiiFieldPaths() { return piiFieldPaths; }
    public void setPiiFieldPaths(String piiFieldPaths) { this.piiFieldPaths = piiFieldPaths; }
    public TaskKind getTaskKind() { return taskKind; }
    public void setTaskKind(TaskKind taskKind) { this.taskKind = taskKind; }
    public LabelSelection getLabelSelection() { return labelSelection; }
    public void setLabelSelection(LabelSelection labelSelection) { this.labelSelection = labelSelection; }
}
