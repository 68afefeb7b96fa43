package io.oversight.governance.rest;

import io.oversight.governance.ReviewerView;
import io.oversight.governance.application.DefaultReviewerViews;
import io.oversight.governance.domain.ReviewerViewRules;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workflow's reviewer view: which input fields reviewers and adjudicators read, in what order,
 * under which labels and formats, and on which tiers the model's prediction stays hidden until the
 * reviewer answered. A PUT replaces the whole view.
 */
@Path("workflows/{key}/reviewer-view")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance: workflows")
public class ReviewerViewResource {

    @Inject
    DefaultReviewerViews views;

    @Inject
    Callers callers;

    public record FieldJson(String path, String label, String format) {
    }

    /** @param changedAt absent while governance never set the view */
    public record ReviewerViewJson(String workflow, List<FieldJson> fields, List<Integer> predictionHiddenTiers,
            Instant changedAt) {

        static ReviewerViewJson of(ReviewerView v) {
            return new ReviewerViewJson(v.workflowKey(),
                    v.fields().stream().map(f -> new FieldJson(f.path(), f.label(), f.format().name())).toList(),
                    v.predictionHiddenTiers().stream().sorted().toList(), v.changedAt().orElse(null));
        }
    }

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "A workflow's reviewer view: shown input fields and the tiers that answer blind")
    @APIResponse(responseCode = "404", description = "Unknown workflow")
    @APIResponse(responseCode = "200", description = "The workflow's reviewer view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewerViewJson.class),
            examples = {
                    @ExampleObject(name = "demo workflow", value = GovernanceExamples.REVIEWER_VIEW)}))
    public ReviewerViewJson get(@PathParam("key") String key) {
        return ReviewerViewJson.of(views.require(key));
    }

    @PUT
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Replace a workflow's reviewer view",
            description = "Recorded in the ledger as governance.reviewer-view.changed; a refusal changes nothing.")
    @APIResponse(responseCode = "400", description = "A bad field (problem+json naming each: fields[i].path, "
            + "fields[i].format, predictionHiddenTiers[i]...)")
    @APIResponse(responseCode = "404", description = "Unknown workflow")
    @APIResponse(responseCode = "200", description = "The reviewer view as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewerViewJson.class),
            examples = {
                    @ExampleObject(name = "two fields, tier 1 blind", value = GovernanceExamples.REVIEWER_VIEW_CHANGED)}))
    public ReviewerViewJson change(@PathParam("key") String key,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReviewerViewJson.class),
                    examples = {@ExampleObject(name = "two fields, tier 1 blind", value = GovernanceExamples.REVIEWER_VIEW_REQUEST)}))
            @NotNull ReviewerViewJson request) {
        List<ReviewerViewRules.FieldRequest> fields = request.fields() == null ? List.of()
                : request.fields().stream().map(f -> f == null ? null
                        : new ReviewerViewRules.FieldRequest(f.path(), f.label(), f.format())).toList();
        return ReviewerViewJson.of(views.change(key, fields, request.predictionHiddenTiers(),
                callers.actorIn(Roles.GOVERNANCE)));
    }
}
