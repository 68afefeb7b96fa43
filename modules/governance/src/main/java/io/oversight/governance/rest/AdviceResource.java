package io.oversight.governance.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.ledger.Callers;
import io.oversight.kernel.InvalidInputException;
import io.oversight.governance.application.AutonomyAdviceService;
import io.oversight.governance.rest.MonitoringViews.AdviceJson;
import io.oversight.governance.rest.MonitoringViews.DraftRequest;
import io.oversight.governance.rest.Views.PolicyJson;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Earned-autonomy advice: the trade-off curve, the recommendation, and applying it as a draft. */
@Path("advice")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance: earned autonomy")
public class AdviceResource {

    @Inject
    AutonomyAdviceService advice;

    @Inject
    Callers callers;

    @GET
    @Path("{workflow}")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Auto-accept thresholds 0.50–1.00 with the 95% upper bound of their error and their reviewer "
            + "load, and the lowest-load threshold meeting the target",
            description = "target: error bound (default: the workflow's adviceTarget); days: period (default 30).")
    @APIResponse(responseCode = "200", description = "The trade-off curve and the recommendation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdviceJson.class),
            examples = {@ExampleObject(name = "advice", value = MonitoringExamples.ADVICE)}))
    public AdviceJson advise(@PathParam("workflow") String workflow, @QueryParam("target") Double target,
            @QueryParam("days") Integer days) {
        return AdviceJson.of(advice.advise(workflow, Optional.ofNullable(target),
                days == null ? AutonomyAdviceService.DEFAULT_DAYS : days));
    }

    @POST
    @Path("{workflow}/draft")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Write a DRAFT routing-policy version with this auto-accept threshold (never activated here)")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyJson.class),
            examples = {@ExampleObject(name = "draft", value = MonitoringExamples.DRAFT)}))
    public Response draft(@PathParam("workflow") String workflow,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DraftRequest.class),
                    examples = {@ExampleObject(name = "threshold", value = MonitoringExamples.DRAFT_REQUEST)}))
            @NotNull DraftRequest request) {
        if (request.threshold() == null) {
            throw InvalidInputException.sentence("threshold", "is required");
        }
        PolicyJson draft = PolicyJson.of(advice.applyAsDraft(workflow, request.threshold(), callers.actorIn(Roles.GOVERNANCE)));
        return Response.status(201).entity(draft).build();
    }
}
