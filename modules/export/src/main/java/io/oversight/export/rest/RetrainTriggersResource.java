package io.oversight.export.rest;

import io.oversight.export.InvalidExportRequestException;
import io.oversight.export.RetrainTrigger;
import io.oversight.export.RetrainTriggerKind;
import io.oversight.export.RetrainTriggerRequest;
import io.oversight.export.RetrainTriggers;
import io.oversight.kernel.FieldError;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Retrain triggers: the rules governance sets per workflow, and what they last did. */
@Path("retrain-triggers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export: retrain triggers")
public class RetrainTriggersResource {

    @Inject
    RetrainTriggers triggers;

    @Inject
    Pseudonyms pseudonyms;

    @Context
    SecurityContext security;

    /** A new rule: its kind and only the parameters that kind reads. */
    @Schema(description = "A retrain rule: CORRECTIONS_SINCE_EXPORT reads corrections (N >= 1); CORRECTION_RATE reads "
            + "rate (0 < r <= 1) and windowHours; DRIFT_ALERT reads nothing; SCHEDULE reads everyHours (hours 1..8784)",
            example = "{\"kind\": \"CORRECTIONS_SINCE_EXPORT\", \"corrections\": 500}")
    public record RuleJson(
            @Schema(example = "CORRECTION_RATE", enumeration = {"CORRECTIONS_SINCE_EXPORT", "CORRECTION_RATE", "DRIFT_ALERT", "SCHEDULE"}) String kind,
            @Schema(example = "500") Long corrections,
            @Schema(example = "0.2") Double rate,
            @Schema(example = "24") Integer windowHours,
            @Schema(example = "168") Integer everyHours) {
    }

    /** A rule with its state: armed until it fires, armed again once its condition no longer holds. */
    @Schema(example = "{\"id\": \"5f0c…\", \"workflow\": \"loan-dispute-triage\", \"kind\": \"CORRECTIONS_SINCE_EXPORT\", "
            + "\"corrections\": 500, \"armed\": true, \"createdAt\": \"2026-12-06T10:00:00Z\", \"firings\": 0}")
    public record TriggerJson(String id, String workflow, String kind, Long corrections, Double rate, Integer windowHours,
            Integer everyHours, boolean armed, String createdBy, Instant createdAt, Instant lastFiredAt, String lastDatasetId,
            long firings) {

        static TriggerJson of(RetrainTrigger t) {
            RetrainTriggerRequest r = t.rule();
            return new TriggerJson(t.id(), t.workflow(), r.kind().name(), r.corrections().orElse(null), r.rate().orElse(null),
                    r.windowHours().orElse(null), r.everyHours().orElse(null), t.armed(), t.createdBy(), t.createdAt(),
                    t.lastFiredAt().orElse(null), t.lastExportId().orElse(null), t.firings());
        }
    }

    @GET
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Every workflow's retrain rules")
    @APIResponse(responseCode = "200", description = "Every workflow's rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TriggerJson.class),
            examples = {
                    @ExampleObject(name = "two rules", value = ExportExamples.TRIGGERS)}))
    public List<TriggerJson> all() {
        return triggers.all().stream().map(TriggerJson::of).toList();
    }

    @GET
    @Path("{workflow}")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "A workflow's retrain rules, oldest first")
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TriggerJson.class),
            examples = {
                    @ExampleObject(name = "two rules", value = ExportExamples.TRIGGERS)}))
    @APIResponse(responseCode = "404", description = "No such workflow")
    public List<TriggerJson> of(@PathParam("workflow") String workflow) {
        return triggers.of(workflow).stream().map(TriggerJson::of).toList();
    }

    @POST
    @Path("{workflow}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Add a retrain rule to a workflow; it fires once per crossing of its condition")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TriggerJson.class),
            examples = {
                    @ExampleObject(name = "corrections since export", value = ExportExamples.TRIGGER)}))
    @APIResponse(responseCode = "400", description = "Unknown kind, a parameter missing, out of range or meaningless for the kind; nothing was created")
    @APIResponse(responseCode = "404", description = "No such workflow; nothing was created")
    public Response create(@PathParam("workflow") String workflow,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleJson.class),
                    examples = {@ExampleObject(name = "corrections since export", value = ExportExamples.TRIGGER_REQUEST), @ExampleObject(name = "correction rate", value = ExportExamples.RATE_TRIGGER_REQUEST)}))
            RuleJson body, @Context UriInfo uriInfo) {
        RetrainTrigger trigger = triggers.create(workflow, parse(body), caller());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(trigger.id()).build())
                .entity(TriggerJson.of(trigger)).build();
    }

    @DELETE
    @Path("{workflow}/{id}")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Remove a retrain rule; exports it made stay")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such workflow or rule")
    public Response delete(@PathParam("workflow") String workflow, @PathParam("id") String id) {
        triggers.delete(workflow, id, caller());
        return Response.noContent().build();
    }

    private static RetrainTriggerRequest parse(RuleJson body) {
        if (body == null) {
            throw new InvalidExportRequestException(List.of(new FieldError("body", "is required")));
        }
        RetrainTriggerKind kind = null;
        if (body.kind() != null) {
            try {
                kind = RetrainTriggerKind.valueOf(body.kind());
            } catch (IllegalArgumentException e) {
                throw new InvalidExportRequestException(List.of(new FieldError("kind", "must be one of "
                        + Arrays.toString(RetrainTriggerKind.values()) + ", not " + body.kind())));
            }
        }
        return new RetrainTriggerRequest(kind, Optional.ofNullable(body.corrections()), Optional.ofNullable(body.rate()),
                Optional.ofNullable(body.windowHours()), Optional.ofNullable(body.everyHours()));
    }

    private Actor caller() {
        return new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, security.getUserPrincipal().getName()), Roles.GOVERNANCE);
    }
}
