package io.oversight.app.users;

import io.oversight.app.rest.AccountExamples;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

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
    @APIResponse(responseCode = "200", description = "Every account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = UserAccount.class),
            examples = {
                    @ExampleObject(name = "accounts", value = AccountExamples.USERS)}))
    public List<UserAccount> list() {
        return directory.list();
    }

    @GET
    @Path("{username}")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserAccount.class),
            examples = {
                    @ExampleObject(name = "account", value = AccountExamples.USER)}))
    public UserAccount get(@PathParam("username") String username) {
        return directory.find(username)
                .orElseThrow(() -> new NotFoundException("No account named '" + username + "'."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserAccount.class),
            examples = {
                    @ExampleObject(name = "account", value = AccountExamples.USER)}))
    public Response create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewUser.class),
                    examples = {@ExampleObject(name = "reviewer", value = AccountExamples.NEW_USER)}))
            @NotNull @Valid NewUser request, @Context UriInfo uriInfo) {
        Actor admin = new Actor(directory.actorPseudonym(securityContext.getCallerPrincipal().getName()), Roles.ADMIN);
        UserAccount created = directory.create(request, admin);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.username()).build())
                .entity(created).build();
    }
}
