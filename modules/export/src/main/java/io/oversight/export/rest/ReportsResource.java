package io.oversight.export.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.oversight.kernel.FieldError;
import io.oversight.export.ComplianceReports;
import io.oversight.export.InvalidExportRequestException;
import io.oversight.export.ReportFormat;
import io.oversight.export.ReportJob;
import io.oversight.export.ReportRequest;
import io.oversight.export.UnknownExportException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Compliance reports for auditors and governance leads: request one for a workflow (or
 * all) and a period, follow its progress, download its XML and PDF once completed.
 */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export: compliance reports")
public class ReportsResource {

    @Inject
    ComplianceReports reports;

    @Inject
    Pseudonyms pseudonyms;

    @Context
    SecurityContext security;

    /** The body of a report request; times are ISO-8601 instants, workflow null or absent for all. */
    public record ReportRequestJson(String workflow, String from, String to) {
    }

    /** A report job as the API shows it. */
    public record ReportJobJson(String id, String workflow, Instant from, Instant to, String state, String requestedBy,
            String requestedRole, Instant requestedAt, Instant startedAt, Instant finishedAt, long rowsDone,
            long rowsTotal, Long etaSeconds, String failure, String xmlSha256, String pdfSha256, Long ledgerSequence,
            int attempts) {

        static ReportJobJson of(ReportJob j) {
            return new ReportJobJson(j.id(), j.workflow().orElse(null), j.from(), j.to(), j.state().name(),
                    j.requestedBy(), j.requestedRole(), j.requestedAt(), j.startedAt().orElse(null),
                    j.finishedAt().orElse(null), j.rowsDone(), j.rowsTotal(), j.eta().map(d -> d.toSeconds()).orElse(null),
                    j.failure().orElse(null), j.xmlSha256().orElse(null), j.pdfSha256().orElse(null),
                    j.ledgerSequence().orElse(null), j.attempts());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.GOVERNANCE})
    @Operation(summary = "Request a compliance report; it runs as a job")
    @APIResponse(responseCode = "202", description = "Queued; poll the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportJobJson.class),
            examples = {
                    @ExampleObject(name = "queued", value = ExportExamples.REPORT_QUEUED)}))
    @APIResponse(responseCode = "400", description = "Invalid period or unknown workflow; nothing was created")
    public Response request(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportRequestJson.class),
                    examples = {@ExampleObject(name = "November", value = ExportExamples.REPORT_REQUEST)}))
            ReportRequestJson body,
            @Context UriInfo uriInfo) {
        ReportJob job = reports.request(parse(body), caller());
        return Response.accepted(ReportJobJson.of(job))
                .location(uriInfo.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.GOVERNANCE})
    @Operation(summary = "Recent report jobs, newest first")
    @APIResponse(responseCode = "200", description = "Recent jobs, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReportJobJson.class),
            examples = {
                    @ExampleObject(name = "one completed", value = ExportExamples.REPORTS)}))
    public List<ReportJobJson> list(@QueryParam("limit") Integer limit) {
        return reports.recent(ExportRequests.recentLimit(limit)).stream().map(ReportJobJson::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.GOVERNANCE})
    @Operation(summary = "A report job: state, progress (rowsDone/rowsTotal, ETA), digests, ledger sequence")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportJobJson.class),
            examples = {
                    @ExampleObject(name = "completed", value = ExportExamples.REPORT_COMPLETED)}))
    public ReportJobJson get(@PathParam("id") String id) {
        return reports.find(id).map(ReportJobJson::of).orElseThrow(() -> new UnknownExportException(id));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.AUDITOR, Roles.GOVERNANCE})
    @Operation(summary = "Cancel a queued or running job")
    @APIResponse(responseCode = "409", description = "The job has finished")
    @APIResponse(responseCode = "200", description = "The cancelled job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportJobJson.class),
            examples = {
                    @ExampleObject(name = "cancelled", value = ExportExamples.REPORT_CANCELLED)}))
    public ReportJobJson cancel(@PathParam("id") String id) {
        return ReportJobJson.of(reports.cancel(id));
    }

    @POST
    @Path("{id}/restart")
    @RolesAllowed({Roles.AUDITOR, Roles.GOVERNANCE})
    @Operation(summary = "Run an interrupted, failed or cancelled job again")
    @APIResponse(responseCode = "409", description = "The job is queued, running or completed")
    @APIResponse(responseCode = "202", description = "Queued again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportJobJson.class),
            examples = {
                    @ExampleObject(name = "queued again", value = ExportExamples.REPORT_RESTARTED)}))
    public Response restart(@PathParam("id") String id) {
        return Response.accepted(ReportJobJson.of(reports.restart(id))).build();
    }

    @GET
    @Path("{id}/xml")
    @Produces({"application/xml", "application/problem+json"})
    @RolesAllowed({Roles.AUDITOR, Roles.GOVERNANCE})
    @Operation(summary = "The report's XML (schema compliance-report-1.xsd)")
    @APIResponse(responseCode = "409", description = "Not completed")
    @APIResponse(responseCode = "200", description = "The report XML, valid against compliance-report-1.xsd (namespace https://oversight.io/schema/compliance-report/1; docs/schema in the source)", content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xml(@PathParam("id") String id) {
        return download(id, ReportFormat.XML);
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({Roles.AUDITOR, Roles.GOVERNANCE})
    @Operation(summary = "The report's PDF/A-3b rendering, with the XML attached")
    @APIResponse(responseCode = "409", description = "Not completed")
    @APIResponse(responseCode = "200", description = "The report PDF/A-3b", content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("id") String id) {
        return download(id, ReportFormat.PDF);
    }

    private Response download(String id, ReportFormat format) {
        ReportJob job = reports.find(id).orElseThrow(() -> new UnknownExportException(id));
        // refuse before the response starts, so a refusal is still problem+json
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try {
            reports.writeArtifact(id, format, buffer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String sha = format == ReportFormat.XML ? job.xmlSha256().orElse("") : job.pdfSha256().orElse("");
        StreamingOutput body = out -> buffer.writeTo(out);
        return Response.ok(body, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"compliance-report-" + id + "." + format.extension() + "\"")
                .header("X-Content-SHA256", sha)
                .build();
    }

    private ReportRequest parse(ReportRequestJson body) {
        List<FieldError> problems = new ArrayList<>();
        if (body == null) {
            throw new InvalidExportRequestException(List.of(
                    new FieldError("body", "is required")));
        }
        Instant from = ExportRequests.instant("from", body.from(), problems);
        Instant to = ExportRequests.instant("to", body.to(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidExportRequestException(problems);
        }
        String workflow = body.workflow() == null || body.workflow().isBlank() ? null : body.workflow();
        return new ReportRequest(Optional.ofNullable(workflow), from, to);
    }

    /** The caller as the ledger records them, in the first of auditor or governance they hold. */
    private Actor caller() {
        String role = security.isUserInRole(Roles.AUDITOR) ? Roles.AUDITOR : Roles.GOVERNANCE;
        return new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, security.getUserPrincipal().getName()), role);
    }
}
