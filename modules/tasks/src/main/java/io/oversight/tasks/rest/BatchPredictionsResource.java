package io.oversight.tasks.rest;

import io.oversight.tasks.intake.PredictionRequest;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.oversight.kernel.JsonBodies;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Roles;
import io.oversight.tasks.intake.IntakeService;
import io.oversight.tasks.settings.TasksConfiguration;
import io.oversight.tasks.intake.PredictionParser;
import io.oversight.tasks.rest.TaskViews.PredictionJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Intake of up to {@value PredictionParser#MAX_BATCH} predictions in one request and one
 * transaction: all are stored or, if any is invalid, none. Nobody waits here: inline predictions of
 * a batch are answered like async ones, with their status URL.
 */
@Path("workflows/{workflowKey}/predictions:batch")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BatchPredictionsResource {

    @Inject
    IntakeService intake;

    @Inject
    Callers callers;

    @Inject
    TasksConfiguration configuration;

    @Context
    UriInfo uriInfo;

    public record BatchJson(int received, int replayed, List<PredictionJson> results) {
    }

    /** The body's shape, for the API description: it is read as a stream, so that its size stays bounded. */
    public record BatchRequest(List<PredictionRequest> predictions) {
    }

    @POST
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchRequest.class),
            examples = {@ExampleObject(name = "two predictions", value = TasksExamples.BATCH_REQUEST)}))
    @APIResponse(responseCode = "200", description = "How many predictions are new and replayed, and each one's document, in request order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchJson.class),
            examples = {
                    @ExampleObject(name = "one replay, one new", value = TasksExamples.BATCH)}))
    public BatchJson submit(@PathParam("workflowKey") String workflowKey, InputStream body) {
        var requests = PredictionParser.parseBatch(JsonBodies.readObject(body, configuration.maxBatchBodyBytes()));
        var submissions = intake.submit(workflowKey, requests, callers.actorIn(Roles.INTEGRATION), true);
        List<PredictionJson> results = submissions.stream().map(s -> TaskViews.prediction(s.item(), s.replayed(),
                Optional.empty(), uriInfo.getBaseUriBuilder().path("workflows").path(workflowKey).path("predictions")
                        .path(s.item().id()).build())).toList();
        int replayed = (int) submissions.stream().filter(IntakeService.Submission::replayed).count();
        return new BatchJson(submissions.size() - replayed, replayed, results);
    }
}
