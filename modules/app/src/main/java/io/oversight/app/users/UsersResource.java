package io.oversight.app.users;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Account administration for admins. */
@Path("users")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserDirectory directory;

    @Inject
    SecurityContext securityContext;

    @GET
    public List<UserAccount> list() {
        return directory.list();
    }

    @GET
    @Path("{username}")
    public UserAccount get(@PathParam("username") String username) {
        return directory.find(username)
                .orElseThrow(() -> new NotFoundException("No account named '" + username + "'."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserAccount.class)))
    public Response create(@NotNull @Valid NewUser request, @Context UriInfo uriInfo) {
        Actor admin = new Actor(directory.actorPseudonym(securityContext.getCallerPrincipal().getName()), Roles.ADMIN);
        UserAccount created = directory.create(request, admin);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.username()).build())
                .entity(created).build();
    }
}
