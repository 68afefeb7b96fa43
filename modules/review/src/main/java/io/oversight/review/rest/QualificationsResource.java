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
    public List<QualificationJson> all() {
        return qualifications.all().stream().map(QualificationJson::of).toList();
    }

    @PUT
    @Path("{login}/{workflowKey}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public QualificationJson grant(@PathParam("login") String login, @PathParam("workflowKey") String workflowKey,
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
