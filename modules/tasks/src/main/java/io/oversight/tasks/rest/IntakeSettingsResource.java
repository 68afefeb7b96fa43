package io.oversight.tasks.rest;

import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import static io.oversight.kernel.PartialUpdates.or;
import static io.oversight.kernel.PartialUpdates.parse;

import io.oversight.ledger.Roles;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.settings.SettingsService;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.delivery.WebhookSignature;
import io.oversight.tasks.rest.TaskViews.SettingsJson;
import io.oversight.governance.Workflows;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A workflow's intake settings: queue order, leases, inline timeout and its outcome, webhook,
 * audit-sampling seed, feedback routing, conflict-of-interest fields. A PUT changes the fields it
 * names and keeps the others. The webhook secret is generated here and shown once, in the answer of
 * the PUT that creates or rotates it; the audit seed is never shown (knowing it would let a caller
 * choose client keys that escape audit sampling).
 */
@Path("workflows/{workflowKey}/intake-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntakeSettingsResource {

    @Inject
    SettingsService settings;

    @Inject
    Workflows workflows;

    public record SettingsRequest(String orderingMethod, Double diversityLambda, Integer leaseSeconds,
            Integer inlineTimeoutMillis, String inlineTimeoutOutcome, String webhookUrl, Boolean rotateWebhookSecret,
            String auditSeed, Integer auditTier, Integer feedbackTier, Integer feedbackPriority,
            List<String> conflictFieldPaths) {
    }

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "The intake settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettingsJson.class),
            examples = {
                    @ExampleObject(name = "settings", value = TasksExamples.SETTINGS)}))
    public SettingsJson get(@PathParam("workflowKey") String workflowKey) {
        if (workflows.find(workflowKey).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowKey + ".");
        }
        return SettingsJson.of(settings.of(workflowKey), null);
    }

    @PUT
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The settings saved; newWebhookSecret when this request created or rotated the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettingsJson.class),
            examples = {
                    @ExampleObject(name = "webhook set", value = TasksExamples.SETTINGS_CHANGED)}))
    public SettingsJson change(@PathParam("workflowKey") String workflowKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettingsRequest.class),
                    examples = {@ExampleObject(name = "webhook and lease", value = TasksExamples.SETTINGS_REQUEST)}))
            SettingsRequest request) {
        if (workflows.find(workflowKey).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowKey + ".");
        }
        IntakeSettings current = settings.of(workflowKey);
        SettingsRequest r = request == null ? new SettingsRequest(null, null, null, null, null, null, null, null, null,
                null, null, null) : request;
        Violations v = new Violations();
        OrderingMethod ordering = parse(r.orderingMethod(), OrderingMethod::valueOf, current.orderingMethod(),
                "orderingMethod", "must be LEAST_CONFIDENCE, MARGIN, ENTROPY, VOTE_ENTROPY or KL_DIVERGENCE", v);
        TimeoutOutcome outcome = parse(r.inlineTimeoutOutcome(), TimeoutOutcome::valueOf, current.inlineTimeoutOutcome(),
                "inlineTimeoutOutcome", "must be FAIL_CLOSED or FAIL_OPEN", v);
        Optional<URI> webhook = current.webhookUrl();
        if (r.webhookUrl() != null) {
            try {
                webhook = r.webhookUrl().isBlank() ? Optional.empty() : Optional.of(new URI(r.webhookUrl()));
            } catch (java.net.URISyntaxException e) {
                v.add("webhookUrl", "is not a URL");
            }
        }
        v.throwIfAny("The intake settings");
        Optional<String> secret = WebhookSignature.secretFor(webhook, current.webhookSecret(),
                Boolean.TRUE.equals(r.rotateWebhookSecret()));
        String newSecret = secret.isPresent() && !secret.equals(current.webhookSecret()) ? secret.get() : null;
        IntakeSettings changed = new IntakeSettings(workflowKey, ordering,
                or(r.diversityLambda(), current.diversityLambda()), or(r.leaseSeconds(), current.leaseSeconds()),
                or(r.inlineTimeoutMillis(), current.inlineTimeoutMillis()), outcome, webhook, secret,
                or(r.auditSeed(), current.auditSeed()), or(r.auditTier(), current.auditTier()),
                or(r.feedbackTier(), current.feedbackTier()), or(r.feedbackPriority(), current.feedbackPriority()),
                or(r.conflictFieldPaths(), current.conflictFieldPaths()));
        return SettingsJson.of(settings.change(changed), newSecret);
    }
}
