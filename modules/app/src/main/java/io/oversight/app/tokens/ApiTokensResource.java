package io.oversight.app.tokens;

import io.oversight.app.rest.AccountExamples;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.oversight.app.users.UserDirectory;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * API tokens of an integration account, for administrators: the secret of a new token is in the
 * answer to its creation and nowhere else.
 */
@Path("users/{username}/tokens")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokensResource {

    @Inject
    ApiTokens tokens;

    @Inject
    UserDirectory directory;

    @Inject
    SecurityContext securityContext;

    @GET
    @APIResponse(responseCode = "200", description = "The account's tokens, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApiTokenView.class),
            examples = {
                    @ExampleObject(name = "an active and a revoked token", value = AccountExamples.TOKENS)}))
    public List<ApiTokenView> list(@PathParam("username") String username) {
        return tokens.list(username);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created; the token's secret is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreatedApiToken.class),
            examples = {
                    @ExampleObject(name = "token", value = AccountExamples.CREATED_TOKEN)}))
    public Response create(@PathParam("username") String username,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewApiToken.class),
                    examples = {@ExampleObject(name = "expiring token", value = AccountExamples.NEW_TOKEN)}))
            @NotNull @Valid NewApiToken request,
                           @Context UriInfo uriInfo) {
        CreatedApiToken created = tokens.create(username, request, admin());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.token().id()).build())
                .header("Cache-Control", "no-store")
                .entity(created).build();
    }

    /** Revokes the token at once on every server; the answer describes it as it now is. */
    @DELETE
    @Path("{tokenId}")
    @APIResponse(responseCode = "200", description = "The token, now revoked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiTokenView.class),
            examples = {
                    @ExampleObject(name = "revoked", value = AccountExamples.REVOKED_TOKEN)}))
    public ApiTokenView revoke(@PathParam("username") String username, @PathParam("tokenId") String tokenId) {
        return tokens.revoke(username, tokenId, admin());
    }

    private Actor admin() {
        return new Actor(directory.actorPseudonym(securityContext.getCallerPrincipal().getName()), Roles.ADMIN);
    }
}
