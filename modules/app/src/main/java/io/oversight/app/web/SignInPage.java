package io.oversight.app.web;

import io.oversight.app.security.OpenIdConnect;
import io.oversight.app.security.OversightAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;

/** The login form: hands the credentials to the authentication mechanism, then goes home. */
@Named
@RequestScoped
public class SignInPage {

    @NotBlank(message = "Enter your username.")
    @Size(max = 64)
    private String username;

    @NotBlank(message = "Enter your password.")
    @Size(max = 256)
    private String password;

    @Inject
    SecurityContext securityContext;

    @Inject
    OpenIdConnect openIdConnect;

    /** Whether the server offers single sign-on through an OpenID Connect provider. */
    public boolean isSingleSignOn() {
        return openIdConnect.isEnabled();
    }

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/home.xhtml");
            case SEND_CONTINUE -> faces.responseComplete();
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(external), null));
        }
    }

    /** Why the sign-in failed; a throttled attempt says until when, without saying whether the password was right. */
    private static String refusal(ExternalContext external) {
        if (external.getRequestMap().get(OversightAuthenticationMechanism.THROTTLED_UNTIL) instanceof Instant until) {
            return "Too many failed sign-ins from your address. Try again after "
                    + HumanTimeConverter.FORMAT.format(until) + ".";
        }
        return "Unknown username or wrong password.";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
