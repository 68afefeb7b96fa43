package io.oversight.ledger.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.EntryPage;
import io.oversight.ledger.LedgerKeys;
import io.oversight.ledger.LedgerRangeException;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.Roles;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.SubjectErasedException;
import io.oversight.ledger.UnknownPseudonymException;
import io.oversight.ledger.VerificationStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The auditor's ledger API. Read-only except for starting a verification
 * job, re-identifying a pseudonym (itself recorded) and, for admins, rotating the checkpoint key.
 */
@Path("ledger")
@RequestScoped
@Tag(name = "Ledger", description = "Query, prove, verify and export the audit ledger")
public class LedgerResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_JUSTIFICATION = 2000;

    @Inject
    AuditLedger ledger;

    @Inject
    LedgerKeys keys;

    @Inject
    Pseudonyms pseudonyms;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "List entries matching filters, by sequence, with keyset paging",
            description = "Times bound loggedAt (from inclusive, to exclusive, ISO-8601 UTC). Pass the returned"
                    + " nextAfterSequence as afterSequence for the next page.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerViews.EntryPageView.class),
            examples = {
                    @ExampleObject(name = "one entry, more to come", value = LedgerExamples.ENTRIES)}))
    @APIResponse(responseCode = "400", description = "A parameter is malformed or out of range")
    public LedgerViews.EntryPageView entries(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("workflow") String workflow, @QueryParam("subjectKind") String subjectKind,
            @QueryParam("subject") String subject, @QueryParam("guidelineVersion") String guidelineVersion,
            @QueryParam("modelSnapshot") String modelSnapshot, @QueryParam("afterSequence") String afterSequence,
            @QueryParam("limit") String limit) {
        Optional<Instant> fromTime = Params.instant("from", from);
        Optional<Instant> toTime = Params.instant("to", to);
        if (fromTime.isPresent() && toTime.isPresent() && fromTime.get().isAfter(toTime.get())) {
            throw new BadRequestException("parameter from (" + fromTime.get() + ") must not be after to (" + toTime.get() + ")");
        }
        EntryFilter filter = new EntryFilter(fromTime, toTime, Params.text("actor", actor), Params.text("action", action),
                Params.text("workflow", workflow), Params.text("subjectKind", subjectKind), Params.text("subject", subject),
                Params.text("guidelineVersion", guidelineVersion), Params.text("modelSnapshot", modelSnapshot));
        EntryPage page = ledger.entries(filter, Params.optionalNonNegative("afterSequence", afterSequence),
                Params.limit(limit, DEFAULT_LIMIT, AuditLedger.MAX_PAGE));
        return new LedgerViews.EntryPageView(
                page.entries().stream().map(e -> LedgerViews.entry(e, Optional.empty())).toList(),
                page.nextAfterSequence().isPresent() ? page.nextAfterSequence().getAsLong() : null);
    }

    @GET
    @Path("entries/{sequence}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "One entry with its stored bytes and leaf hash, and on request its inclusion proof",
            description = "With proof=true the entry carries its inclusion proof against the latest signed checkpoint,"
                    + " given in full; verify the checkpoint's signature before trusting its root.")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerViews.EntryView.class),
            examples = {
                    @ExampleObject(name = "with proof=true", value = LedgerExamples.ENTRY_WITH_PROOF),
                    @ExampleObject(name = "without proof", value = LedgerExamples.ENTRY_ONLY)}))
    @APIResponse(responseCode = "400", description = "The sequence number is malformed or negative")
    @APIResponse(responseCode = "404", description = "No such entry, or no checkpoint covers it yet (with proof=true)")
    public LedgerViews.EntryView entry(@PathParam("sequence") String sequence, @QueryParam("proof") String proof) {
        long seq = Params.nonNegative("sequence", sequence);
        boolean withProof = parseFlag("proof", proof);
        SealedEntry entry = ledger.entry(seq).orElseThrow(() -> new NotFoundException("the log has no entry " + seq));
        if (!withProof) {
            return LedgerViews.entry(entry, Optional.empty());
        }
        return LedgerViews.entry(entry, Optional.of(ledger.inclusionProof(seq).orElseThrow(() -> new NotFoundException(
                "entry " + seq + " is sealed but no signed checkpoint covers it yet; retry in a moment"))));
    }

    @GET
    @Path("checkpoints/latest")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The latest signed checkpoint, as a C2SP signed note")
    @APIResponse(responseCode = "200", description = "The signed note",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
            examples = {@ExampleObject(name = "checkpoint", value = LedgerExamples.CHECKPOINT)}))
    @APIResponse(responseCode = "404", description = "No checkpoint has been signed yet")
    public String latestCheckpoint() {
        return ledger.latestCheckpoint().orElseThrow(() -> new NotFoundException("no checkpoint has been signed yet")).note();
    }

    @GET
    @Path("checkpoints/{size}")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The signed checkpoint at exactly this tree size, as a C2SP signed note")
    @APIResponse(responseCode = "200", description = "The signed note",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
            examples = {@ExampleObject(name = "checkpoint", value = LedgerExamples.CHECKPOINT)}))
    @APIResponse(responseCode = "400", description = "The size is malformed or below 1")
    @APIResponse(responseCode = "404", description = "No checkpoint was signed at this size")
    public String checkpoint(@PathParam("size") String size) {
        long treeSize = Params.positive("size", size);
        return ledger.checkpoint(treeSize)
                .orElseThrow(() -> new NotFoundException("no checkpoint was signed at tree size " + treeSize)).note();
    }

    @GET
    @Path("proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Consistency proof between two tree sizes (RFC 9162), hashes from the leaves up")
    @APIResponse(responseCode = "200", description = "The proof",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerViews.ConsistencyProofView.class),
            examples = {
                    @ExampleObject(name = "from 8 to 20", value = LedgerExamples.CONSISTENCY)}))
    @APIResponse(responseCode = "400", description = "Sizes malformed, from > to, or beyond the latest checkpoint")
    public LedgerViews.ConsistencyProofView consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
        long fromSize = Params.positive("from", from);
        long toSize = Params.positive("to", to);
        if (fromSize > toSize) {
            throw new BadRequestException("parameter from (" + fromSize + ") must not exceed to (" + toSize + ")");
        }
        try {
            return LedgerViews.consistency(ledger.consistencyProof(fromSize, toSize));
        } catch (LedgerRangeException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @POST
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Start verifying the stored log online",
            description = "Checks every entry's encoding, sequence, time and chain link, the Merkle root at every"
                    + " signed checkpoint and its signature, and the stored leaf hashes and tiles. Poll the Location.")
    @APIResponse(responseCode = "202", description = "Started; Location names the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerViews.VerificationView.class),
            examples = {
                    @ExampleObject(name = "running", value = LedgerExamples.VERIFICATION_STARTED)}))
    @APIResponse(responseCode = "400", description = "from is malformed or beyond the log")
    public Response startVerification(@QueryParam("from") String from) {
        long fromSequence = Params.optionalNonNegative("from", from).orElse(0);
        VerificationStatus status;
        try {
            status = ledger.startVerification(fromSequence, caller(Roles.AUDITOR));
        } catch (LedgerRangeException e) {
            throw new BadRequestException(e.getMessage());
        }
        return Response.accepted(LedgerViews.verification(status))
                .location(uriInfo.getAbsolutePathBuilder().path(status.jobId()).build())
                .build();
    }

    @GET
    @Path("verify/{job}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Progress or result of a verification job, with the first bad entry if it failed")
    @APIResponse(responseCode = "200", description = "The job's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerViews.VerificationView.class),
            examples = {
                    @ExampleObject(name = "verified", value = LedgerExamples.VERIFIED),
                    @ExampleObject(name = "failed", value = LedgerExamples.FAILED)}))
    @APIResponse(responseCode = "404", description = "No such job")
    public LedgerViews.VerificationView verification(@PathParam("job") String job) {
        if (!job.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new BadRequestException("job must be a job id as returned when starting it, got \"" + job + "\"");
        }
        return LedgerViews.verification(ledger.verification(job)
                .orElseThrow(() -> new NotFoundException("no verification job " + job)));
    }

    @GET
    @Path("bundle")
    @Produces("application/zip")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Export entries from..to as an offline bundle (zip) for the verifier",
            description = "to is rounded up to the next signed checkpoint and defaults to the latest one; with"
                    + " consistencyFrom (the size of a checkpoint you kept) the bundle carries the consistency proof."
                    + " The bundle carries the first signed checkpoint at or after from and the one it ends at; name"
                    + " further ones with checkpoint (repeated or comma-separated sizes, at most "
                    + BundleRequest.MAX_REQUESTED_CHECKPOINTS + ", each a signed size within from..to).")
    @APIResponse(responseCode = "200", description = "The bundle, streamed", content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "Parameters malformed, from >= to, no checkpoint covers the range,"
            + " or a checkpoint asked for was not signed or lies outside the range")
    public Response bundle(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("consistencyFrom") String consistencyFrom, @QueryParam("checkpoint") List<String> checkpoint) {
        long fromSequence = Params.optionalNonNegative("from", from).orElse(0);
        OptionalLong toSize = Params.optionalNonNegative("to", to);
        OptionalLong earlier = Params.optionalNonNegative("consistencyFrom", consistencyFrom);
        List<Long> asked = Params.sizes("checkpoint", checkpoint, BundleRequest.MAX_REQUESTED_CHECKPOINTS);
        BundleRequest request;
        try {
            request = new BundleRequest(fromSequence, toSize, earlier).withCheckpoints(asked);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        if (ledger.latestCheckpoint().isEmpty()) {
            throw new BadRequestException("no checkpoint has been signed yet: there is nothing to export");
        }
        for (long size : request.checkpointSizes()) {
            // Checked before streaming starts, so the answer can still be a 400 problem.
            if (ledger.checkpoint(size).isEmpty()) {
                throw new BadRequestException("parameter checkpoint: no checkpoint was signed at tree size " + size);
            }
        }
        StreamingOutput body = out -> ledger.exportBundle(request, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"oversight-ledger-from-" + fromSequence + ".zip\"")
                .build();
    }

    @GET
    @Path("trust")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The trust file: every checkpoint key of this log with its validity range",
            description = "For information; pin keys and origin out of band before relying on them.")
    @APIResponse(responseCode = "200", description = "The trust file",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
            examples = {@ExampleObject(name = "one key", value = LedgerExamples.TRUST)}))
    public String trust() {
        return keys.trustFile();
    }

    @POST
    @Path("keys/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate the checkpoint signing key to another keystore alias; recorded in the ledger")
    @APIResponse(responseCode = "200", description = "The rotation, with the boundary instant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerViews.KeyRotationView.class),
            examples = {
                    @ExampleObject(name = "rotated", value = LedgerExamples.ROTATION)}))
    @APIResponse(responseCode = "400", description = "alias missing, unknown to the keystore, or already used")
    public LedgerViews.KeyRotationView rotate(@QueryParam("alias") String alias) {
        if (alias == null || alias.isBlank() || alias.length() > 200) {
            throw new BadRequestException("parameter alias (the keystore alias of the new key, 1 to 200 characters)"
                    + " is required");
        }
        try {
            return LedgerViews.rotation(keys.rotate(alias, caller(Roles.ADMIN)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** The auditor's stated reason for a re-identification; its digest goes into the ledger entry. */
    public record RevealRequest(String justification) {
    }

    @POST
    @Path("subjects/{pseudonym}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Re-identify a pseudonym for a stated reason; the reveal is itself a ledger entry",
            description = "Returns who the pseudonym stands for and the personal data declared about them.")
    @APIResponse(responseCode = "200", description = "Who it is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerViews.RevealedSubjectView.class),
            examples = {
                    @ExampleObject(name = "data subject", value = LedgerExamples.REVEALED)}))
    @APIResponse(responseCode = "400", description = "Justification missing or longer than 2000 characters")
    @APIResponse(responseCode = "404", description = "Unknown pseudonym")
    @APIResponse(responseCode = "410", description = "The subject was erased: nobody can tell who it was any more")
    public LedgerViews.RevealedSubjectView reveal(@PathParam("pseudonym") String pseudonym,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RevealRequest.class),
                    examples = {@ExampleObject(name = "justification", value = LedgerExamples.REVEAL_REQUEST)}))
            RevealRequest request) {
        String justification = request == null ? null : request.justification();
        if (justification == null || justification.isBlank() || justification.length() > MAX_JUSTIFICATION) {
            throw new BadRequestException("justification (why this pseudonym must be re-identified, 1 to "
                    + MAX_JUSTIFICATION + " characters) is required");
        }
        try {
            return LedgerViews.revealed(pseudonyms.reveal(pseudonym, caller(Roles.AUDITOR), justification));
        } catch (UnknownPseudonymException e) {
            throw new NotFoundException("no subject has the pseudonym \"" + pseudonym + "\"");
        } catch (SubjectErasedException e) {
            throw new ClientErrorException("the subject of \"" + pseudonym + "\" was erased; it cannot be revealed",
                    Response.Status.GONE);
        }
    }

    private Actor caller(String role) {
        return new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, security.getUserPrincipal().getName()), role);
    }

    private static boolean parseFlag(String name, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new BadRequestException("parameter " + name + " must be true or false, got \"" + value + "\"");
    }
}
