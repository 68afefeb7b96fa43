package io.oversight.review.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.oversight.ledger.Roles;
import io.oversight.review.quality.QualificationService;
import io.oversight.review.rest.ReviewViews.QualificationJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Reviewers' qualifications, managed by administrators. */
@Path("qualifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QualificationsResource {

    @Inject
    QualificationService qualifications;

    /** {@code mayRevealPii}: whether the reviewer may reveal the personal data of items they hold (default false). */
    public record GrantRequest(Integer maxTier, Boolean mayRevealPii) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "Every qualification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = QualificationJson.class),
            examples = {
                    @ExampleObject(name = "two reviewers", value = ReviewExamples.QUALIFICATIONS)}))
    public List<QualificationJson> all() {
        return qualifications.all().stream().map(QualificationJson::of).toList();
    }

    @PUT
    @Path("{login}/{workflowKey}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The qualification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QualificationJson.class),
            examples = {
                    @ExampleObject(name = "tier 2", value = ReviewExamples.QUALIFICATION)}))
    public QualificationJson grant(@PathParam("login") String login, @PathParam("workflowKey") String workflowKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GrantRequest.class),
                    examples = {@ExampleObject(name = "tier 2", value = ReviewExamples.GRANT_REQUEST)}))
            GrantRequest request) {
        return QualificationJson.of(qualifications.grant(login, workflowKey, request == null ? null : request.maxTier(),
                request != null && Boolean.TRUE.equals(request.mayRevealPii())));
    }

    @DELETE
    @Path("{login}/{workflowKey}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("login") String login, @PathParam("workflowKey") String workflowKey) {
        qualifications.revoke(login, workflowKey);
        return Response.noContent().build();
    }
}
