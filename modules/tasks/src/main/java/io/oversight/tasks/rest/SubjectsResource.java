package io.oversight.tasks.rest;

import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.FieldError;
import io.oversight.kernel.NotFoundException;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Roles;
import io.oversight.tasks.privacy.SubjectErasure;
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
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Data subjects and their erasure (GDPR Art. 17), for administrators handling a person's request:
 * find the subject by the client key its prediction was sent under, then erase it. Erasure is
 * refused under the workflow's legal hold or within its retention period, with the date it becomes
 * possible; a done erasure is a ledger entry, and every earlier entry and proof still verifies.
 */
@Path("subjects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubjectsResource {

    @Inject
    SubjectErasure erasure;

    @Inject
    Callers callers;

    /** Why the subject is erased: the request being honoured. */
    public record ErasureRequest(String reason) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Find the data subject of a prediction by its workflow and client key")
    @APIResponse(responseCode = "200", description = "The subject's pseudonym, workflow and whether it was erased",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectErasure.DataSubject.class),
            examples = {
                    @ExampleObject(name = "subject", value = TasksExamples.SUBJECT)}))
    @APIResponse(responseCode = "400", description = "workflow or clientKey missing")
    @APIResponse(responseCode = "404", description = "No prediction with that client key carried personal data")
    public SubjectErasure.DataSubject find(@QueryParam("workflow") String workflowKey,
            @QueryParam("clientKey") String clientKey) {
        List<FieldError> missing = new ArrayList<>();
        if (workflowKey == null || workflowKey.isBlank()) {
            missing.add(new FieldError("workflow", "is required"));
        }
        if (clientKey == null || clientKey.isBlank()) {
            missing.add(new FieldError("clientKey", "is required"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("The subject search needs a workflow and a client key.", missing);
        }
        return erasure.findByClientKey(workflowKey, clientKey).orElseThrow(() -> new NotFoundException(
                "No prediction of workflow " + workflowKey + " with client key " + clientKey + " carried personal data."));
    }

    @GET
    @Path("{pseudonym}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A data subject by pseudonym: its workflow and whether it was erased")
    @APIResponse(responseCode = "404", description = "No item declared this subject")
    @APIResponse(responseCode = "200", description = "The subject",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectErasure.DataSubject.class),
            examples = {
                    @ExampleObject(name = "subject", value = TasksExamples.SUBJECT)}))
    public SubjectErasure.DataSubject subject(@PathParam("pseudonym") String pseudonym) {
        return erasure.find(pseudonym);
    }

    @POST
    @Path("{pseudonym}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a data subject: destroy its key so its personal data can never be read again")
    @APIResponse(responseCode = "200", description = "Erased; the ledger records it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectErasure.Erasure.class),
            examples = {
                    @ExampleObject(name = "erased", value = TasksExamples.ERASURE)}))
    @APIResponse(responseCode = "400", description = "reason missing or longer than 2000 characters")
    @APIResponse(responseCode = "404", description = "No item declared this subject")
    @APIResponse(responseCode = "409", description = "Legal hold or retention period: blockedBy and possibleFrom say which and until when")
    @APIResponse(responseCode = "410", description = "Erased before")
    public SubjectErasure.Erasure erase(@PathParam("pseudonym") String pseudonym,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErasureRequest.class),
                    examples = {@ExampleObject(name = "request", value = TasksExamples.ERASURE_REQUEST)}))
            ErasureRequest request) {
        return erasure.erase(pseudonym, request == null ? null : request.reason(), callers.actorIn(Roles.ADMIN));
    }
}
