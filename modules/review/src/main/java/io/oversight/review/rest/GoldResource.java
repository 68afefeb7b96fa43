package io.oversight.review.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Roles;
import io.oversight.review.GoldItem;
import io.oversight.review.ReviewerAccuracy;
import io.oversight.review.ReviewerPause;
import io.oversight.review.quality.GoldService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Gold items, reviewers' accuracy on them, and the pauses that accuracy triggers. */
@Path("gold")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GoldResource {

    @Inject
    GoldService gold;

    public record MarkRequest(String itemId, String verdict, List<String> labels, String output, String rationale) {
    }

    public record ResumeRequest(String reason) {
    }

    public record GoldJson(String itemId, String workflow, String verdict, List<String> labels, String output,
            Instant markedAt) {

        static GoldJson of(GoldItem g) {
            return new GoldJson(g.itemId(), g.workflowKey(), g.verdict().name(), g.labels(), g.output().orElse(null),
                    g.markedAt());
        }
    }

    public record AccuracyJson(String reviewer, int answers, int correct, Double accuracy, Double windowAccuracy,
            boolean paused, List<ReviewerAccuracy.DailyAccuracy> trend) {

        static AccuracyJson of(ReviewerAccuracy a) {
            return new AccuracyJson(a.reviewer(), a.answers(), a.correct(), a.accuracy().orElse(null),
                    a.windowAccuracy().orElse(null), a.paused(), a.trend());
        }
    }

    public record PauseJson(String id, String reviewer, String workflow, String reason, double accuracy, int answers,
            Instant pausedAt, Instant resumedAt) {

        static PauseJson of(ReviewerPause p) {
            return new PauseJson(p.id(), p.reviewer(), p.workflowKey(), p.reason(), p.accuracy(), p.answers(),
                    p.pausedAt(), p.resumedAt().orElse(null));
        }
    }

    @POST
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN})
    @APIResponse(responseCode = "201", description = "Marked as gold",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GoldJson.class),
            examples = {
                    @ExampleObject(name = "known correction", value = ReviewExamples.GOLD)}))
    public Response mark(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MarkRequest.class),
                    examples = {@ExampleObject(name = "known correction", value = ReviewExamples.MARK_REQUEST)}))
            MarkRequest request) {
        if (request == null) {
            throw InvalidInputException.of("itemId", "is required: the item whose known answer this is");
        }
        GoldItem marked = gold.mark(request.itemId(), ReviewBodies.result(request.verdict(), request.labels(),
                request.output(), request.rationale()));
        return Response.status(Response.Status.CREATED).entity(GoldJson.of(marked)).build();
    }

    @DELETE
    @Path("{itemId}")
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN})
    @APIResponse(responseCode = "204", description = "Retired")
    public Response retire(@PathParam("itemId") String itemId) {
        gold.retire(itemId);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "The gold items served now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = GoldJson.class),
            examples = {
                    @ExampleObject(name = "one item", value = ReviewExamples.GOLDS)}))
    public List<GoldJson> active(@QueryParam("workflow") String workflowKey) {
        return gold.active(required(workflowKey)).stream().map(GoldJson::of).toList();
    }

    @GET
    @Path("accuracy")
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "Per reviewer: gold answers, accuracy and trend over the last 90 days",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AccuracyJson.class),
            examples = {
                    @ExampleObject(name = "two reviewers", value = ReviewExamples.ACCURACY)}))
    public List<AccuracyJson> accuracy(@QueryParam("workflow") String workflowKey) {
        return gold.accuracy(required(workflowKey)).stream().map(AccuracyJson::of).toList();
    }

    @GET
    @Path("pauses")
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "Reviewers paused now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PauseJson.class),
            examples = {
                    @ExampleObject(name = "one pause", value = ReviewExamples.PAUSES)}))
    public List<PauseJson> pauses() {
        return gold.activePauses().stream().map(PauseJson::of).toList();
    }

    @POST
    @Path("pauses/{pauseId}/resumption")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The pause, ended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PauseJson.class),
            examples = {
                    @ExampleObject(name = "resumed", value = ReviewExamples.RESUMED)}))
    public PauseJson resume(@PathParam("pauseId") String pauseId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResumeRequest.class),
                    examples = {@ExampleObject(name = "reason", value = ReviewExamples.RESUME_REQUEST)}))
            ResumeRequest request) {
        return PauseJson.of(gold.resume(pauseId, request == null ? null : request.reason()));
    }

    private static String required(String workflowKey) {
        if (workflowKey == null || workflowKey.isBlank()) {
            throw InvalidInputException.of("workflow", "is required");
        }
        return workflowKey;
    }
}
