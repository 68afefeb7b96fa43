package io.oversight.tasks.rest;

import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Roles;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.application.QueueService;
import io.oversight.tasks.application.SlaMonitor;
import io.oversight.tasks.rest.TaskViews.AlertJson;
import io.oversight.tasks.rest.TaskViews.ClaimJson;
import io.oversight.tasks.rest.TaskViews.ClaimsJson;
import io.oversight.tasks.rest.TaskViews.QueueJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Review queues (SPEC T5, T6, T9): their state for the dashboard and for reviewers, claim-next, SLA alerts. */
@Path("queues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {

    @Inject
    QueueService queues;

    @Inject
    SlaMonitor slaMonitor;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN})
    public List<QueueJson> all() {
        return queues.statistics().stream().map(QueueJson::of).toList();
    }

    @GET
    @Path("mine")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    public List<QueueJson> mine() {
        return queues.myQueues().stream().map(QueueJson::of).toList();
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

    /** Claims the best eligible tasks of the queue under a lease; an empty list when none is eligible. */
    @POST
    @Path("{workflowKey}/{tier}/claim-next")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    public ClaimsJson claimNext(@PathParam("workflowKey") String workflowKey, @PathParam("tier") int tier,
            @QueryParam("count") @DefaultValue("1") int count) {
        if (tier < 1 || tier > 3) {
            throw InvalidInputException.of("tier", "must be 1, 2 or 3");
        }
        return new ClaimsJson(queues.claimNext(new QueueKey(workflowKey, tier), count).stream().map(ClaimJson::of).toList());
    }
}
