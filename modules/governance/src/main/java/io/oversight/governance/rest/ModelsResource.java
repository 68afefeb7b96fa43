package io.oversight.governance.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.ledger.Callers;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.application.DefaultModelRegistry;
import io.oversight.governance.domain.ModelRegistration;
import io.oversight.governance.rest.Views.ModelJson;
import io.oversight.governance.rest.Views.PromotionRequest;
import io.oversight.governance.rest.Views.ReasonRequest;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The model snapshot registry. The customer's pipeline registers snapshots with a
 * governance account; promotions and rollbacks say why.
 */
@Path("models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance: model snapshots")
public class ModelsResource {

    @Inject
    DefaultModelRegistry registry;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "List snapshots, of one workflow with ?workflow=key")
    @APIResponse(responseCode = "200", description = "Model snapshots",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ModelJson.class),
            examples = {
                    @ExampleObject(name = "shadow and active", value = GovernanceExamples.MODELS)}))
    public List<ModelJson> list(@QueryParam("workflow") String workflow) {
        return (workflow == null ? registry.all() : registry.of(workflow)).stream().map(ModelJson::of).toList();
    }

    @POST
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Register a snapshot (in SHADOW)")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ModelJson.class),
            examples = {
                    @ExampleObject(name = "shadow", value = GovernanceExamples.MODEL)}))
    @APIResponse(responseCode = "409", description = "This name and version are registered already")
    public Response register(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelRegistration.class),
                    examples = {@ExampleObject(name = "with its training set", value = GovernanceExamples.MODEL_REQUEST)}))
            @NotNull ModelRegistration registration, @Context UriInfo uriInfo) {
        ModelJson created = ModelJson.of(registry.register(registration, callers.actorIn(Roles.GOVERNANCE)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "Get a snapshot")
    @APIResponse(responseCode = "200", description = "The snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ModelJson.class),
            examples = {
                    @ExampleObject(name = "shadow", value = GovernanceExamples.MODEL)}))
    public ModelJson get(@PathParam("id") String id) {
        return registry.find(id).map(ModelJson::of)
                .orElseThrow(() -> new NotFoundException("No model snapshot with id '" + id + "'."));
    }

    @POST
    @Path("{id}/promotions")
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN})
    @Operation(summary = "Promote to CANARY or ACTIVE, saying why",
            description = "A promotion to ACTIVE must meet the workflow's acceptance criteria (see /monitors/settings); "
                    + "an admin may override a refusal with \"override\": true, the reason being the justification.")
    @APIResponse(responseCode = "409", description = "Promotion not allowed from the current status, or refused by the "
            + "acceptance criteria (type promotion-gate, naming the criterion with its numbers)")
    @APIResponse(responseCode = "200", description = "The snapshot in its new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ModelJson.class),
            examples = {
                    @ExampleObject(name = "canary", value = GovernanceExamples.MODEL_CANARY)}))
    public ModelJson promote(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PromotionRequest.class),
                    examples = {@ExampleObject(name = "to canary", value = GovernanceExamples.PROMOTION_REQUEST), @ExampleObject(name = "admin override", value = GovernanceExamples.OVERRIDE_REQUEST)}))
            @NotNull PromotionRequest request) {
        if (request.target() == null) {
            throw InvalidInputException.sentence("target", "is required (CANARY or ACTIVE)");
        }
        boolean override = Boolean.TRUE.equals(request.override());
        return ModelJson.of(registry.promote(id, request.target(), request.reason(),
                callers.actorIn(override ? Roles.ADMIN : Roles.GOVERNANCE), override));
    }

    @POST
    @Path("{id}/rollback")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Roll back an ACTIVE or CANARY snapshot, saying why",
            description = "The snapshot it had superseded becomes active again.")
    @APIResponse(responseCode = "200", description = "The snapshot, rolled back",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ModelJson.class),
            examples = {
                    @ExampleObject(name = "rolled back", value = GovernanceExamples.MODEL_ROLLED_BACK)}))
    public ModelJson rollBack(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReasonRequest.class),
                    examples = {@ExampleObject(name = "reason", value = GovernanceExamples.ROLLBACK_REQUEST)}))
            @NotNull ReasonRequest request) {
        return ModelJson.of(registry.rollBack(id, request.reason(), callers.actorIn(Roles.GOVERNANCE)));
    }

    @POST
    @Path("{id}/retirement")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Retire a snapshot that is not active")
    @APIResponse(responseCode = "200", description = "The snapshot, retired",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ModelJson.class),
            examples = {
                    @ExampleObject(name = "retired", value = GovernanceExamples.MODEL_RETIRED)}))
    public ModelJson retire(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReasonRequest.class),
                    examples = {@ExampleObject(name = "reason", value = GovernanceExamples.RETIREMENT_REQUEST)}))
            @NotNull ReasonRequest request) {
        return ModelJson.of(registry.retire(id, request.reason(), callers.actorIn(Roles.GOVERNANCE)));
    }
}
