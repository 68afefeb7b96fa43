package io.oversight.ledger;

import io.oversight.kernel.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;

/**
 * The signed-in caller as every module records them: their login (what leases and qualifications
 * name) and, for the ledger, their pseudonym and the role they act in. The role is checked here
 * again, whatever the page or resource in front declared, so no action is recorded under a role the
 * caller does not hold.
 */
@ApplicationScoped
public class Callers {

    @Inject
    SecurityContext securityContext;

    @Inject
    Pseudonyms pseudonyms;

    public String login() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null) {
            throw new ForbiddenException("Sign in first.");
        }
        return principal.getName();
    }

    /** The caller acting in the first of {@code roles} they hold. */
    public Actor actorIn(List<String> roles) {
        String login = login();
        for (String role : roles) {
            if (securityContext.isCallerInRole(role)) {
                return new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, login), role);
            }
        }
        throw new ForbiddenException("This action requires one of the roles " + roles + ".");
    }

    /**
     * The caller in the first of {@code roles} they hold, under a pseudonym already issued: makes
     * no database call, so it is safe inside a transaction (see {@link InTransaction}).
     */
    public Actor actorIn(List<String> roles, String pseudonym) {
        for (String role : roles) {
            if (securityContext.isCallerInRole(role)) {
                return new Actor(pseudonym, role);
            }
        }
        throw new ForbiddenException("This action requires one of the roles " + roles + ".");
    }

    public Actor actorIn(String role) {
        return actorIn(List.of(role));
    }

    public boolean isCallerInRole(String role) {
        return securityContext.isCallerInRole(role);
    }

    public String pseudonymOf(String login) {
        return pseudonyms.pseudonymFor(PersonKind.ACTOR, login);
    }
}
