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
    public List<QueueJson> all() {
        return queues.statistics().stream().map(QueueJson::of).toList();
    }

    /** Open tasks nobody may claim, oldest first (ADR 0040); each moves on at the next skip or sweep. */
    @GET
    @Path("stuck")
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
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
    public List<AlertJson> alerts(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw InvalidInputException.of("limit", "must be between 1 and 1000");
        }
        return slaMonitor.recentAlerts(limit).stream().map(AlertJson::of).toList();
    }
}
