package io.oversight.app.web;

import io.oversight.app.signin.SignInThrottle;
import io.oversight.app.signin.ThrottlePolicy;
import io.oversight.app.signin.ThrottledSignIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The failed sign-ins section of the administrator's page: who failed from where, and what is refused now. */
@Named
@RequestScoped
public class SignInFailuresPage {

    @Inject
    SignInThrottle throttle;

    private List<ThrottledSignIn> recent;

    public List<ThrottledSignIn> getRecent() {
        if (recent == null) {
            recent = throttle.recent();
        }
        return recent;
    }

    /** The rules in force, in words. */
    public String getRules() {
        ThrottlePolicy policy = throttle.policy();
        return "Within " + minutes(policy.window().toSeconds()) + ": after " + policy.slowAfter()
                + " failures for an account from one address, each further attempt waits " + policy.firstDelay().toSeconds()
                + " s, doubling up to " + policy.maxDelay().toSeconds() + " s; after " + policy.lockAfter()
                + " failures that account is locked from that address for " + minutes(policy.lockFor().toSeconds())
                + "; after " + policy.addressLockAfter() + " failures from one address, whatever the accounts, the address is"
                + " locked for as long. Locks end by themselves; a person signs in from another address meanwhile.";
    }

    private static String minutes(long seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
