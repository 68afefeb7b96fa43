package io.oversight.app.security;

import io.oversight.app.rest.ProblemDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One authentication mechanism for people and machines, because Jakarta Security 3 allows only one
 * per application:
 * <ul>
 *   <li>REST clients send HTTP Basic credentials on every call; no session is created for them;</li>
 *   <li>people sign in on the login page, which calls {@code SecurityContext.authenticate}, or,
 *       when the server configures a provider, through OpenID Connect ({@link OpenIdConnect});
 *       the result is kept in the HTTP session (with a new session id, against fixation);</li>
 *   <li>an unauthenticated request for a protected resource gets 401 problem+json on the API and a
 *       redirect to the login page elsewhere.</li>
 * </ul>
 */
@ApplicationScoped
public class OversightAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_ATTRIBUTE = SignedInCaller.class.getName();
    private static final String API_PREFIX = "/api/";
    private static final String LOGIN_PAGE = "/login.xhtml";
    private static final String HOME_PAGE = "/home.xhtml";
    private static final Jsonb JSON = JsonbBuilder.create();

    private static final Logger LOG = Logger.getLogger(OversightAuthenticationMechanism.class.getName());
    private static final String SIGN_IN_FAILED = LOGIN_PAGE + "?sso=failed";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    OpenIdConnect openIdConnect;

    /** How long accepted Basic credentials are remembered; 0 verifies every call against the stores. */
    @Inject
    @ConfigProperty(name = "oversight.security.basicCacheSeconds", defaultValue = "60")
    int basicCacheSeconds;

    private volatile VerifiedCredentials verifiedCredentials;

    private VerifiedCredentials verifiedCredentials() {
        VerifiedCredentials cache = verifiedCredentials;
        if (cache == null) {
            synchronized (this) {
                if (verifiedCredentials == null) {
                    verifiedCredentials = new VerifiedCredentials(Duration.ofSeconds(Math.max(0, basicCacheSeconds)),
                            Clock.systemUTC());
                }
                cache = verifiedCredentials;
            }
        }
        return cache;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        if (openIdConnect.isEnabled()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals(OpenIdConnect.LOGIN_PATH)) {
                return startOpenIdSignIn(request, context);
            }
            if (path.equals(OpenIdConnect.CALLBACK_PATH)) {
                return completeOpenIdSignIn(request, context);
            }
        }
        Optional<BasicCredentials> basic = BasicCredentials.parse(request.getHeader("Authorization"));
        if (basic.isPresent()) {
            String username = basic.get().username();
            char[] password = basic.get().password();
            Optional<CredentialValidationResult> remembered = verifiedCredentials().find(username, password);
            if (remembered.isPresent()) {
                return context.notifyContainerAboutLogin(remembered.get());
            }
            CredentialValidationResult result = validate(new UsernamePasswordCredential(username, new Password(password)));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                verifiedCredentials().remember(username, password, result);
                return context.notifyContainerAboutLogin(result);
            }
            return refuse(request, response, context, "The credentials are not valid.");
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return refuse(request, response, context, "Authentication is required.");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * Asks the identity stores in turn. A store that fails (a directory that is down, or the
     * container's LDAP store when no directory is configured, which throws rather than abstains)
     * must not turn a wrong password into a server error: the credentials are then not valid.
     */
    private CredentialValidationResult validate(Credential credential) {
        try {
            return identityStores.validate(credential);
        } catch (RuntimeException storeFailure) {
            LOG.log(Level.FINE, "An identity store failed; the credentials count as not valid", storeFailure);
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    private AuthenticationStatus startOpenIdSignIn(HttpServletRequest request, HttpMessageContext context) {
        try {
            return context.redirect(openIdConnect.startSignIn(request).toString());
        } catch (OpenIdConnect.OpenIdSignInException e) {
            LOG.warning(() -> "OpenID Connect sign-in could not start: " + e.getMessage());
            return context.redirect(request.getContextPath() + SIGN_IN_FAILED);
        }
    }

    private AuthenticationStatus completeOpenIdSignIn(HttpServletRequest request, HttpMessageContext context) {
        try {
            SignedInCaller caller = openIdConnect.completeSignIn(request);
            request.changeSessionId();
            request.getSession().setAttribute(SESSION_ATTRIBUTE, caller);
            return context.redirect(request.getContextPath() + HOME_PAGE);
        } catch (OpenIdConnect.OpenIdSignInException e) {
            LOG.warning(() -> "OpenID Connect sign-in refused: " + e.getMessage());
            return context.redirect(request.getContextPath() + SIGN_IN_FAILED);
        }
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE,
                new SignedInCaller(result.getCallerPrincipal().getName(), result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String detail) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API_PREFIX)) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        ProblemDetails problem = ProblemDetails.of(HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail,
                request.getRequestURI());
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"oversight\", charset=\"UTF-8\"");
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            byte[] body = JSON.toJson(problem).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
