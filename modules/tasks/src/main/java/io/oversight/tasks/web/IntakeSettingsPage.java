package io.oversight.tasks.web;

import static io.oversight.kernel.PartialUpdates.or;

import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.PageMessages;
import io.oversight.kernel.Violations;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Roles;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.delivery.WebhookSignature;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.settings.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's intake settings on a page (governance leads and administrators change them, auditors read
 * them, as with the API): queue order, leases, inline waits and their outcome, webhook, audit and feedback
 * tiers, conflict-of-interest fields.
 * Saved through the {@link SettingsService} that {@code PUT /api/v1/workflows/{key}/intake-settings}
 * uses, so the page refuses what the API refuses, field by field, and writes the same ledger entry. A
 * number left empty keeps its value, as a PUT that omits it does; the webhook URL and the conflict
 * fields are shown filled in, so emptying them removes them. The webhook secret is shown once, when
 * it is created or rotated, as the API does; the audit seed is never shown. Below the form, the
 * workflow's recent webhook deliveries ({@link WebhookDeliveriesSection}).
 */
@Named
@RequestScoped
public class IntakeSettingsPage {

    @Inject
    SettingsService settings;

    @Inject
    Workflows workflows;

    @Inject
    Callers callers;

    @Inject
    WebhookDeliveriesSection deliveries;

    private String workflow;
    private String chosen;
    private String workflowMessage = "";
    private IntakeSettings current;
    private OrderingMethod orderingMethod;
    private Double diversityLambda;
    private Integer leaseSeconds;
    private Integer inlineTimeoutMillis;
    private TimeoutOutcome inlineTimeoutOutcome;
    private String webhookUrl;
    private boolean rotateWebhookSecret;
    private Integer auditTier;
    private Integer feedbackTier;
    private Integer feedbackPriority;
    private String conflictFieldPaths;
    private String newWebhookSecret;

    /** The workflow comes from the link or chooser (?workflow=key) or, on a postback, from the form's hidden field. */
    @PostConstruct
    void open() {
        String key = PageMessages.parameter("workflow");
        if (key == null) {
            key = PageMessages.parameter("settings:workflow");
        }
        if (key != null && workflows.find(key).isPresent()) {
            workflow = key;
            load(settings.of(key));
            deliveries.list(key);
        } else if (key != null) {
            workflowMessage = "There is no workflow '" + key + "': choose one.";
        }
    }

    private void load(IntakeSettings s) {
        current = s;
        orderingMethod = s.orderingMethod();
        diversityLambda = s.diversityLambda();
        leaseSeconds = s.leaseSeconds();
        inlineTimeoutMillis = s.inlineTimeoutMillis();
        inlineTimeoutOutcome = s.inlineTimeoutOutcome();
        webhookUrl = s.webhookUrl().map(URI::toString).orElse("");
        rotateWebhookSecret = false;
        auditTier = s.auditTier();
        feedbackTier = s.feedbackTier();
        feedbackPriority = s.feedbackPriority();
        conflictFieldPaths = String.join(", ", s.conflictFieldPaths());
    }

    public void save() {
        IntakeSettings saved = PageMessages.attemptGet(() -> settings.change(changed()),
                "Intake settings of " + workflow + " saved.");
        if (saved != null) {
            newWebhookSecret = saved.webhookSecret().filter(s -> !s.equals(current.webhookSecret().orElse(null)))
                    .orElse(null);
            load(saved);
        }
    }

    /** The settings as entered, with the API's parsing of the webhook URL (a bad one is refused beside its field). */
    private IntakeSettings changed() {
        Optional<URI> webhook = Optional.empty();
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            try {
                webhook = Optional.of(new URI(webhookUrl.strip()));
            } catch (URISyntaxException e) {
                Violations v = new Violations();
                v.add("webhookUrl", "is not a URL");
                v.throwIfAny("The intake settings");
            }
        }
        List<String> paths = conflictFieldPaths == null || conflictFieldPaths.isBlank() ? List.of()
                : Arrays.stream(conflictFieldPaths.split(",")).map(String::strip).toList();
        return new IntakeSettings(workflow, or(orderingMethod, current.orderingMethod()),
                or(diversityLambda, current.diversityLambda()), or(leaseSeconds, current.leaseSeconds()),
                or(inlineTimeoutMillis, current.inlineTimeoutMillis()),
                or(inlineTimeoutOutcome, current.inlineTimeoutOutcome()), webhook,
                WebhookSignature.secretFor(webhook, current.webhookSecret(), rotateWebhookSecret), current.auditSeed(),
                or(auditTier, current.auditTier()), or(feedbackTier, current.feedbackTier()),
                or(feedbackPriority, current.feedbackPriority()), paths);
    }

    /** Opens the chosen workflow at its own address (nothing happens while none is chosen). */
    public String choose() {
        return chosen == null || chosen.isBlank() ? null
                : "/governance/intake-settings?faces-redirect=true&workflow="
                        + URLEncoder.encode(chosen, StandardCharsets.UTF_8);
    }

    /** Why the address's workflow was not opened (shown beside the chooser); empty when it was. */
    public String getWorkflowMessage() {
        return workflowMessage;
    }

    public String getChosen() {
        return chosen == null ? workflow : chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    /** Whether the caller may save (the PUT's roles); auditors see the settings without editing controls. */
    public boolean isEditable() {
        return callers.isCallerInRole(Roles.GOVERNANCE) || callers.isCallerInRole(Roles.ADMIN);
    }

    public boolean isOpen() {
        return workflow != null;
    }

    public OrderingMethod[] getOrderingMethods() {
        return OrderingMethod.values();
    }

    public TimeoutOutcome[] getTimeoutOutcomes() {
        return TimeoutOutcome.values();
    }

    public List<Integer> getTiers() {
        return List.of(1, 2, 3);
    }

    /** Whether the saved settings (not what was typed into a refused form) have a webhook. */
    public boolean isWebhookConfigured() {
        return current != null && current.webhookUrl().isPresent();
    }

    public String getNewWebhookSecret() {
        return newWebhookSecret;
    }

    public String getWorkflow() {
        return workflow;
    }

    public OrderingMethod getOrderingMethod() {
        return orderingMethod;
    }

    public void setOrderingMethod(OrderingMethod orderingMethod) {
        this.orderingMethod = orderingMethod;
    }

    public Double getDiversityLambda() {
        return diversityLambda;
    }

    public void setDiversityLambda(Double diversityLambda) {
        this.diversityLambda = diversityLambda;
    }

    public Integer getLeaseSeconds() {
        return leaseSeconds;
    }

    public void setLeaseSeconds(Integer leaseSeconds) {
        this.leaseSeconds = leaseSeconds;
    }

    public Integer getInlineTimeoutMillis() {
        return inlineTimeoutMillis;
    }

    public void setInlineTimeoutMillis(Integer inlineTimeoutMillis) {
        this.inlineTimeoutMillis = inlineTimeoutMillis;
    }

    public TimeoutOutcome getInlineTimeoutOutcome() {
        return inlineTimeoutOutcome;
    }

    public void setInlineTimeoutOutcome(TimeoutOutcome inlineTimeoutOutcome) {
        this.inlineTimeoutOutcome = inlineTimeoutOutcome;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public boolean isRotateWebhookSecret() {
        return rotateWebhookSecret;
    }

    public void setRotateWebhookSecret(boolean rotateWebhookSecret) {
        this.rotateWebhookSecret = rotateWebhookSecret;
    }

    public Integer getAuditTier() {
        return auditTier;
    }

    public void setAuditTier(Integer auditTier) {
        this.auditTier = auditTier;
    }

    public Integer getFeedbackTier() {
        return feedbackTier;
    }

    public void setFeedbackTier(Integer feedbackTier) {
        this.feedbackTier = feedbackTier;
    }

    public Integer getFeedbackPriority() {
        return feedbackPriority;
    }

    public void setFeedbackPriority(Integer feedbackPriority) {
        this.feedbackPriority = feedbackPriority;
    }

    public String getConflictFieldPaths() {
        return conflictFieldPaths;
    }

    public void setConflictFieldPaths(String conflictFieldPaths) {
        this.conflictFieldPaths = conflictFieldPaths;
    }
}
