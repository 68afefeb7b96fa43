package io.oversight.tasks.rest;

import io.oversight.governance.Workflows;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.ledger.Roles;
import io.oversight.tasks.delivery.WebhookDeliveries;
import io.oversight.tasks.delivery.WebhookStore;
import io.oversight.tasks.delivery.WebhookStore.DeliveryStatus;
import io.oversight.tasks.rest.TaskViews.DeliveryPageJson;
import io.oversight.tasks.rest.TaskViews.ListedDeliveryJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A workflow's webhook deliveries (decisions, alerts and other modules' notifications), newest first:
 * what the intake settings' webhook was sent, whether it arrived, and when the next retry is due. Read by
 * those who may read the intake settings.
 */
@Path("workflows/{workflowKey}/webhook-deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveriesResource {

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Workflows workflows;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A workflow's webhook deliveries, newest first, with keyset paging",
            description = "Filters: status PENDING|DELIVERED|FAILED; from (inclusive) and to (exclusive) bound the"
                    + " creation time, ISO-8601 instants. limit 1.." + WebhookDeliveries.MAX_PAGE + " (default "
                    + WebhookDeliveries.DEFAULT_PAGE + "). Pass the returned nextBefore as before for the next page.")
    @APIResponse(responseCode = "200", description = "A page of deliveries, each with its latest attempt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeliveryPageJson.class),
            examples = {@ExampleObject(name = "a retry due and a delivered one, more to come",
                    value = TasksExamples.WORKFLOW_DELIVERIES)}))
    @APIResponse(responseCode = "400", description = "A filter or the limit is malformed or out of range")
    @APIResponse(responseCode = "404", description = "No such workflow")
    public DeliveryPageJson list(@PathParam("workflowKey") String workflowKey, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        if (workflows.find(workflowKey).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowKey + ".");
        }
        Optional<Instant> start = instant("from", from);
        Optional<Instant> end = instant("to", to);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw InvalidInputException.sentence("to", "to must be after from");
        }
        WebhookStore.Filter filter = new WebhookStore.Filter(status(status), start, end, deliveryId(before));
        WebhookDeliveries.Page page = deliveries.of(workflowKey, filter, limit(limit));
        return new DeliveryPageJson(page.deliveries().stream().map(ListedDeliveryJson::of).toList(),
                page.nextBeforeId().orElse(null));
    }

    private static Optional<DeliveryStatus> status(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeliveryStatus.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.sentence("status", "status must be PENDING, DELIVERED or FAILED");
        }
    }

    private static Optional<Instant> instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.sentence(field, field + " must be an ISO-8601 instant such as 2026-12-05T10:00:00Z");
        }
    }

    /** The page cursor: a delivery id, which is a UUID (anything else could never match, so it is refused). */
    private static Optional<String> deliveryId(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()).toString());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.sentence("before", "before must be the id of a delivery (nextBefore of the previous page)");
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return WebhookDeliveries.DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= WebhookDeliveries.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, as an out-of-range number is
        }
        throw InvalidInputException.sentence("limit", "limit must be a whole number from 1 to " + WebhookDeliveries.MAX_PAGE);
    }
}
