package io.oversight.review.rest;

import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Roles;
import io.oversight.tasks.Preference;
import io.oversight.review.decision.ReviewWork;
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

/** A reviewer's held tasks: list, release, escalate, complete. Only the lease holder may act on a task. */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimedTasksResource {

    @Inject
    ReviewWork queues;

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
    public List<ReviewerClaimJson> mine() {
        return ReviewerClaimJson.of(queues.myClaims(), queues);
    }

    @POST
    @Path("{taskId}/release")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    public TaskJson release(@PathParam("taskId") String taskId, ReleaseRequest request) {
        return TaskJson.of(queues.release(taskId, request == null ? null : request.reason()));
    }

    @POST
    @Path("{taskId}/escalation")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    public TaskJson escalate(@PathParam("taskId") String taskId, EscalationRequest request) {
        if (request == null || request.toTier() == null) {
            throw InvalidInputException.of("toTier", "is required: the tier (2 or 3) to escalate to");
        }
        return TaskJson.of(queues.escalate(taskId, request.toTier(), request.reason()));
    }

    @POST
    @Path("{taskId}/completion")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    public TaskJson complete(@PathParam("taskId") String taskId, CompletionRequest request) {
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
    public Map<String, String> reveal(@PathParam("taskId") String taskId, RevealRequest request) {
        return queues.revealPersonalData(taskId, request == null ? null : request.justification());
    }

    @POST
    @Path("{taskId}/preference")
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR})
    public TaskJson prefer(@PathParam("taskId") String taskId, PreferenceRequest request) {
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
    public TaskJson skip(@PathParam("taskId") String taskId, SkipRequest request) {
        return TaskJson.of(queues.skip(taskId, request == null ? null : request.reason()));
    }
}
