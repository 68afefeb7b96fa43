package io.oversight.app.signin;

import io.oversight.app.rest.AccountExamples;
import io.oversight.app.users.UserDirectory;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Failed sign-ins within the throttle's window, and the locks they caused, for administrators, who may lift them. */
@Path("sign-in-failures")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SignInThrottleResource {

    @Inject
    SignInThrottle throttle;

    @Inject
    UserDirectory directory;

    @Context
    SecurityContext securityContext;

    /** What to lift: one account's failures from an address, or every account's when {@code username} is absent. */
    public record LiftRequest(String address, String username) {
    }

    /** What was lifted, and how many recorded failures that forgot. */
    public record Lift(String address, String username, int failuresForgotten) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "Failed sign-ins within the window, most recent first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ThrottledSignIn.class),
            examples = {
                    @ExampleObject(name = "an account lock and an address lock", value = AccountExamples.SIGN_IN_FAILURES)}))
    public List<ThrottledSignIn> recent() {
        return throttle.recent();
    }

    @POST
    @Path("lifts")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "What was lifted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Lift.class),
            examples = {
                    @ExampleObject(name = "one account", value = AccountExamples.LIFT)}))
    public Lift lift(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LiftRequest.class),
                    examples = {@ExampleObject(name = "one account", value = AccountExamples.LIFT_REQUEST)}))
            @NotNull LiftRequest request) {
        Actor admin = new Actor(directory.actorPseudonym(securityContext.getUserPrincipal().getName()), Roles.ADMIN);
        int forgotten = throttle.lift(request.address(), request.username(), admin);
        return new Lift(request.address().strip(), request.username() == null || request.username().isBlank() ? null
                : request.username().strip(), forgotten);
    }
}
