package io.oversight.review.web;

import static io.oversight.kernel.PartialUpdates.or;

import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.PageMessages;
import io.oversight.review.decision.ReviewSettings;
import io.oversight.review.decision.ReviewSettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * A workflow's review settings on a page (governance leads and administrators): multi-review mode,
 * what a disagreement leads to, when a rationale is required, gold share and pause rule, fatigue caps.
 * Saved through the {@link ReviewSettingsService} that {@code PUT /api/v1/workflows/{key}/review-settings}
 * uses, so the page refuses what the API refuses, field by field; a field left empty keeps its value,
 * as a PUT that omits it does.
 */
@Named
@RequestScoped
public class ReviewSettingsPage {

    @Inject
    ReviewSettingsService settings;

    @Inject
    Workflows workflows;

    private String workflow;
    private String workflowMessage = "";
    private ReviewSettings current;
    private ReviewSettings.ReviewMode reviewMode;
    private Integer maxReviewers;
    private ReviewSettings.DisagreementPolicy onDisagreement;
    private ReviewSettings.RationaleRule rationaleRequired;
    private boolean showReviewerIdentities;
    private Double goldRate;
    private Integer goldMinAnswers;
    private Integer goldWindow;
    private Double goldPauseBelow;
    private Integer maxItemsPerSession;
    private Integer maxItemsPerHour;
    private Integer sessionGapMinutes;
    private Integer breakReminderMinutes;

    /** The workflow comes from the link (?workflow=key) or, on a postback, from the form's hidden field. */
    @PostConstruct
    void open() {
        String key = PageMessages.parameter("workflow");
        if (key == null) {
            key = PageMessages.parameter("settings:workflow");
        }
        if (key != null && workflows.find(key).isPresent()) {
            workflow = key;
            load(settings.of(key));
        } else if (key != null) {
            workflowMessage = "There is no workflow '" + key + "': choose one.";
        }
    }

    private void load(ReviewSettings s) {
        current = s;
        reviewMode = s.reviewMode();
        maxReviewers = s.maxReviewers();
        onDisagreement = s.onDisagreement();
        rationaleRequired = s.rationaleRequired();
        showReviewerIdentities = s.showReviewerIdentities();
        goldRate = s.goldRate();
        goldMinAnswers = s.goldMinAnswers();
        goldWindow = s.goldWindow();
        goldPauseBelow = s.goldPauseBelow();
        maxItemsPerSession = s.maxItemsPerSession();
        maxItemsPerHour = s.maxItemsPerHour();
        sessionGapMinutes = s.sessionGapMinutes();
        breakReminderMinutes = s.breakReminderMinutes();
    }

    public void save() {
        ReviewSettings saved = PageMessages.attemptGet(() -> settings.change(new ReviewSettings(workflow,
                or(reviewMode, current.reviewMode()), or(maxReviewers, current.maxReviewers()),
                or(onDisagreement, current.onDisagreement()), or(rationaleRequired, current.rationaleRequired()),
                showReviewerIdentities, or(goldRate, current.goldRate()), or(goldMinAnswers, current.goldMinAnswers()),
                or(goldWindow, current.goldWindow()), or(goldPauseBelow, current.goldPauseBelow()),
                or(maxItemsPerSession, current.maxItemsPerSession()), or(maxItemsPerHour, current.maxItemsPerHour()),
                or(sessionGapMinutes, current.sessionGapMinutes()),
                or(breakReminderMinutes, current.breakReminderMinutes()))), "Review settings of " + workflow + " saved.");
        if (saved != null) {
            load(saved);
        }
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public boolean isOpen() {
        return workflow != null;
    }

    public ReviewSettings.ReviewMode[] getReviewModes() {
        return ReviewSettings.ReviewMode.values();
    }

    public ReviewSettings.DisagreementPolicy[] getDisagreementPolicies() {
        return ReviewSettings.DisagreementPolicy.values();
    }

    public ReviewSettings.RationaleRule[] getRationaleRules() {
        return ReviewSettings.RationaleRule.values();
    }

    /** Why the address's workflow was not opened, shown beside the chooser; empty when it was. */
    public String getWorkflowMessage() {
        return workflowMessage;
    }

    public String getWorkflow() {
        return workflow;
    }

    public ReviewSettings.ReviewMode getReviewMode() {
        return reviewMode;
    }

    public void setReviewMode(ReviewSettings.ReviewMode reviewMode) {
        this.reviewMode = reviewMode;
    }

    public Integer getMaxReviewers() {
        return maxReviewers;
    }

    public void setMaxReviewers(Integer maxReviewers) {
        this.maxReviewers = maxReviewers;
    }

    public ReviewSettings.DisagreementPolicy getOnDisagreement() {
        return onDisagreement;
    }

    public void setOnDisagreement(ReviewSettings.DisagreementPolicy onDisagreement) {
        this.onDisagreement = onDisagreement;
    }

    public ReviewSettings.RationaleRule getRationaleRequired() {
        return rationaleRequired;
    }

    public void setRationaleRequired(ReviewSettings.RationaleRule rationaleRequired) {
        this.rationaleRequired = rationaleRequired;
    }

    public boolean isShowReviewerIdentities() {
        return showReviewerIdentities;
    }

    public void setShowReviewerIdentities(boolean showReviewerIdentities) {
        this.showReviewerIdentities = showReviewerIdentities;
    }

    public Double getGoldRate() {
        return goldRate;
    }

    public void setGoldRate(Double goldRate) {
        this.goldRate = goldRate;
    }

    public Integer getGoldMinAnswers() {
        return goldMinAnswers;
    }

    public void setGoldMinAnswers(Integer goldMinAnswers) {
        this.goldMinAnswers = goldMinAnswers;
    }

    public Integer getGoldWindow() {
        return goldWindow;
    }

    public void setGoldWindow(Integer goldWindow) {
        this.goldWindow = goldWindow;
    }

    public Double getGoldPauseBelow() {
        return goldPauseBelow;
    }

    public void setGoldPauseBelow(Double goldPauseBelow) {
        this.goldPauseBelow = goldPauseBelow;
    }

    public Integer getMaxItemsPerSession() {
        return maxItemsPerSession;
    }

    public void setMaxItemsPerSession(Integer maxItemsPerSession) {
        this.maxItemsPerSession = maxItemsPerSession;
    }

    public Integer getMaxItemsPerHour() {
        return maxItemsPerHour;
    }

    public void setMaxItemsPerHour(Integer maxItemsPerHour) {
        this.maxItemsPerHour = maxItemsPerHour;
    }

    public Integer getSessionGapMinutes() {
        return sessionGapMinutes;
    }

    public void setSessionGapMinutes(Integer sessionGapMinutes) {
        this.sessionGapMinutes = sessionGapMinutes;
    }

    public Integer getBreakReminderMinutes() {
        return breakReminderMinutes;
    }

    public void setBreakReminderMinutes(Integer breakReminderMinutes) {
        this.breakReminderMinutes = breakReminderMinutes;
    }
}
