package io.oversight.review.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.ledger.Roles;
import io.oversight.review.ReviewerNotice;
import io.oversight.review.ReviewerWorkload;
import io.oversight.review.ReviewQueues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

/**
 * A reviewer's day: the next task from any queue they may work (rotating across workflows), their
 * workload against the fatigue caps, and the notices adjudication sent them.
 */
@Path("review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
public class ReviewResource {

    @Inject
    ReviewQueues queues;

    public record WorkloadJson(String workflow, int completedLastHour, int maxPerHour, int completedThisSession,
            int maxPerSession, Instant sessionStartedAt, String capReached, Long retryAfterSeconds, boolean breakDue,
            String pausedBecause) {

        static WorkloadJson of(ReviewerWorkload w) {
            return new WorkloadJson(w.workflowKey(), w.completedLastHour(), w.maxPerHour(), w.completedThisSession(),
                    w.maxPerSession(), w.sessionStartedAt().orElse(null), w.capReached().orElse(null),
                    w.retryAfter().map(d -> d.toSeconds()).orElse(null), w.breakDue(), w.pausedBecause().orElse(null));
        }
    }

    public record NoticeJson(String id, String itemId, String workflow, String message, Instant createdAt, Instant readAt) {

        static NoticeJson of(ReviewerNotice n) {
            return new NoticeJson(n.id(), n.itemId(), n.workflowKey(), n.message(), n.createdAt(), n.readAt().orElse(null));
        }
    }

    /** 200 with the claimed task, 204 when no queue the caller may work has anything for them. */
    @POST
    @Path("next")
    @APIResponse(responseCode = "200", description = "The claimed task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewerClaimJson.class),
            examples = {
                    @ExampleObject(name = "claimed", value = ReviewExamples.CLAIMED)}))
    @APIResponse(responseCode = "204", description = "No queue the caller may work has anything for them")
    public Response next() {
        return queues.claimNextAnywhere().map(c -> ReviewerClaimJson.of(c, queues)).map(c -> Response.ok(c).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("workload/{workflowKey}")
    @APIResponse(responseCode = "200", description = "The caller's workload in the workflow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkloadJson.class),
            examples = {
                    @ExampleObject(name = "break due", value = ReviewExamples.WORKLOAD)}))
    public WorkloadJson workload(@PathParam("workflowKey") String workflowKey) {
        return WorkloadJson.of(queues.workload(workflowKey));
    }

    @GET
    @Path("notices")
    @APIResponse(responseCode = "200", description = "The latest notices, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NoticeJson.class),
            examples = {
                    @ExampleObject(name = "answer changed", value = ReviewExamples.NOTICES)}))
    public List<NoticeJson> notices() {
        return queues.myNotices().stream().map(NoticeJson::of).toList();
    }

    /** The reviewer has seen the notice: the workbench stops showing it among the new ones. */
    @POST
    @Path("notices/{id}/read")
    @APIResponse(responseCode = "204", description = "Marked read (a notice read before keeps its first read time)")
    @APIResponse(responseCode = "404", description = "The caller has no notice with this id")
    public Response markRead(@PathParam("id") String id) {
        queues.markNoticeRead(id);
        return Response.noContent().build();
    }
}
