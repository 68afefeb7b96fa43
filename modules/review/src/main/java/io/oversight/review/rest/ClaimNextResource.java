package io.oversight.review.rest;

import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Roles;
import io.oversight.review.ReviewQueues;
import io.oversight.tasks.QueueKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Claim-next on one queue: a reviewer's act, so review's, at the path under tasks' {@code /queues}
 * that clients have always used (the more specific path wins JAX-RS matching).
 */
@Path("queues/{workflowKey}/{tier}/claim-next")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClaimNextResource {

    @Inject
    ReviewQueues queues;

    /** Claims the best eligible tasks of the queue under a lease; an empty list when none is eligible. */
    @POST
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    @APIResponse(responseCode = "200", description = "The claimed tasks; empty when nothing is eligible",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewerClaimJson.ClaimsJson.class),
            examples = {
                    @ExampleObject(name = "one task", value = ReviewExamples.CLAIMS)}))
    public ReviewerClaimJson.ClaimsJson claimNext(@PathParam("workflowKey") String workflowKey, @PathParam("tier") int tier,
            @QueryParam("count") @DefaultValue("1") int count) {
        if (tier < 1 || tier > 3) {
            throw InvalidInputException.of("tier", "must be 1, 2 or 3");
        }
        return new ReviewerClaimJson.ClaimsJson(ReviewerClaimJson.of(
                queues.claimNext(new QueueKey(workflowKey, tier), count), queues));
    }
}
