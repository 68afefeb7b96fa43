package io.oversight.governance.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.ledger.Callers;
import io.oversight.kernel.InvalidInputException;
import io.oversight.governance.AlertRule;
import io.oversight.governance.Monitor;
import io.oversight.governance.application.AlertService;
import io.oversight.governance.application.DefaultMonitors;
import io.oversight.governance.rest.MonitoringViews.AcknowledgeRequest;
import io.oversight.governance.rest.MonitoringViews.AlertJson;
import io.oversight.governance.rest.MonitoringViews.RuleJson;
import io.oversight.governance.rest.MonitoringViews.RuleRequest;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alert episodes (monitor rules and queue SLAs in one list) and alert rules. */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Governance: alerts")
public class AlertsResource {

    @Inject
    DefaultMonitors monitors;

    @Inject
    AlertService alerts;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Alerts open at some time in [from, to) (default: the last 30 days), newest first",
            description = "Filters: workflow, open=true|false, source=MONITOR|SLA. At most 500.")
    @APIResponse(responseCode = "200", description = "Alert episodes, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AlertJson.class),
            examples = {@ExampleObject(name = "a monitor and an SLA alert", value = MonitoringExamples.ALERTS)}))
    public List<AlertJson> list(@QueryParam("workflow") String workflow, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("open") Boolean open, @QueryParam("source") String source) {
        Instant end = MonitorsResource.instant("to", to).orElse(clock.instant().plusSeconds(1));
        Instant start = MonitorsResource.instant("from", from).orElse(end.minus(Duration.ofDays(30)));
        if (source != null && !List.of("MONITOR", "SLA").contains(source)) {
            throw InvalidInputException.sentence("source", "must be MONITOR or SLA");
        }
        return monitors.alerts(Optional.ofNullable(workflow).filter(w -> !w.isBlank()), start, end).stream()
                .filter(a -> open == null || a.open() == open)
                .filter(a -> source == null || a.source().equals(source))
                .map(AlertJson::of).toList();
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN})
    @Operation(summary = "Acknowledge an alert, saying what is done about it (a ledger entry)")
    @APIResponse(responseCode = "409", description = "Already acknowledged")
    @APIResponse(responseCode = "200", description = "The acknowledged alert",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AlertJson.class),
            examples = {@ExampleObject(name = "acknowledged", value = MonitoringExamples.ACKNOWLEDGED)}))
    public AlertJson acknowledge(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AcknowledgeRequest.class),
                    examples = {@ExampleObject(name = "note", value = MonitoringExamples.ACKNOWLEDGE_REQUEST)}))
            @NotNull AcknowledgeRequest request) {
        Actor actor = callers.isCallerInRole(Roles.GOVERNANCE) ? callers.actorIn(Roles.GOVERNANCE) : callers.actorIn(Roles.ADMIN);
        return AlertJson.of(alerts.acknowledge(id, request.note(), actor));
    }

    @GET
    @Path("rules")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Alert rules, of one workflow with ?workflow=key")
    @APIResponse(responseCode = "200", description = "The rules with their hysteresis state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RuleJson.class),
            examples = {@ExampleObject(name = "rules", value = MonitoringExamples.RULES)}))
    public List<RuleJson> rules(@QueryParam("workflow") String workflow) {
        return monitors.rules(Optional.ofNullable(workflow).filter(w -> !w.isBlank())).stream().map(RuleJson::of).toList();
    }

    @POST
    @Path("rules")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Create an alert rule (a ledger entry)",
            description = "monitor (see GET /monitors), grain HOUR|DAY|WEEK, direction ABOVE|BELOW, threshold; "
                    + "optional minN (30), severity (WARNING), openAfter and closeAfter windows (2). An input-drift "
                    + "monitor (INPUT_PSI, INPUT_KS, INPUT_CHI_SQUARE) names the declared drift field it watches in field.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RuleJson.class),
            examples = {@ExampleObject(name = "input-drift rule", value = MonitoringExamples.RULE)}))
    public Response createRule(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleRequest.class),
                    examples = {@ExampleObject(name = "agreement", value = MonitoringExamples.RULE_REQUEST),
                    @ExampleObject(name = "input drift of a field", value = MonitoringExamples.INPUT_RULE_REQUEST)}))
            @NotNull RuleRequest r) {
        if (r.workflow() == null || r.workflow().isBlank()) {
            throw InvalidInputException.sentence("workflow", "is required");
        }
        if (r.threshold() == null) {
            throw InvalidInputException.sentence("threshold", "is required");
        }
        AlertRule spec = new AlertRule(null, r.workflow(), parse(Monitor.class, "monitor", r.monitor()),
                Optional.ofNullable(r.field()).filter(f -> !f.isBlank()),
                MonitorsResource.grain(r.grain() == null ? "" : r.grain()), parse(AlertRule.Direction.class, "direction",
                        r.direction()), r.threshold(), r.minN() == null ? 30 : r.minN(),
                r.severity() == null ? AlertRule.Severity.WARNING : parse(AlertRule.Severity.class, "severity", r.severity()),
                r.openAfter() == null ? 2 : r.openAfter(), r.closeAfter() == null ? 2 : r.closeAfter(), clock.instant(),
                false, 0, Optional.empty(), Optional.empty());
        RuleJson created = RuleJson.of(monitors.createRule(spec, callers.actorIn(Roles.GOVERNANCE)));
        return Response.status(201).entity(created).build();
    }

    @DELETE
    @Path("rules/{id}")
    @RolesAllowed(Roles.GOVERNANCE)
    @Operation(summary = "Delete an alert rule without an open episode (a ledger entry)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The rule has an open episode")
    public Response deleteRule(@PathParam("id") String id) {
        monitors.deleteRule(id, callers.actorIn(Roles.GOVERNANCE));
        return Response.noContent().build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.sentence(field, "is required");
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.sentence(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }
}
