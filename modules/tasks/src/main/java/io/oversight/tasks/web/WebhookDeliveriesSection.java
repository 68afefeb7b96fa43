package io.oversight.tasks.web;

import io.oversight.kernel.PageMessages;
import io.oversight.tasks.delivery.WebhookDeliveries;
import io.oversight.tasks.delivery.WebhookStore;
import io.oversight.tasks.delivery.WebhookStore.DeliveryStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The intake settings page's list of a workflow's recent webhook deliveries, as
 * {@code GET /api/v1/workflows/{key}/webhook-deliveries} lists them: newest first, filtered by status
 * through the address (?deliveryStatus=FAILED) so a filtered list can be linked, paged by a cursor,
 * each with its last answer or error in words.
 */
@Named
@RequestScoped
public class WebhookDeliveriesSection {

    private static final int DELIVERIES_SHOWN = 25;

    @Inject
    WebhookDeliveries deliveries;

    private String deliveryStatus = "";
    private String message = "";
    private WebhookDeliveries.Page page;

    /**
     * Lists the workflow's deliveries the address asks for; an unknown status or cursor is ignored, and
     * said beside the status filter ({@link #getMessage()}).
     */
    void list(String workflow) {
        Optional<DeliveryStatus> status = Optional.empty();
        String statusParameter = PageMessages.parameter("deliveryStatus");
        if (statusParameter != null && !statusParameter.isBlank()) {
            try {
                status = Optional.of(DeliveryStatus.valueOf(statusParameter.toUpperCase(Locale.ROOT)));
                deliveryStatus = status.get().name();
            } catch (IllegalArgumentException e) {
                message = "No delivery status " + statusParameter + ": all deliveries are listed.";
            }
        }
        Optional<String> before = Optional.empty();
        String beforeParameter = PageMessages.parameter("before");
        if (beforeParameter != null && !beforeParameter.isBlank()) {
            try {
                before = Optional.of(UUID.fromString(beforeParameter).toString());
            } catch (IllegalArgumentException e) {
                message = "The link to older deliveries is damaged: the newest are listed.";
            }
        }
        page = deliveries.of(workflow, new WebhookStore.Filter(status, Optional.empty(), Optional.empty(), before),
                DELIVERIES_SHOWN);
    }

    /** Why the address's filter or cursor was ignored; empty when it was not. */
    public String getMessage() {
        return message;
    }

    /** The listed deliveries (empty while no workflow is open). */
    public List<WebhookStore.Listed> getDeliveries() {
        return page == null ? List.of() : page.deliveries();
    }

    /** The id that starts the next, older page, or null when this page is the last. */
    public String getOlderDeliveriesBefore() {
        return page == null ? null : page.nextBeforeId().orElse(null);
    }

    /** The status filter in effect ("" for all). */
    public String getDeliveryStatus() {
        return deliveryStatus;
    }

    public DeliveryStatus[] getDeliveryStatuses() {
        return DeliveryStatus.values();
    }

    /** A delivery's state in words: a pending one has either not been tried yet or waits for a retry. */
    public String describe(WebhookStore.Listed listed) {
        WebhookStore.Delivery d = listed.delivery();
        return switch (d.status()) {
            case DELIVERED -> "Delivered";
            case FAILED -> "Failed, given up";
            case PENDING -> d.attempts() == 0 ? "Queued" : "Waiting for a retry";
        };
    }

    /** The receiver's answer or the error of the latest attempt, as people read it. */
    public String lastOutcome(WebhookStore.Listed listed) {
        return listed.lastAttempt().map(a -> a.error().map(WebhookDeliveriesSection::readable)
                .orElseGet(() -> a.statusCode().map(c -> "HTTP " + c).orElse(""))).orElse("not tried yet");
    }

    /**
     * The dispatcher records a network failure as "SomeException: its message" (the API shows that as
     * stored); people read what happened instead of a Java class name.
     */
    private static String readable(String error) {
        int colon = error.indexOf(": ");
        String type = colon < 0 ? "" : error.substring(0, colon);
        if (!type.endsWith("Exception")) {
            return error;
        }
        String detail = error.substring(colon + 2);
        String what = switch (type) {
            case "ConnectException" -> "could not connect to the receiver";
            case "HttpConnectTimeoutException" -> "the receiver did not accept a connection in time";
            case "HttpTimeoutException" -> "the receiver did not answer in time";
            case "UnknownHostException" -> "the receiver's host name is unknown";
            case "SSLHandshakeException" -> "the receiver's TLS certificate was not accepted";
            default -> "network error";
        };
        return detail.isBlank() || detail.equals("null") ? what : what + " (" + detail + ")";
    }

    public Optional<Instant> lastAttemptAt(WebhookStore.Listed listed) {
        return listed.lastAttempt().map(WebhookStore.Attempt::attemptedAt);
    }
}
