package io.oversight.export.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.oversight.export.DatasetFormat;
import io.oversight.export.DatasetJob;
import io.oversight.export.DatasetRequest;
import io.oversight.export.ExportConflictException;
import io.oversight.export.InvalidExportRequestException;
import io.oversight.export.JobState;
import io.oversight.export.TrainingSets;
import io.oversight.export.UnknownExportException;
import io.oversight.kernel.FieldError;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.Roles;
import io.oversight.tasks.DecisionSource;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Training-set exports for governance leads and the customer's training pipeline
 * (integration): request one, follow its progress, read its manifest, download its files.
 */
@Path("datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export: training sets")
public class DatasetsResource {

    @Inject
    TrainingSets trainingSets;

    @Inject
    Pseudonyms pseudonyms;

    @Context
    SecurityContext security;

    /**
     * The body of an export request: workflow, period (ISO-8601 instants, decision time, at most
     * {@link DatasetRequest#MAX_PERIOD}), format JSONL or CSV, and optional filters.
     */
    public record DatasetRequestJson(String workflow, String from, String to, String format, String modelSnapshotId,
            String guidelineVersionId, List<String> sources, String label) {
    }

    /** The preview of an export: how many rows it would hold now. */
    public record PreviewJson(long rows) {
    }

    /** An export as the API shows it; {@code manifest} is the manifest's exact text once completed. */
    public record DatasetJobJson(String id, String workflow, Instant from, Instant to, String format,
            String modelSnapshotId, String guidelineVersionId, List<String> sources, String label, String state,
            String requestedBy, String requestedRole, Instant requestedAt, Instant startedAt, Instant finishedAt,
            long rowsDone, long rowsTotal, Long etaSeconds, String failure, String manifestSha256,
            List<DatasetJob.DatasetFile> files, Long ledgerSequence) {

        static DatasetJobJson of(DatasetJob j) {
            return new DatasetJobJson(j.id(), j.workflow(), j.from(), j.to(), j.format().name(),
                    j.modelSnapshotId().orElse(null), j.guidelineVersionId().orElse(null),
                    j.sources().stream().map(Enum::name).sorted().toList(), j.label().orElse(null), j.state().name(),
                    j.requestedBy(), j.requestedRole(), j.requestedAt(), j.startedAt().orElse(null),
                    j.finishedAt().orElse(null), j.rowsDone(), j.rowsTotal(), j.eta().map(d -> d.toSeconds()).orElse(null),
                    j.failure().orElse(null), j.manifestSha256().orElse(null), j.files(), j.ledgerSequence().orElse(null));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GOVERNANCE, Roles.INTEGRATION})
    @Operation(summary = "Request a training-set export; it runs as a job")
    @APIResponse(responseCode = "202", description = "Queued; poll the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DatasetJobJson.class),
            examples = {
                    @ExampleObject(name = "queued", value = ExportExamples.DATASET_QUEUED)}))
    @APIResponse(responseCode = "400", description = "Invalid period, unknown workflow or filter; nothing was created")
    public Response request(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetRequestJson.class),
                    examples = {@ExampleObject(name = "a week of adjudicated and consensus labels", value = ExportExamples.DATASET_REQUEST)}))
            DatasetRequestJson body,
            @Context UriInfo uriInfo) {
        DatasetJob job = trainingSets.request(parse(body), caller());
        return Response.accepted(DatasetJobJson.of(job))
                .location(uriInfo.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GOVERNANCE, Roles.INTEGRATION})
    @Operation(summary = "How many rows an export of this request would hold now; creates nothing")
    @APIResponse(responseCode = "400", description = "Invalid period, unknown workflow or filter")
    @APIResponse(responseCode = "200", description = "The row count",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PreviewJson.class),
            examples = {
                    @ExampleObject(name = "rows", value = ExportExamples.PREVIEW)}))
    public PreviewJson preview(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetRequestJson.class),
                    examples = {@ExampleObject(name = "a week of adjudicated and consensus labels", value = ExportExamples.DATASET_REQUEST)}))
            DatasetRequestJson body) {
        return new PreviewJson(trainingSets.preview(parse(body)));
    }

    @GET
    @RolesAllowed({Roles.GOVERNANCE, Roles.INTEGRATION})
    @Operation(summary = "Recent training-set exports, newest first")
    @APIResponse(responseCode = "200", description = "Recent exports, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DatasetJobJson.class),
            examples = {
                    @ExampleObject(name = "one completed", value = ExportExamples.DATASETS)}))
    public List<DatasetJobJson> list(@QueryParam("limit") Integer limit) {
        return trainingSets.recent(ExportRequests.recentLimit(limit)).stream().map(DatasetJobJson::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GOVERNANCE, Roles.INTEGRATION})
    @Operation(summary = "An export: state, progress (rowsDone/rowsTotal, ETA), files, manifest digest, ledger sequence")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DatasetJobJson.class),
            examples = {
                    @ExampleObject(name = "completed", value = ExportExamples.DATASET_COMPLETED)}))
    public DatasetJobJson get(@PathParam("id") String id) {
        return trainingSets.find(id).map(DatasetJobJson::of).orElseThrow(() -> new UnknownExportException(id));
    }

    @GET
    @Path("{id}/manifest")
    @RolesAllowed({Roles.GOVERNANCE, Roles.INTEGRATION})
    @Operation(summary = "The export's manifest, byte for byte what the ledger entry's digest covers")
    @APIResponse(responseCode = "409", description = "Not completed")
    @APIResponse(responseCode = "200", description = "The manifest (JSON), byte for byte; X-Content-SHA256 is its digest", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = {@ExampleObject(name = "manifest", value = ExportExamples.MANIFEST)}))
    public Response manifest(@PathParam("id") String id) {
        DatasetJob job = trainingSets.find(id).orElseThrow(() -> new UnknownExportException(id));
        String manifest = job.manifest().orElseThrow(() -> new ExportConflictException("Training-set export " + id
                + " is " + job.state() + "; its manifest exists once it completed."));
        return Response.ok(manifest.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)
                .header("X-Content-SHA256", job.manifestSha256().orElse("")).build();
    }

    @GET
    @Path("{id}/files/{name}")
    @Produces({"application/jsonl", "text/csv", "application/problem+json"})
    @RolesAllowed({Roles.GOVERNANCE, Roles.INTEGRATION})
    @Operation(summary = "One of the export's files, streamed (names and digests are in the manifest)")
    @APIResponse(responseCode = "404", description = "No such export or file")
    @APIResponse(responseCode = "409", description = "Not completed, or removed by retention")
    @APIResponse(responseCode = "200", description = "The file (JSON Lines or CSV)", content = {
            @Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = {@ExampleObject(name = "a row of labels.jsonl", value = ExportExamples.LABELS_ROW)}),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = {@ExampleObject(name = "labels.csv", value = ExportExamples.LABELS_CSV)})})
    public Response file(@PathParam("id") String id, @PathParam("name") String name) {
        DatasetJob job = trainingSets.find(id).orElseThrow(() -> new UnknownExportException(id));
        if (job.state() != JobState.COMPLETED) {
            throw new ExportConflictException("Training-set export " + id + " is " + job.state()
                    + "; its files exist once it completed.");
        }
        DatasetJob.DatasetFile file = job.files().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownExportException(id + "/" + name));
        StreamingOutput body = out -> trainingSets.writeFile(id, name, out);
        return Response.ok(body, file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"training-set-" + id + "-" + name + "\"")
                .header("X-Content-SHA256", file.sha256())
                .build();
    }

    private DatasetRequest parse(DatasetRequestJson body) {
        if (body == null) {
            throw new InvalidExportRequestException(List.of(new FieldError("body", "is required")));
        }
        List<FieldError> problems = new ArrayList<>();
        Instant from = ExportRequests.instant("from", body.from(), problems);
        Instant to = ExportRequests.instant("to", body.to(), problems);
        DatasetFormat format = null;
        if (body.format() != null) {
            try {
                format = DatasetFormat.valueOf(body.format());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("format", "must be JSONL or CSV, not " + body.format()));
            }
        }
        Set<DecisionSource> sources = new HashSet<>();
        for (String source : body.sources() == null ? List.<String>of() : body.sources()) {
            try {
                sources.add(DecisionSource.valueOf(source));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("sources", "no decision source is called " + source));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidExportRequestException(problems);
        }
        return new DatasetRequest(body.workflow(), from, to, format, blank(body.modelSnapshotId()),
                blank(body.guidelineVersionId()), sources, blank(body.label()));
    }

    private static Optional<String> blank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The caller as the ledger records them, in the first of governance or integration they hold. */
    private Actor caller() {
        String role = security.isUserInRole(Roles.GOVERNANCE) ? Roles.GOVERNANCE : Roles.INTEGRATION;
        return new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, security.getUserPrincipal().getName()), role);
    }
}
