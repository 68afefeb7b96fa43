package io.oversight.review.web;

import io.oversight.kernel.RefusalException;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Agreement page: a workflow's agreement metrics over a period, their daily trend as a
 * chart, the confusion matrices between reviewers and between reviewers and the model, and gold
 * accuracy per reviewer with the pauses it triggered. Undefined metrics show their reason, never NaN.
 * The filters are as strict as {@code GET /api/v1/agreement}: a filter that cannot match anything is
 * refused beside its field rather than answered with figures that look like a result.
 */
@Named
@RequestScoped
public class AgreementPage {

    /** The longest period the page measures, in days, as the filter form says. */
    static final int MAX_DAYS = 365;
    /** The period when the form leaves it empty, as the field's placeholder says. */
    static final int DEFAULT_DAYS = 30;

    /** One choice of a filter's list; a refused value from a link is listed too, so the person sees what was refused. */
    public record Choice(String value, String text, boolean selected) {
    }

    @Inject
    AgreementReports reports;

    @Inject
    Workflows workflows;

    @Inject
    GoldStandard gold;

    @Inject
    PredictionExposureReports exposureReports;

    @Inject
    Guidelines guidelines;

    private final Map<String, String> filters = new LinkedHashMap<>();
    private final Map<String, String> errors = new TreeMap<>();
    private String workflowKey;
    private int days = DEFAULT_DAYS;
    private Optional<Integer> tier = Optional.empty();
    private Optional<String> guidelineId = Optional.empty();
    private Optional<String> label = Optional.empty();
    private AgreementReport report;
    private PredictionExposureReport exposure;
    private String resumeReason = "";
    private List<ReviewerAccuracy> accuracy;
    private List<ReviewerPause> pauses;

    /**
     * The filter form is a plain GET form, so a view is a link people share: its parameters choose the
     * workflow, period, tier, guideline version and label. A value that cannot match anything is refused
     * beside its field, by its label, as the API refuses it, and no figure is shown.
     */
    @PostConstruct
    void readFilters() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        for (String name : List.of("workflow", "days", "tier", "guideline", "label")) {
            String value = parameters.get(name);
            filters.put(name, value == null ? "" : value.strip());
        }
        String key = filters.get("workflow");
        Optional<Workflow> workflow = key.isEmpty() ? getWorkflows().stream().findFirst() : workflows.find(key);
        if (workflow.isEmpty() && !key.isEmpty()) {
            errors.put("workflow", "Workflow: there is no workflow '" + key + "'.");
        }
        workflowKey = workflow.map(Workflow::key).orElse(null);
        days = wholeNumber("days", 1, MAX_DAYS, "Days: a whole number from 1 to " + MAX_DAYS + ".").orElse(DEFAULT_DAYS);
        tier = wholeNumber("tier", 1, 3, "Tier: 1, 2 or 3, or empty for every tier.");
        workflow.ifPresent(w -> {
            guidelineId = guideline(w);
            label = label(w);
        });
    }

    private Optional<Integer> wholeNumber(String field, int min, int max, String message) {
        String text = filters.get(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.matches("\\d{1,9}") && Integer.parseInt(text) >= min && Integer.parseInt(text) <= max) {
            return Optional.of(Integer.parseInt(text));
        }
        errors.put(field, message);
        return Optional.empty();
    }

    private Optional<String> guideline(Workflow workflow) {
        String id = filters.get("guideline");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> found = guidelines.versionsOf(workflow.key()).stream().map(GuidelineVersion::id)
                .filter(id::equalsIgnoreCase).findFirst();
        if (found.isEmpty()) {
            errors.put("guideline", "Guideline version: '" + id + "' is not a guideline version of " + workflow.key() + ".");
        }
        return found;
    }

    private Optional<String> label(Workflow workflow) {
        String code = filters.get("label");
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (!workflow.taxonomy().contains(code)) {
            errors.put("label", "Label: '" + code + "' is not a label of " + workflow.key() + ".");
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** The workflow list; the one shown is selected, and a refused key from a link is listed as refused. */
    public List<Choice> getWorkflowChoices() {
        List<Choice> choices = new ArrayList<>();
        refused("workflow").ifPresent(choices::add);
        getWorkflows().forEach(w -> choices.add(new Choice(w.key(), w.name() + " (" + w.key() + ")",
                errors.get("workflow") == null && w.key().equals(workflowKey))));
        return choices;
    }

    /** Every guideline version of the workflow shown, newest first, after "Any". */
    public List<Choice> getGuidelineChoices() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", "Any", filters.get("guideline").isEmpty()));
        refused("guideline").ifPresent(choices::add);
        if (workflowKey != null) {
            guidelines.versionsOf(workflowKey).stream().sorted(Comparator.comparingInt(GuidelineVersion::number).reversed())
                    .forEach(g -> choices.add(new Choice(g.id(),
                            "v" + g.number() + " (" + g.status().name().toLowerCase(Locale.ROOT) + ")",
                            guidelineId.filter(g.id()::equals).isPresent())));
        }
        return choices;
    }

    /** Every label of the workflow's taxonomy, after "Any" (agreement on all labels). */
    public List<Choice> getLabelChoices() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", "Any (all labels)", filters.get("label").isEmpty()));
        refused("label").ifPresent(choices::add);
        workflows.find(workflowKey == null ? "" : workflowKey).ifPresent(w -> w.taxonomy().labels().forEach(l ->
                choices.add(new Choice(l.code(), l.displayName() + " (" + l.code() + ")",
                        label.filter(l.code()::equals).isPresent()))));
        return choices;
    }

    private Optional<Choice> refused(String field) {
        return errors.containsKey(field) ? Optional.of(new Choice(filters.get(field), filters.get(field) + " (refused)", true))
                : Optional.empty();
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public AgreementReport getReport() {
        if (report == null) {
            if (workflowKey == null || !errors.isEmpty()) {
                return null;
            }
            Instant to = Instant.now();
            report = reports.report(new AgreementQuery(workflowKey, to.minus(Duration.ofDays(days)), to, tier,
                    guidelineId, label));
        }
        return report;
    }

    /** The automation-bias comparison over the same workflow, period and tier as the report. */
    public PredictionExposureReport getExposure() {
        if (exposure == null && getReport() != null) {
            exposure = exposureReports.report(workflowKey, report.query().from(), report.query().to(), tier);
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
            accuracy = workflowKey == null || !errors.isEmpty() ? List.of() : gold.accuracy(workflowKey);
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

    /** What each filter field holds, as typed or linked, refused or not. */
    public Map<String, String> getFilters() {
        return filters;
    }

    /** Each refused filter's message, by field. */
    public Map<String, String> getErrors() {
        return errors;
    }

    public String getResumeReason() {
        return resumeReason;
    }

    public void setResumeReason(String resumeReason) {
        this.resumeReason = resumeReason == null ? "" : resumeReason;
    }
}
