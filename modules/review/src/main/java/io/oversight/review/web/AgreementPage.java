package io.oversight.review.web;

import io.oversight.kernel.RefusalException;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.review.AgreementQuery;
import io.oversight.review.AgreementReport;
import io.oversight.review.AgreementReports;
import io.oversight.review.GoldStandard;
import io.oversight.review.PredictionExposureReport;
import io.oversight.review.PredictionExposureReports;
import io.oversight.review.ReviewerAccuracy;
import io.oversight.review.ReviewerPause;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Agreement page: a workflow's agreement metrics over a period, their daily trend as a
 * chart, the confusion matrices between reviewers and between reviewers and the model, and gold
 * accuracy per reviewer with the pauses it triggered. Undefined metrics show their reason, never NaN.
 */
@Named
@RequestScoped
public class AgreementPage {

    @Inject
    AgreementReports reports;

    @Inject
    Workflows workflows;

    @Inject
    GoldStandard gold;

    @Inject
    PredictionExposureReports exposureReports;

    private String workflowKey;
    private int days = 30;
    private Integer tier;
    private AgreementReport report;
    private PredictionExposureReport exposure;
    private String resumeReason = "";
    private List<ReviewerAccuracy> accuracy;
    private List<ReviewerPause> pauses;

    /** The filter form is a plain GET form: its parameters choose the workflow, period and tier. */
    @PostConstruct
    void readFilters() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        setWorkflowKey(parameters.get("workflow"));
        number(parameters.get("days")).ifPresent(this::setDays);
        setTier(number(parameters.get("tier")).orElse(null));
    }

    private static Optional<Integer> number(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public AgreementReport getReport() {
        if (report == null) {
            if (workflowKey == null || workflowKey.isBlank()) {
                workflowKey = getWorkflows().stream().map(Workflow::key).findFirst().orElse(null);
            }
            if (workflowKey == null) {
                return null;
            }
            Instant to = Instant.now();
            report = reports.report(new AgreementQuery(workflowKey, to.minus(Duration.ofDays(days)), to,
                    Optional.ofNullable(tier), Optional.empty(), Optional.empty()));
        }
        return report;
    }

    /** The automation-bias comparison over the same workflow, period and tier as the report. */
    public PredictionExposureReport getExposure() {
        if (exposure == null && getReport() != null) {
            exposure = exposureReports.report(workflowKey, report.query().from(), report.query().to(), Optional.ofNullable(tier));
        }
        return exposure;
    }

    /** A share as a percentage with one decimal, or a dash when there is nothing to divide. */
    public String percent(Optional<Double> share) {
        return share.map(v -> String.format(Locale.ROOT, "%.1f%%", 100 * v)).orElse("—");
    }

    /** A difference of shares in percentage points, signed. */
    public String points(Optional<Double> difference) {
        return difference.map(v -> String.format(Locale.ROOT, "%+.1f points", 100 * v)).orElse("—");
    }

    public String show(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.3f", v)).orElse("—");
    }

    /** Nominal alpha (blue) and percent agreement (grey) per day, with axes and dates. */
    public String getChartSvg() {
        return AgreementChart.svg(getReport() == null ? List.of() : getReport().daily());
    }

    public List<ReviewerAccuracy> getAccuracy() {
        if (accuracy == null) {
            accuracy = workflowKey == null ? List.of() : gold.accuracy(workflowKey);
        }
        return accuracy;
    }

    public List<ReviewerPause> getPauses() {
        if (pauses == null) {
            pauses = gold.activePauses();
        }
        return pauses;
    }

    public String resume(String pauseId) {
        try {
            gold.resume(pauseId, resumeReason);
            pauses = null;
            accuracy = null;
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_INFO, "Reviewer resumed.", null));
        } catch (RefusalException e) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        return null;
    }

    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin");
    }

    public String getWorkflowKey() {
        return workflowKey;
    }

    public void setWorkflowKey(String workflowKey) {
        this.workflowKey = workflowKey;
        report = null;
        accuracy = null;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = Math.max(1, Math.min(365, days));
        report = null;
    }

    public Integer getTier() {
        return tier;
    }

    public void setTier(Integer tier) {
        this.tier = tier == null || tier < 1 || tier > 3 ? null : tier;
        report = null;
    }

    public String getResumeReason() {
        return resumeReason;
    }

    public void setResumeReason(String resumeReason) {
        this.resumeReason = resumeReason == null ? "" : resumeReason;
    }
}
