package io.oversight.governance.rest;

import io.oversight.ledger.Callers;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.application.DefaultGuidelineService;
import io.oversight.governance.application.GuidelineDiff;
import io.oversight.governance.application.GuidelineRenderer;
import io.oversight.governance.domain.GuidelineContent;
import io.oversight.governance.rest.Views.DiffJson;
import io.oversight.governance.rest.Views.GuidelineJson;
import io.oversight.governance.rest.Views.RenderedJson;
import io.oversight.governance.rest.Views.TransitionRequest;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Guideline versions: edit drafts, move through the life cycle, render safely, diff. */
@Path("guidelines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance: guidelines")
public class GuidelinesResource {

    @Inject
    DefaultGuidelineService guidelines;

    @Inject
    Callers callers;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "Get a guideline version with its content digest")
    @APIResponse(responseCode = "200", description = "The guideline version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GuidelineJson.class),
            examples = {
                    @ExampleObject(name = "draft", value = GovernanceExamples.GUIDELINE)}))
    public GuidelineJson get(@PathParam("id") String id) {
        return GuidelineJson.of(require(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Replace a draft's content")
    @APIResponse(responseCode = "409", description = "The version has left draft; write a new version")
    @APIResponse(responseCode = "200", description = "The revised draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GuidelineJson.class),
            examples = {
                    @ExampleObject(name = "draft", value = GovernanceExamples.GUIDELINE)}))
    public GuidelineJson revise(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GuidelineContent.class),
                    examples = {@ExampleObject(name = "markdown with an example", value = GovernanceExamples.GUIDELINE_REQUEST)}))
            @NotNull GuidelineContent content) {
        return GuidelineJson.of(guidelines.revise(id, content, callers.actorIn(Roles.GOVERNANCE)));
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Move to PILOT, ACTIVE or RETIRED",
            description = "Activation retires the previously active version; each step is a ledger entry with the content digest.")
    @APIResponse(responseCode = "409", description = "Step not allowed from the current status")
    @APIResponse(responseCode = "200", description = "The version in its new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GuidelineJson.class),
            examples = {
                    @ExampleObject(name = "pilot", value = GovernanceExamples.GUIDELINE_PILOT)}))
    public GuidelineJson transition(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransitionRequest.class),
                    examples = {@ExampleObject(name = "to pilot", value = GovernanceExamples.TRANSITION_REQUEST)}))
            @NotNull TransitionRequest request) {
        if (request.target() == null) {
            throw InvalidInputException.sentence("target", "is required (PILOT, ACTIVE or RETIRED)");
        }
        return GuidelineJson.of(guidelines.moveTo(id, request.target(), callers.actorIn(Roles.GOVERNANCE)));
    }

    @GET
    @Path("{id}/rendered")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "The instructions as sanitized HTML", description = "Scripts, event handlers and javascript: URLs are removed.")
    @APIResponse(responseCode = "200", description = "The sanitized HTML",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RenderedJson.class),
            examples = {
                    @ExampleObject(name = "rendered", value = GovernanceExamples.RENDERED)}))
    public RenderedJson rendered(@PathParam("id") String id) {
        GuidelineVersion g = require(id);
        return new RenderedJson(id, GuidelineRenderer.render(g.format(), g.instructions()));
    }

    @GET
    @Path("{id}/diff")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "Unified diff from another version (query parameter 'against') to this one")
    @APIResponse(responseCode = "200", description = "The unified diff",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DiffJson.class),
            examples = {
                    @ExampleObject(name = "one line added", value = GovernanceExamples.DIFF)}))
    public DiffJson diff(@PathParam("id") String id, @QueryParam("against") String against) {
        if (against == null || against.isBlank()) {
            throw InvalidInputException.sentence("against", "name the version to compare with");
        }
        GuidelineVersion to = require(id);
        GuidelineVersion from = require(against);
        return new DiffJson(from.id(), to.id(), GuidelineDiff.unified(from, to));
    }

    private GuidelineVersion require(String id) {
        return guidelines.find(id).orElseThrow(() -> new NotFoundException("No guideline version with id '" + id + "'."));
    }
}
