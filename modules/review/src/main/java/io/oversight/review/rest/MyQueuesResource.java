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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "The queues the caller may work, open counting only what the caller could be given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = QueueJson.class),
            examples = {
                    @ExampleObject(name = "two tiers", value = ReviewExamples.MY_QUEUES)}))
    public List<QueueJson> mine() {
        return queues.myQueues().stream().map(QueueJson::of).toList();
    }
}
