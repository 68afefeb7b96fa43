package io.oversight.tasks.rest;

import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Roles;
import io.oversight.tasks.QueueOverview;
import io.oversight.tasks.UnclaimableTasks;
import io.oversight.tasks.TaskDocuments.QueueJson;
import io.oversight.tasks.queue.SlaMonitor;
import io.oversight.tasks.rest.TaskViews.AlertJson;
import io.oversight.tasks.rest.TaskViews.StuckJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Review queues: their state for the dashboard, and SLA alerts. A reviewer's own queues and claim-next are review's. */
@Path("queues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {

    @Inject
    QueueOverview queues;

    @Inject
    SlaMonitor slaMonitor;

    @Inject
    UnclaimableTasks unclaimable;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "Every queue with open or claimed tasks or an SLA target",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = QueueJson.class),
            examples = {
                    @ExampleObject(name = "three tiers", value = TasksExamples.QUEUES)}))
    public List<QueueJson> all() {
        return queues.statistics().stream().map(QueueJson::of).toList();
    }

    /** Open tasks nobody may claim, oldest first (ADR 0040); each moves on at the next skip or sweep. */
    @GET
    @Path("stuck")
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "Open tasks nobody may claim, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = StuckJson.class),
            examples = {
                    @ExampleObject(name = "one stuck task", value = TasksExamples.STUCK)}))
    public List<StuckJson> stuck(@QueryParam("workflow") String workflowKey,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw InvalidInputException.of("limit", "must be between 1 and 1000");
        }
        return unclaimable.stuck(Optional.ofNullable(workflowKey), limit).stream().map(StuckJson::of).toList();
    }

    @GET
    @Path("alerts")
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "SLA alerts, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AlertJson.class),
            examples = {
                    @ExampleObject(name = "an open and a closed alert", value = TasksExamples.SLA_ALERTS)}))
    public List<AlertJson> alerts(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw InvalidInputException.of("limit", "must be between 1 and 1000");
        }
        return slaMonitor.recentAlerts(limit).stream().map(AlertJson::of).toList();
    }
}
