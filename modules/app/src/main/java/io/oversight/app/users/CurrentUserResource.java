package io.oversight.app.users;

import io.oversight.app.rest.AccountExamples;
import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Who the caller is and which roles they hold: lets API clients check their credentials. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CurrentUserResource {

    public record Caller(String username, List<String> roles) {
    }

    @Inject
    SecurityContext securityContext;

    @GET
    @RolesAllowed({Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR, Roles.GOVERNANCE,
            Roles.AUDITOR, Roles.ADMIN, Roles.INTEGRATION})
    @APIResponse(responseCode = "200", description = "The caller and the roles it holds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Caller.class),
            examples = {
                    @ExampleObject(name = "reviewer", value = AccountExamples.ME)}))
    public Caller me() {
        List<String> held = Roles.ALL.stream().filter(securityContext::isCallerInRole).toList();
        return new Caller(securityContext.getCallerPrincipal().getName(), held);
    }
}
