package io.oversight.app.users;

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
    public Caller me() {
        List<String> held = Roles.ALL.stream().filter(securityContext::isCallerInRole).toList();
        return new Caller(securityContext.getCallerPrincipal().getName(), held);
    }
}
