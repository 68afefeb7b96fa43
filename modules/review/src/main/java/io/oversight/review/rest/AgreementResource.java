package io.oversight.review.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

/**
 * Agreement metrics of a workflow's reviews: {@code GET /api/v1/agreement?workflow=K} with
 * optional {@code from}, {@code to} (ISO-8601 instants, default the last 30 days), {@code tier},
 * {@code guideline} (a guideline version id) and {@code label} (one-vs-rest on that label).
 * A filter that cannot match anything is refused rather than answered with empty metrics: an unknown
 * workflow or guideline version is 404, a malformed tier or id or a label outside the taxonomy 400.
 */
@Path("agreement")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    @Inject
    AgreementReports reports;

    @Inject
    Workflows workflows;

    @Inject
    Guidelines guidelines;

    @Inject
    PredictionExposureReports exposure;

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "The agreement report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementReport.class),
            examples = {
                    @ExampleObject(name = "two reviewers per item", value = ReviewExamples.AGREEMENT)}))
    @APIResponse(responseCode = "400", description = "A malformed or reversed period, a tier other than 1-3, a malformed guideline id, a label outside the taxonomy")
    @APIResponse(responseCode = "404", description = "Unknown workflow, or a guideline version not of this workflow")
    public Response report(@QueryParam("workflow") String workflowKey, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("tier") String tierText, @QueryParam("guideline") String guidelineId,
            @QueryParam("label") String label) {
        return Response.ok(reports.report(query(workflowKey, from, to, tierText, guidelineId, label))).build();
    }

    /** The query these parameters ask for, or the refusal naming the first parameter that cannot match. */
    AgreementQuery query(String workflowKey, String from, String to, String tierText, String guidelineId, String label) {
        if (workflowKey == null || workflowKey.isBlank()) {
            throw invalid("workflow", "is required");
        }
        Optional<Integer> tier = tier(tierText);
        Instant[] period = period(from, to);
        Workflow workflow = workflows.find(workflowKey)
                .orElseThrow(() -> new NotFoundException("There is no workflow '" + workflowKey + "'."));
        Optional<String> guideline = guideline(workflow, guidelineId);
        Optional<String> oneLabel = label(workflow, label);
        return new AgreementQuery(workflowKey, period[0], period[1], tier, guideline, oneLabel);
    }

    /**
     * Automation-bias check: agreement with the model and with peers of the workflow's reviews made with the
     * prediction in view and made blind, with their counts, over the same period and tier filter as the report.
     */
    @GET
    @Path("prediction-exposure")
    @RolesAllowed({Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "Reviews with the prediction shown against blind ones",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PredictionExposureReport.class),
            examples = {
                    @ExampleObject(name = "shown and hidden", value = ReviewExamples.EXPOSURE)}))
    public PredictionExposureReport predictionExposure(@QueryParam("workflow") String workflowKey,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tier") String tierText) {
        if (workflowKey == null || workflowKey.isBlank()) {
            throw invalid("workflow", "is required");
        }
        Optional<Integer> tier = tier(tierText);
        Instant[] period = period(from, to);
        workflows.find(workflowKey).orElseThrow(() -> new NotFoundException("There is no workflow '" + workflowKey + "'."));
        return exposure.report(workflowKey, period[0], period[1], tier);
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

    private static Optional<Integer> tier(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (!trimmed.equals("1") && !trimmed.equals("2") && !trimmed.equals("3")) {
            throw invalid("tier", "must be 1, 2 or 3");
        }
        return Optional.of(Integer.parseInt(trimmed));
    }

    private Optional<String> guideline(Workflow workflow, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("guideline", "must be a guideline version id (a UUID)");
        }
        return Optional.of(guidelines.find(id.trim()).filter(g -> g.workflowKey().equals(workflow.key()))
                .map(GuidelineVersion::id)
                .orElseThrow(() -> new NotFoundException("Workflow '" + workflow.key()
                        + "' has no guideline version " + id.trim() + ".")));
    }

    private static Optional<String> label(Workflow workflow, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        if (!workflow.taxonomy().contains(code)) {
            String known = workflow.taxonomy().labels().stream().map(TaxonomyLabel::code)
                    .collect(Collectors.joining(", "));
            throw invalid("label", "'" + code + "' is not a label of workflow '" + workflow.key()
                    + "' (its labels: " + known + ")");
        }
        return Optional.of(code);
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
