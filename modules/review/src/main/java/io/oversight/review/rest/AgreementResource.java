package io.oversight.review.rest;

import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Roles;
import io.oversight.review.AgreementQuery;
import io.oversight.review.AgreementReport;
import io.oversight.review.AgreementReports;
import io.oversight.review.PredictionExposureReport;
import io.oversight.review.PredictionExposureReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Agreement metrics of a workflow's reviews: {@code GET /api/v1/agreement?workflow=K} with
 * optional {@code from}, {@code to} (ISO-8601 instants, default the last 30 days), {@code tier},
 * {@code guideline} (a guideline version id) and {@code label} (one-vs-rest on that label).
 */
@Path("agreement")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    @Inject
    AgreementReports reports;

    @Inject
    PredictionExposureReports exposure;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    public Response report(@QueryParam("workflow") String workflowKey, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("tier") Integer tier, @QueryParam("guideline") String guidelineId,
            @QueryParam("label") String label) {
        if (workflowKey == null || workflowKey.isBlank()) {
            throw invalid("workflow", "is required");
        }
        if (tier != null && (tier < 1 || tier > 3)) {
            throw invalid("tier", "must be 1, 2 or 3");
        }
        Instant[] period = period(from, to);
        AgreementReport report = reports.report(new AgreementQuery(workflowKey, period[0], period[1], Optional.ofNullable(tier),
                Optional.ofNullable(guidelineId), Optional.ofNullable(label).filter(l -> !l.isBlank())));
        return Response.ok(report).build();
    }

    /**
     * Automation-bias check: agreement with the model and with peers of the workflow's reviews made with the
     * prediction in view and made blind, with their counts, over the same period and tier filter as the report.
     */
    @GET
    @Path("prediction-exposure")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    public PredictionExposureReport predictionExposure(@QueryParam("workflow") String workflowKey,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tier") Integer tier) {
        if (workflowKey == null || workflowKey.isBlank()) {
            throw invalid("workflow", "is required");
        }
        if (tier != null && (tier < 1 || tier > 3)) {
            throw invalid("tier", "must be 1, 2 or 3");
        }
        Instant[] period = period(from, to);
        return exposure.report(workflowKey, period[0], period[1], Optional.ofNullable(tier));
    }

    /** [start, end): {@code to} defaults to now, {@code from} to 30 days before it. */
    private static Instant[] period(String from, String to) {
        Instant end;
        Instant start;
        try {
            end = to == null ? Instant.now() : Instant.parse(to);
            start = from == null ? end.minus(DEFAULT_PERIOD) : Instant.parse(from);
        } catch (DateTimeParseException e) {
            throw invalid(from != null && !isInstant(from) ? "from" : "to", "must be an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z");
        }
        if (!start.isBefore(end)) {
            throw invalid("from", "must be before to");
        }
        return new Instant[] {start, end};
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException("The agreement query is invalid: " + field + " " + message,
                List.of(new FieldError(field, message)));
    }
}
