package io.oversight.tasks.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.oversight.kernel.JsonBodies;
import io.oversight.ledger.Callers;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.ledger.Roles;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.intake.FeedbackService;
import io.oversight.tasks.delivery.InlineWaits;
import io.oversight.tasks.intake.IntakeCoalescer;
import io.oversight.tasks.intake.IntakeService;
import io.oversight.tasks.intake.IntakeService.Submission;
import io.oversight.tasks.TaskLeases;
import io.oversight.tasks.settings.TasksConfiguration;
import io.oversight.tasks.delivery.WebhookDispatcher;
import io.oversight.tasks.intake.PredictionParser;
import io.oversight.tasks.intake.PredictionRequest;
import io.oversight.tasks.rest.TaskViews.DeliveryJson;
import io.oversight.tasks.rest.TaskViews.FeedbackJson;
import io.oversight.tasks.rest.TaskViews.PredictionJson;
import io.oversight.governance.IntegrationMode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

/**
 * Intake of one prediction, its status URL, its webhook deliveries, and user feedback
 * on its decision (T8). Async and shadow callers are answered at once (201 when the policy decided,
 * 202 when people will); inline callers wait for the people's decision up to their timeout.
 */
@Path("workflows/{workflowKey}/predictions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PredictionsResource {

    @Inject
    IntakeService intake;

    @Inject
    IntakeCoalescer coalescer;

    @Inject
    InlineWaits inlineWaits;

    @Inject
    TaskLeases leases;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    FeedbackService feedback;

    @Inject
    Callers callers;

    @Inject
    TasksConfiguration configuration;

    @Inject
    Clock clock;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Settled by the routing policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskViews.PredictionJson.class),
            examples = {
                    @ExampleObject(name = "auto-accepted", value = TasksExamples.AUTO_ACCEPTED)}))
    @APIResponse(responseCode = "202", description = "Routed to people; poll the status URL or wait for the webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskViews.PredictionJson.class),
            examples = {
                    @ExampleObject(name = "in review", value = TasksExamples.IN_REVIEW)}))
    @APIResponse(responseCode = "200", description = "A replay of a client key already sent, or an inline answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskViews.PredictionJson.class),
            examples = {
                    @ExampleObject(name = "replay of a decided prediction", value = TasksExamples.DECIDED)}))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PredictionRequest.class),
            examples = {@ExampleObject(name = "async, with personal data", value = TasksExamples.PREDICTION_REQUEST),
                    @ExampleObject(name = "inline", value = TasksExamples.INLINE_REQUEST)}))
    public void submit(@PathParam("workflowKey") String workflowKey, InputStream body,
            @Suspended AsyncResponse response) {
        PredictionRequest request = PredictionParser.parse(JsonBodies.readObject(body, configuration.maxBodyBytes()));
        // checked here, on the request's thread: a bad prediction is refused alone and never joins a group
        IntakeService.CheckedPrediction checked = intake.check(workflowKey, request);
        URI baseUri = uriInfo.getBaseUri();
        coalescer.submit(workflowKey, checked, callers.actorIn(Roles.INTEGRATION), (submission, failure) -> {
            if (failure != null) {
                response.resume(failure);
            } else {
                answer(request, submission, statusUrl(baseUri, workflowKey, submission.item().id()), response);
            }
        });
    }

    /** Runs after the prediction's transaction committed, on whichever thread wrote its group. */
    private void answer(PredictionRequest request, Submission submission, URI statusUrl,
            AsyncResponse response) {
        ReviewItem item = submission.item();
        if (submission.mode() == IntegrationMode.INLINE && item.status() == ItemStatus.IN_REVIEW) {
            int timeout = request.timeoutMillis().orElse(submission.settings().inlineTimeoutMillis());
            inlineWaits.await(item.id(), clock.instant().plusMillis(timeout), submission.settings().inlineTimeoutOutcome(),
                    answer -> response.resume(Response.ok(TaskViews.answer(answer, statusUrl)).location(statusUrl).build()));
            return;
        }
        response.resume(Response.status(statusOf(submission)).location(statusUrl)
                .entity(TaskViews.prediction(item, submission.replayed(), Optional.empty(), statusUrl)).build());
    }

    /** 200 for a replay, 201 when the policy settled the prediction, 202 when people will. */
    static int statusOf(Submission submission) {
        if (submission.replayed()) {
            return 200;
        }
        ItemStatus status = submission.item().status();
        return status == ItemStatus.AUTO_ACCEPTED || status == ItemStatus.AUTO_REJECTED ? 201 : 202;
    }

    @GET
    @Path("{itemId}")
    @RolesAllowed({Roles.INTEGRATION, Roles.GOVERNANCE, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "The prediction document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PredictionJson.class),
            examples = {
                    @ExampleObject(name = "in review", value = TasksExamples.IN_REVIEW),
                    @ExampleObject(name = "decided", value = TasksExamples.DECIDED)}))
    public PredictionJson status(@PathParam("workflowKey") String workflowKey, @PathParam("itemId") String itemId) {
        ReviewItem item = itemOf(workflowKey, itemId);
        return TaskViews.prediction(item, false, Optional.empty(), statusUrl(workflowKey, itemId));
    }

    @GET
    @Path("{itemId}/webhook-deliveries")
    @RolesAllowed({Roles.INTEGRATION, Roles.GOVERNANCE, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "The webhook deliveries with their attempts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryJson.class),
            examples = {
                    @ExampleObject(name = "delivered at the second attempt", value = TasksExamples.DELIVERIES)}))
    public List<DeliveryJson> deliveries(@PathParam("workflowKey") String workflowKey, @PathParam("itemId") String itemId) {
        itemOf(workflowKey, itemId);
        return webhooks.deliveriesOf(itemId).stream().map(d -> new DeliveryJson(d.id(), d.url(), d.status().name(),
                d.attempts(), d.nextAttemptAt().orElse(null), d.createdAt(), d.deliveredAt().orElse(null),
                webhooks.attemptsOf(d.id()).stream().map(TaskViews.AttemptJson::of).toList())).toList();
    }

    /** A thumbs-down or issue report from the caller's user, on the item's decision. */
    public record FeedbackRequest(String kind, String comment) {
    }

    @POST
    @Path("{itemId}/feedback")
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Feedback received; a feedback review task was opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskViews.FeedbackJson.class),
            examples = {
                    @ExampleObject(name = "issue report", value = TasksExamples.FEEDBACK)}))
    public Response feedback(@PathParam("workflowKey") String workflowKey, @PathParam("itemId") String itemId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedbackRequest.class),
                    examples = {@ExampleObject(name = "issue report", value = TasksExamples.FEEDBACK_REQUEST)}))
            FeedbackRequest request) {
        if (request == null) {
            throw InvalidInputException.of("body", "is required: {\"kind\": \"THUMBS_DOWN\" or \"REPORT_ISSUE\", \"comment\": ...}");
        }
        FeedbackService.Kind kind;
        try {
            kind = FeedbackService.Kind.valueOf(String.valueOf(request.kind()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", "must be THUMBS_DOWN or REPORT_ISSUE");
        }
        FeedbackService.Feedback received = feedback.report(workflowKey, itemId, kind, request.comment(),
                callers.actorIn(Roles.INTEGRATION));
        return Response.status(201).entity(new FeedbackJson(received.id(), received.itemId(), received.kind().name(),
                received.taskId(), received.tier(), received.priority(), received.receivedAt())).build();
    }

    private ReviewItem itemOf(String workflowKey, String itemId) {
        return leases.item(itemId, false).filter(i -> i.workflowKey().equals(workflowKey))
                .orElseThrow(() -> new NotFoundException("No prediction " + itemId + " in workflow " + workflowKey + "."));
    }

    private URI statusUrl(String workflowKey, String itemId) {
        return statusUrl(uriInfo.getBaseUri(), workflowKey, itemId);
    }

    private static URI statusUrl(URI baseUri, String workflowKey, String itemId) {
        return UriBuilder.fromUri(baseUri).path("workflows").path(workflowKey).path("predictions").path(itemId).build();
    }
}
