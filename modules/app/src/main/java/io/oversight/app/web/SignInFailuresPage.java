package io.oversight.app.web;

import io.oversight.app.signin.SignInThrottle;
import io.oversight.app.signin.ThrottlePolicy;
import io.oversight.app.signin.ThrottledSignIn;
import io.oversight.app.users.UserDirectory;
import io.oversight.kernel.RefusalException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;

/**
 * The failed sign-ins section of the administrator's page: who failed from where, what is refused now,
 * and a button that lifts a slow-down or lock before it ends by itself.
 */
@Named
@RequestScoped
public class SignInFailuresPage {

    /** The section's form: its messages show beside the table, not at the top of the page. */
    private static final String FORM = "signInLifts";

    @Inject
    SignInThrottle throttle;

    @Inject
    UserDirectory directory;

    @Inject
    SecurityContext securityContext;

    private List<ThrottledSignIn> recent;

    public List<ThrottledSignIn> getRecent() {
        if (recent == null) {
            recent = throttle.recent();
        }
        return recent;
    }

    /** Forgets the row's failures: one account's from its address, or, for an address row, every account's. */
    public void lift(ThrottledSignIn row) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!securityContext.isCallerInRole(Roles.ADMIN)) {
            faces.addMessage(FORM, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only administrators lift sign-in locks.", null));
            return;
        }
        try {
            Actor admin = new Actor(directory.actorPseudonym(securityContext.getCallerPrincipal().getName()), Roles.ADMIN);
            int forgotten = throttle.lift(row.address(), row.username(), admin);
            recent = null;
            faces.addMessage(FORM, new FacesMessage(FacesMessage.SEVERITY_INFO, (row.username() == null
                    ? "Every account may sign in from " + row.address() + " again"
                    : row.username() + " may sign in from " + row.address() + " again")
                    + " (" + forgotten + " recorded " + (forgotten == 1 ? "failure" : "failures") + " forgotten).", null));
        } catch (RefusalException refused) {
            recent = null;
            faces.addMessage(FORM, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        }
    }

    /** The rules in force, in words. */
    public String getRules() {
        ThrottlePolicy policy = throttle.policy();
        return "Within " + minutes(policy.window().toSeconds()) + ": after " + policy.slowAfter()
                + " failures for an account from one address, each further attempt waits " + policy.firstDelay().toSeconds()
                + " s, doubling up to " + policy.maxDelay().toSeconds() + " s; after " + policy.lockAfter()
                + " failures that account is locked from that address for " + minutes(policy.lockFor().toSeconds())
                + "; after " + policy.addressLockAfter() + " failures from one address, whatever the accounts, the address is"
                + " locked for as long. Locks end by themselves, or when an administrator lifts them here.";
    }

    private static String minutes(long seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
