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
import io.oversight.tasks.delivery.WebhookDeliveries;
import io.oversight.tasks.delivery.WebhookSignature;
import io.oversight.tasks.delivery.WebhookStore;
import io.oversight.tasks.delivery.WebhookStore.DeliveryStatus;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A workflow's intake settings on a page (governance leads and administrators change them, auditors read
 * them, as with the API): queue order, leases, inline waits and their outcome, webhook, audit and feedback
 * tiers, conflict-of-interest fields.
 * Saved through the {@link SettingsService} that {@code PUT /api/v1/workflows/{key}/intake-settings}
 * uses, so the page refuses what the API refuses, field by field, and writes the same ledger entry. A
 * number left empty keeps its value, as a PUT that omits it does; the webhook URL and the conflict
 * fields are shown filled in, so emptying them removes them. The webhook secret is shown once, when
 * it is created or rotated, as the API does; the audit seed is never shown. Below the form, the
 * workflow's recent webhook deliveries (as {@code GET /api/v1/workflows/{key}/webhook-deliveries} lists
 * them), filtered by status through the address (?deliveryStatus=FAILED) so a filtered list can be linked.
 */
@Named
@RequestScoped
public class IntakeSettingsPage {

    private static final int DELIVERIES_SHOWN = 25;

    @Inject
    SettingsService settings;

    @Inject
    Workflows workflows;

    @Inject
    Callers callers;

    @Inject
    WebhookDeliveries deliveries;

    private String workflow;
    private String chosen;
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
    private String deliveryStatus = "";
    private WebhookDeliveries.Page deliveryPage;

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
            listDeliveries();
        } else if (key != null) {
            PageMessages.error("No workflow " + key + ". Choose one below.");
        }
    }

    /** The page of deliveries the address asks for; an unknown status or cursor is said once and ignored. */
    private void listDeliveries() {
        Optional<DeliveryStatus> status = Optional.empty();
        String statusParameter = PageMessages.parameter("deliveryStatus");
        if (statusParameter != null && !statusParameter.isBlank()) {
            try {
                status = Optional.of(DeliveryStatus.valueOf(statusParameter.toUpperCase(Locale.ROOT)));
                deliveryStatus = status.get().name();
            } catch (IllegalArgumentException e) {
                PageMessages.error("No delivery status " + statusParameter + ": all deliveries are listed.");
            }
        }
        Optional<String> before = Optional.empty();
        String beforeParameter = PageMessages.parameter("before");
        if (beforeParameter != null && !beforeParameter.isBlank()) {
            try {
                before = Optional.of(UUID.fromString(beforeParameter).toString());
            } catch (IllegalArgumentException e) {
                PageMessages.error("The link to older deliveries is damaged: the newest are listed.");
            }
        }
        deliveryPage = deliveries.of(workflow, new WebhookStore.Filter(status, Optional.empty(), Optional.empty(), before),
                DELIVERIES_SHOWN);
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

    /** The listed deliveries (empty while no workflow is open). */
    public List<WebhookStore.Listed> getDeliveries() {
        return deliveryPage == null ? List.of() : deliveryPage.deliveries();
    }

    /** The id that starts the next, older page, or null when this page is the last. */
    public String getOlderDeliveriesBefore() {
        return deliveryPage == null ? null : deliveryPage.nextBeforeId().orElse(null);
    }

    /** The status filter in effect ("" for all). */
    public String getDeliveryStatus() {
        return deliveryStatus;
    }

    public DeliveryStatus[] getDeliveryStatuses() {
        return DeliveryStatus.values();
    }

    /** A delivery's state in words: a pending one has either not been tried yet or waits for a retry. */
    public String describe(WebhookStore.Listed listed) {
        WebhookStore.Delivery d = listed.delivery();
        return switch (d.status()) {
            case DELIVERED -> "Delivered";
            case FAILED -> "Failed, given up";
            case PENDING -> d.attempts() == 0 ? "Queued" : "Waiting for a retry";
        };
    }

    /** The receiver's answer or the error of the latest attempt, as people read it. */
    public String lastOutcome(WebhookStore.Listed listed) {
        return listed.lastAttempt().map(a -> a.error().map(IntakeSettingsPage::readable)
                .orElseGet(() -> a.statusCode().map(c -> "HTTP " + c).orElse(""))).orElse("not tried yet");
    }

    /**
     * The dispatcher records a network failure as "SomeException: its message" (the API shows that as
     * stored); people read what happened instead of a Java class name.
     */
    private static String readable(String error) {
        int colon = error.indexOf(": ");
        String type = colon < 0 ? "" : error.substring(0, colon);
        if (!type.endsWith("Exception")) {
            return error;
        }
        String detail = error.substring(colon + 2);
        String what = switch (type) {
            case "ConnectException" -> "could not connect to the receiver";
            case "HttpConnectTimeoutException" -> "the receiver did not accept a connection in time";
            case "HttpTimeoutException" -> "the receiver did not answer in time";
            case "UnknownHostException" -> "the receiver's host name is unknown";
            case "SSLHandshakeException" -> "the receiver's TLS certificate was not accepted";
            default -> "network error";
        };
        return detail.isBlank() || detail.equals("null") ? what : what + " (" + detail + ")";
    }

    public Optional<Instant> lastAttemptAt(WebhookStore.Listed listed) {
        return listed.lastAttempt().map(WebhookStore.Attempt::attemptedAt);
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
