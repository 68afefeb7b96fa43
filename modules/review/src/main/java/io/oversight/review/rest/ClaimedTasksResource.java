package io.oversight.review.rest;

import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Roles;
import io.oversight.tasks.Preference;
import io.oversight.review.ReviewQueues;
import io.oversight.tasks.TaskDocuments.TaskJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A reviewer's held tasks: list, release, escalate, complete. Only the lease holder may act on a task. */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimedTasksResource {

    @Inject
    ReviewQueues queues;

    public record ReleaseRequest(String reason) {
    }

    public record EscalationRequest(Integer toTier, String reason) {
    }

    /** {@code verdict}: APPROVE, CORRECT (with labels or output) or REJECT. */
    public record CompletionRequest(String verdict, List<String> labels, String output, String rationale) {
    }

    public record SkipRequest(String reason) {
    }

    public record RevealRequest(String justification) {
    }

    /** {@code preference}: A, B, TIE or BOTH_BAD, as the task shows the two outputs. */
    public record PreferenceRequest(String preference, String rationale) {
    }

    @GET
    @Path("mine")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    @APIResponse(responseCode = "200", description = "The tasks the caller holds, soonest lease expiry first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReviewerClaimJson.class),
            examples = {
                    @ExampleObject(name = "one shown, one blind", value = ReviewExamples.HELD)}))
    public List<ReviewerClaimJson> mine() {
        return ReviewerClaimJson.of(queues.myClaims(), queues);
    }

    @POST
    @Path("{taskId}/release")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    @APIResponse(responseCode = "200", description = "The task, back in its queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskJson.class),
            examples = {
                    @ExampleObject(name = "released", value = ReviewExamples.RELEASED)}))
    public TaskJson release(@PathParam("taskId") String taskId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReleaseRequest.class),
                    examples = {@ExampleObject(name = "with a reason", value = ReviewExamples.RELEASE_REQUEST)}))
            ReleaseRequest request) {
        return TaskJson.of(queues.release(taskId, request == null ? null : request.reason()));
    }

    @POST
    @Path("{taskId}/escalation")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    @APIResponse(responseCode = "200", description = "The new open task in the higher tier",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskJson.class),
            examples = {
                    @ExampleObject(name = "escalated to tier 3", value = ReviewExamples.ESCALATED)}))
    public TaskJson escalate(@PathParam("taskId") String taskId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EscalationRequest.class),
                    examples = {@ExampleObject(name = "to tier 3", value = ReviewExamples.ESCALATION_REQUEST)}))
            EscalationRequest request) {
        if (request == null || request.toTier() == null) {
            throw InvalidInputException.of("toTier", "is required: the tier (2 or 3) to escalate to");
        }
        return TaskJson.of(queues.escalate(taskId, request.toTier(), request.reason()));
    }

    @POST
    @Path("{taskId}/completion")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    @APIResponse(responseCode = "200", description = "The completed task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskJson.class),
            examples = {
                    @ExampleObject(name = "completed", value = ReviewExamples.COMPLETED)}))
    public TaskJson complete(@PathParam("taskId") String taskId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CompletionRequest.class),
                    examples = {@ExampleObject(name = "correction", value = ReviewExamples.COMPLETION_REQUEST), @ExampleObject(name = "approval", value = ReviewExamples.APPROVAL_REQUEST)}))
            CompletionRequest request) {
        if (request == null) {
            throw InvalidInputException.of("body", "is required: a verdict, labels or output when correcting, a rationale");
        }
        return TaskJson.of(queues.complete(taskId, ReviewBodies.result(request.verdict(), request.labels(),
                request.output(), request.rationale())));
    }

    /** The held item's personal data by payload path, for a reviewer allowed to see it; recorded in the ledger. */
    @POST
    @Path("{taskId}/personal-data")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    @APIResponse(responseCode = "200", description = "The item's personal data by payload path",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = String.class),
            examples = {@ExampleObject(name = "name and e-mail", value = ReviewExamples.REVEALED)}))
    public Map<String, String> reveal(@PathParam("taskId") String taskId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RevealRequest.class),
                    examples = {@ExampleObject(name = "justification", value = ReviewExamples.REVEAL_REQUEST)}))
            RevealRequest request) {
        return queues.revealPersonalData(taskId, request == null ? null : request.justification());
    }

    @POST
    @Path("{taskId}/preference")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    @APIResponse(responseCode = "200", description = "The completed task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskJson.class),
            examples = {
                    @ExampleObject(name = "completed", value = ReviewExamples.PREFERRED)}))
    public TaskJson prefer(@PathParam("taskId") String taskId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PreferenceRequest.class),
                    examples = {@ExampleObject(name = "A preferred", value = ReviewExamples.PREFERENCE_REQUEST)}))
            PreferenceRequest request) {
        Preference preference;
        try {
            preference = Preference.valueOf(request == null || request.preference() == null ? ""
                    : request.preference().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("preference", "is required: A, B, TIE or BOTH_BAD");
        }
        return TaskJson.of(queues.completePreference(taskId, preference, request.rationale()));
    }

    @POST
    @Path("{taskId}/skip")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    @APIResponse(responseCode = "200", description = "The task, back in its queue; the caller is not offered its item again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskJson.class),
            examples = {
                    @ExampleObject(name = "skipped", value = ReviewExamples.SKIPPED)}))
    public TaskJson skip(@PathParam("taskId") String taskId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SkipRequest.class),
                    examples = {@ExampleObject(name = "with a reason", value = ReviewExamples.SKIP_REQUEST)}))
            SkipRequest request) {
        return TaskJson.of(queues.skip(taskId, request == null ? null : request.reason()));
    }
}
