package io.oversight.review.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.tasks.TaskDocuments;
import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Roles;
import io.oversight.review.AdjudicationCase;
import io.oversight.review.AdjudicationQueue;
import io.oversight.review.ReviewSummary;
import io.oversight.review.adjudication.AdjudicationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The adjudication queue: claim, read the reviews, release, decide; queue counts and lead times. */
@Path("adjudications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdjudicationsResource {

    @Inject
    AdjudicationService adjudications;

    public record DecisionRequest(String verdict, List<String> labels, String output, String rationale,
            Boolean notifyReviewers) {
    }

    public record ReviewJson(String reviewer, int tier, String verdict, List<String> labels, String output,
            String rationale, Instant completedAt) {

        static ReviewJson of(ReviewSummary r) {
            return new ReviewJson(r.reviewer(), r.tier(), r.verdict().name(), r.labels(), r.output().orElse(null),
                    r.rationale().orElse(null), r.completedAt());
        }
    }

    public record AdjudicationJson(String id, String status, String itemId, String workflow, List<String> predictedLabels,
            String predictedOutput, double confidence, JsonValue payload, List<ReviewJson> reviews, Instant createdAt,
            Instant leaseExpiresAt, Instant completedAt, List<String> decisionLabels, String decisionVerdict) {

        static AdjudicationJson of(AdjudicationCase a) {
            var i = a.item();
            return new AdjudicationJson(a.id(), a.status(), i.id(), i.workflowKey(), i.predictedLabels(),
                    i.predictedOutput().orElse(null), i.confidence(), TaskDocuments.payload(i.payloadJson()),
                    a.reviews().stream().map(ReviewJson::of).toList(), a.createdAt(), a.leaseExpiresAt().orElse(null),
                    a.completedAt().orElse(null), i.decisionLabels(), i.decisionVerdict().map(Enum::name).orElse(null));
        }
    }

    public record QueueJson(String workflow, long open, long claimed, long decidedLast30Days, Long medianLeadTimeSeconds,
            Long p90LeadTimeSeconds) {

        static QueueJson of(AdjudicationQueue q) {
            return new QueueJson(q.workflowKey(), q.open(), q.claimed(), q.decidedLast30Days(),
                    q.medianLeadTime().map(d -> d.toSeconds()).orElse(null), q.p90LeadTime().map(d -> d.toSeconds()).orElse(null));
        }
    }

    /** 200 with the adjudication taken, 204 when none is waiting that the caller may take. */
    @POST
    @Path("claims")
    @RolesAllowed(Roles.ADJUDICATOR)
    @APIResponse(responseCode = "200", description = "The claimed disagreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdjudicationJson.class),
            examples = {
                    @ExampleObject(name = "two reviews disagree", value = ReviewExamples.ADJUDICATION)}))
    @APIResponse(responseCode = "204", description = "Nothing waits for this adjudicator")
    public Response claim(@QueryParam("workflow") String workflowKey) {
        if (workflowKey == null || workflowKey.isBlank()) {
            throw InvalidInputException.of("workflow", "is required: the workflow whose adjudication queue to claim from");
        }
        return adjudications.claimNext(workflowKey).map(AdjudicationJson::of).map(a -> Response.ok(a).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("mine")
    @RolesAllowed(Roles.ADJUDICATOR)
    @APIResponse(responseCode = "200", description = "The disagreements the caller holds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AdjudicationJson.class),
            examples = {
                    @ExampleObject(name = "one held", value = ReviewExamples.ADJUDICATIONS)}))
    public List<AdjudicationJson> mine() {
        return adjudications.mine().stream().map(AdjudicationJson::of).toList();
    }

    @POST
    @Path("{id}/release")
    @RolesAllowed(Roles.ADJUDICATOR)
    @APIResponse(responseCode = "200", description = "The disagreement, open again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdjudicationJson.class),
            examples = {
                    @ExampleObject(name = "released", value = ReviewExamples.ADJUDICATION_RELEASED)}))
    public AdjudicationJson release(@PathParam("id") String id) {
        return AdjudicationJson.of(adjudications.release(id));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.ADJUDICATOR)
    @APIResponse(responseCode = "200", description = "The decided disagreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdjudicationJson.class),
            examples = {
                    @ExampleObject(name = "corrected", value = ReviewExamples.DECIDED)}))
    public AdjudicationJson decide(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionRequest.class),
                    examples = {@ExampleObject(name = "correction, reviewers told", value = ReviewExamples.DECISION_REQUEST)}))
            DecisionRequest request) {
        if (request == null) {
            throw InvalidInputException.of("body", "is required: a verdict, labels or output when correcting, a rationale");
        }
        return AdjudicationJson.of(adjudications.decide(id, ReviewBodies.result(request.verdict(), request.labels(),
                request.output(), request.rationale()), Boolean.TRUE.equals(request.notifyReviewers())));
    }

    @GET
    @Path("queues")
    @RolesAllowed({Roles.ADJUDICATOR, Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "Per workflow: waiting, held and decided disagreements, lead times",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = QueueJson.class),
            examples = {
                    @ExampleObject(name = "one workflow", value = ReviewExamples.ADJUDICATION_QUEUES)}))
    public List<QueueJson> queues() {
        return adjudications.queues().stream().map(QueueJson::of).toList();
    }
}
