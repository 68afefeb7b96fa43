package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.ledger.Callers;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.application.DefaultGuidelineService;
import io.oversight.governance.application.DefaultModelRegistry;
import io.oversight.governance.application.DefaultRoutingPolicyService;
import io.oversight.governance.application.DefaultWorkflowService;
import io.oversight.governance.domain.LabelSpec;
import io.oversight.ledger.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One workflow: its settings, its taxonomy as a tree with an editor (each change is a new taxonomy
 * version), and its guideline versions, routing policies and model snapshots.
 */
@Named
@ViewScoped
public class WorkflowPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    DefaultGuidelineService guidelines;

    @Inject
    DefaultRoutingPolicyService policies;

    @Inject
    DefaultModelRegistry models;

    @Inject
    Callers callers;

    private String key;
    private transient Optional<Workflow> workflow;
    private String newCode;
    private String newParent;
    private String newName;
    private String newDescription;

    @PostConstruct
    void init() {
        key = PageMessages.parameter("key");
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public Workflow getWorkflow() {
        if (workflow == null) {
            workflow = key == null ? Optional.empty() : workflows.find(key);
        }
        return workflow.orElse(null);
    }

    public boolean isEditor() {
        return callers.isCallerInRole(Roles.GOVERNANCE);
    }

    /** Indentation of a label in the tree, in rem. */
    public int depth(TaxonomyLabel label) {
        return getWorkflow().taxonomy().depth(label.code());
    }

    public boolean leaf(TaxonomyLabel label) {
        return getWorkflow().taxonomy().isLeaf(label.code());
    }

    public List<GuidelineVersion> getGuidelines() {
        return getWorkflow() == null ? List.of() : guidelines.versionsOf(key);
    }

    public List<RoutingPolicy> getPolicies() {
        return getWorkflow() == null ? List.of() : policies.versionsOf(key);
    }

    public List<ModelSnapshot> getModels() {
        return getWorkflow() == null ? List.of() : models.of(key);
    }

    public void addLabel() {
        List<LabelSpec> labels = current();
        labels.add(new LabelSpec(newCode == null ? null : newCode.strip(), newParent, newName, newDescription, null));
        if (PageMessages.attempt(() -> workflows.replaceTaxonomy(key, labels, callers.actorIn(Roles.GOVERNANCE)),
                "Label " + newCode + " added; the taxonomy is at a new version.")) {
            newCode = null;
            newName = null;
            newDescription = null;
        }
        workflow = null;
    }

    public void removeLabel(String code) {
        List<LabelSpec> labels = current();
        labels.removeIf(l -> l.code().equals(code));
        PageMessages.attempt(() -> workflows.replaceTaxonomy(key, labels, callers.actorIn(Roles.GOVERNANCE)),
                "Label " + code + " removed; the taxonomy is at a new version.");
        workflow = null;
    }

    private List<LabelSpec> current() {
        List<LabelSpec> labels = new ArrayList<>();
        for (TaxonomyLabel l : getWorkflow().taxonomy().labels()) {
            labels.add(new LabelSpec(l.code(), l.parentCode().orElse(null), l.displayName(), l.description(),
                    l.value().orElse(null)));
        }
        return labels;
    }

    static List<String> splitList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getNewCode() { return newCode; }
    public void setNewCode(String newCode) { this.newCode = newCode; }
    public String getNewParent() { return newParent; }
    public void setNewParent(String newParent) { this.newParent = newParent; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public String getNewDescription() { return newDescription; }
    public void setNewDescription(String newDescription) { this.newDescription = newDescription; }
}
