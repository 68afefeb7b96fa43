package io.oversight.review.rest;

import io.oversight.ledger.Roles;
import io.oversight.review.ReviewQueues;
import io.oversight.tasks.TaskDocuments.QueueJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The queues the caller is qualified for, with their state. Its path lies under tasks' {@code /queues}
 * (the more specific path wins JAX-RS matching), because reviewers' qualifications are review's.
 */
@Path("queues/mine")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyQueuesResource {

    @Inject
    ReviewQueues queues;

    @GET
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    public List<QueueJson> mine() {
        return queues.myQueues().stream().map(QueueJson::of).toList();
    }
}
