package io.oversight.review.rest;

import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import static io.oversight.kernel.PartialUpdates.or;
import static io.oversight.kernel.PartialUpdates.parse;

import io.oversight.governance.Workflows;
import io.oversight.ledger.Roles;
import io.oversight.review.decision.ReviewSettingsService;
import io.oversight.review.decision.ReviewSettings;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A workflow's review settings: fixed or dynamic multi-review, what a disagreement leads to, when a
 * rationale is required, whether adjudicators see reviewers' identities, gold rate and pause rule,
 * fatigue caps. A PUT changes the fields it names and keeps the others.
 */
@Path("workflows/{workflowKey}/review-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReviewSettingsResource {

    @Inject
    ReviewSettingsService settings;

    @Inject
    Workflows workflows;

    public record ReviewSettingsJson(String reviewMode, Integer maxReviewers, String onDisagreement,
            String rationaleRequired, Boolean showReviewerIdentities, Double goldRate, Integer goldMinAnswers,
            Integer goldWindow, Double goldPauseBelow, Integer maxItemsPerSession, Integer maxItemsPerHour,
            Integer sessionGapMinutes, Integer breakReminderMinutes) {

        static ReviewSettingsJson of(ReviewSettings s) {
            return new ReviewSettingsJson(s.reviewMode().name(), s.maxReviewers(), s.onDisagreement().name(),
                    s.rationaleRequired().name(), s.showReviewerIdentities(), s.goldRate(), s.goldMinAnswers(),
                    s.goldWindow(), s.goldPauseBelow(), s.maxItemsPerSession(), s.maxItemsPerHour(),
                    s.sessionGapMinutes(), s.breakReminderMinutes());
        }
    }

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "The workflow's review settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewSettingsJson.class),
            examples = {
                    @ExampleObject(name = "dynamic", value = ReviewExamples.REVIEW_SETTINGS)}))
    public ReviewSettingsJson get(@PathParam("workflowKey") String workflowKey) {
        return ReviewSettingsJson.of(settings.of(existing(workflowKey)));
    }

    @PUT
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The review settings saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewSettingsJson.class),
            examples = {
                    @ExampleObject(name = "dynamic", value = ReviewExamples.REVIEW_SETTINGS)}))
    public ReviewSettingsJson change(@PathParam("workflowKey") String workflowKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReviewSettingsJson.class),
                    examples = {@ExampleObject(name = "dynamic, add a reviewer", value = ReviewExamples.REVIEW_SETTINGS_REQUEST)}))
            ReviewSettingsJson request) {
        ReviewSettings current = settings.of(existing(workflowKey));
        ReviewSettingsJson r = request == null ? ReviewSettingsJson.of(current) : request;
        Violations v = new Violations();
        ReviewSettings.ReviewMode mode = parse(r.reviewMode(), ReviewSettings.ReviewMode::valueOf, current.reviewMode(),
                "reviewMode", "must be FIXED or DYNAMIC", v);
        ReviewSettings.DisagreementPolicy onDisagreement = parse(r.onDisagreement(),
                ReviewSettings.DisagreementPolicy::valueOf, current.onDisagreement(), "onDisagreement",
                "must be ADJUDICATE or ADD_REVIEWER", v);
        ReviewSettings.RationaleRule rationale = parse(r.rationaleRequired(), ReviewSettings.RationaleRule::valueOf,
                current.rationaleRequired(), "rationaleRequired", "must be NEVER, ON_CHANGE or ALWAYS", v);
        v.throwIfAny("The review settings");
        return ReviewSettingsJson.of(settings.change(new ReviewSettings(workflowKey, mode,
                or(r.maxReviewers(), current.maxReviewers()), onDisagreement, rationale,
                or(r.showReviewerIdentities(), current.showReviewerIdentities()), or(r.goldRate(), current.goldRate()),
                or(r.goldMinAnswers(), current.goldMinAnswers()), or(r.goldWindow(), current.goldWindow()),
                or(r.goldPauseBelow(), current.goldPauseBelow()), or(r.maxItemsPerSession(), current.maxItemsPerSession()),
                or(r.maxItemsPerHour(), current.maxItemsPerHour()), or(r.sessionGapMinutes(), current.sessionGapMinutes()),
                or(r.breakReminderMinutes(), current.breakReminderMinutes()))));
    }

    private String existing(String workflowKey) {
        if (workflows.find(workflowKey).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowKey + ".");
        }
        return workflowKey;
    }
}
