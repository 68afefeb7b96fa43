package io.oversight.app.signin;

import io.oversight.ledger.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Failed sign-ins within the throttle's window, and the locks they caused, for administrators. */
@Path("sign-in-failures")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SignInThrottleResource {

    @Inject
    SignInThrottle throttle;

    @GET
    public List<ThrottledSignIn> recent() {
        return throttle.recent();
    }
}
