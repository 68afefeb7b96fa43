package io.oversight.review.web;

import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.PageMessages;
import io.oversight.review.quality.QualificationService;
import io.oversight.review.quality.QualificationStore.Qualification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The administrator's page for reviewers' qualifications: who may claim from which workflow's queues,
 * up to which tier, and whether they may reveal personal data. Grants and revocations go through the
 * {@link QualificationService} that {@code /api/v1/qualifications} uses, so both refuse the same input
 * and the ledger records both the same way.
 */
@Named
@RequestScoped
public class QualificationsPage {

    @Inject
    QualificationService qualifications;

    @Inject
    Workflows workflows;

    private String login;
    private String workflowKey;
    private Integer maxTier = 1;
    private boolean mayRevealPii;
    private List<Qualification> all;

    public List<Qualification> getQualifications() {
        if (all == null) {
            all = qualifications.all();
        }
        return all;
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    /** Grants, or changes an existing grant of the same person and workflow. */
    public void grant() {
        if (PageMessages.attempt(() -> qualifications.grant(login, workflowKey, maxTier, mayRevealPii),
                login + " may now claim from " + workflowKey + " up to tier " + maxTier + ".")) {
            all = null;
            login = null;
            mayRevealPii = false;
        }
    }

    public void revoke(Qualification qualification) {
        if (PageMessages.attempt(() -> qualifications.revoke(qualification.principal(), qualification.workflowKey()),
                qualification.principal() + " may no longer claim from " + qualification.workflowKey() + ".")) {
            all = null;
        }
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getWorkflowKey() {
        return workflowKey;
    }

    public void setWorkflowKey(String workflowKey) {
        this.workflowKey = workflowKey;
    }

    public Integer getMaxTier() {
        return maxTier;
    }

    public void setMaxTier(Integer maxTier) {
        this.maxTier = maxTier;
    }

    public boolean isMayRevealPii() {
        return mayRevealPii;
    }

    public void setMayRevealPii(boolean mayRevealPii) {
        this.mayRevealPii = mayRevealPii;
    }
}
