package io.oversight.governance.application;

import io.oversight.governance.domain.AccessDeniedException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/**
 * The signed-in caller as the ledger records them: their pseudonym and the role the operation is
 * authorized under. Asking for a role the caller lacks is refused here, whatever the page or
 * resource in front declared, so no governance change can be recorded under a role nobody held.
 */
@ApplicationScoped
public class Callers {

    @Inject
    SecurityContext securityContext;

    @Inject
    Pseudonyms pseudonyms;

    /** @throws AccessDeniedException if nobody is signed in or the caller does not hold {@code role} */
    public Actor actorIn(String role) {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null || !securityContext.isCallerInRole(role)) {
            throw new AccessDeniedException("This change requires the role " + role + ".");
        }
        return new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, principal.getName()), role);
    }

    public boolean isCallerInRole(String role) {
        return securityContext.isCallerInRole(role);
    }
}
