package io.oversight.governance.rest;

import io.oversight.ledger.Callers;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.application.DefaultRoutingPolicyService;
import io.oversight.governance.domain.PolicyContent;
import io.oversight.governance.rest.Views.PolicyJson;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Routing-policy versions: drafts are created under their workflow, then edited and activated here. */
@Path("policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance: routing policies")
public class PoliciesResource {

    @Inject
    DefaultRoutingPolicyService policies;

    @Inject
    Callers callers;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR})
    @Operation(summary = "Get a routing-policy version with its content digest")
    @APIResponse(responseCode = "200", description = "The routing-policy version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyJson.class),
            examples = {
                    @ExampleObject(name = "active", value = GovernanceExamples.POLICY_ACTIVE)}))
    public PolicyJson get(@PathParam("id") String id) {
        return policies.find(id).map(PolicyJson::of)
                .orElseThrow(() -> new NotFoundException("No routing policy with id '" + id + "'."));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Replace a draft's content, validated on save")
    @APIResponse(responseCode = "400", description = "Bands out of order or outside [0, 1], unknown tier, rule that does not parse...")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "200", description = "The revised draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyJson.class),
            examples = {
                    @ExampleObject(name = "draft", value = GovernanceExamples.POLICY_DRAFT)}))
    public PolicyJson revise(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyContent.class),
                    examples = {@ExampleObject(name = "bands, threshold, rule, SLA", value = GovernanceExamples.POLICY_REQUEST)}))
            @NotNull PolicyContent content) {
        return PolicyJson.of(policies.revise(id, content, callers.actorIn(Roles.GOVERNANCE)));
    }

    @POST
    @Path("{id}/activation")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Activate a draft; the previously active version is retired")
    @APIResponse(responseCode = "200", description = "The version, now active",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyJson.class),
            examples = {
                    @ExampleObject(name = "active", value = GovernanceExamples.POLICY_ACTIVE)}))
    public PolicyJson activate(@PathParam("id") String id) {
        return PolicyJson.of(policies.activate(id, callers.actorIn(Roles.GOVERNANCE)));
    }

    @POST
    @Path("{id}/retirement")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Discard a draft or retire the active version")
    @APIResponse(responseCode = "200", description = "The version, now retired",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyJson.class),
            examples = {
                    @ExampleObject(name = "retired", value = GovernanceExamples.POLICY_RETIRED)}))
    public PolicyJson retire(@PathParam("id") String id) {
        return PolicyJson.of(policies.retire(id, callers.actorIn(Roles.GOVERNANCE)));
    }
}
