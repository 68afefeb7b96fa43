package io.oversight.app.security;

import io.oversight.app.rest.ProblemDetails;
import io.oversight.app.signin.ClientAddress;
import io.oversight.app.signin.SignInThrottle;
import io.oversight.app.signin.ThrottlePolicy;
import io.oversight.app.tokens.ApiTokenSecret;
import io.oversight.app.tokens.ApiTokens;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One authentication mechanism for people and machines, because Jakarta Security 3 allows only one
 * per application:
 * <ul>
 *   <li>REST clients send HTTP Basic credentials or, for integration accounts, an API token
 *       ({@code Authorization: Bearer}, ADR 0033) on every call; no session is created for them;</li>
 *   <li>people sign in on the login page, which calls {@code SecurityContext.authenticate}, or,
 *       when the server configures a provider, through OpenID Connect ({@link OpenIdConnect});
 *       the result is kept in the HTTP session (with a new session id, against fixation);</li>
 *   <li>failed sign-ins, on the form and with Basic credentials, are throttled ({@link SignInThrottle}):
 *       a refused attempt gets 429 on the API and a message on the login page, without its
 *       credentials being checked;</li>
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
    private static final String BASIC_CHALLENGE = "Basic realm=\"oversight\", charset=\"UTF-8\"";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"oversight\", error=\"invalid_token\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    OpenIdConnect openIdConnect;

    @Inject
    ApiTokens apiTokens;

    @Inject
    SignInThrottle signInThrottle;

    @Inject
    Clock clock;

    /** Proxies whose {@code X-Forwarded-For} names the client (see {@link ClientAddress}). */
    @Inject
    @ConfigProperty(name = "oversight.security.trustedProxies")
    Optional<List<String>> trustedProxies;

    /** Request attribute telling the login page until when sign-in attempts are refused. */
    public static final String THROTTLED_UNTIL = OversightAuthenticationMechanism.class.getName() + ".throttledUntil";

    /** How long accepted Basic credentials are remembered; 0 verifies every call against the stores. */
    @Inject
    @ConfigProperty(name = "oversight.security.basicCacheSeconds", defaultValue = "300")
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
        String authorization = request.getHeader("Authorization");
        if (ApiTokenSecret.isBearer(authorization)) {
            return bearer(request, response, context, authorization);
        }
        Optional<BasicCredentials> basic = BasicCredentials.parse(authorization);
        if (basic.isPresent()) {
            String username = basic.get().username();
            char[] password = basic.get().password();
            String address = clientAddress(request);
            Supplier<CredentialValidationResult> verification =
                    () -> validate(new UsernamePasswordCredential(username, new Password(password)));
            Optional<CredentialValidationResult> remembered = verifiedCredentials().find(username, password)
                    .flatMap(found -> verifiedCredentials().renewedIfDue(username, password, found, verification));
            if (remembered.isPresent() && !signInThrottle.mayBeThrottled(address)) {
                return context.notifyContainerAboutLogin(remembered.get());
            }
            SignInThrottle.Standing standing = signInThrottle.standing(username, address);
            if (standing.refusal().isPresent()) {
                return throttled(request, response, standing.refusal().get());
            }
            CredentialValidationResult result = remembered.orElseGet(
                    () -> verifiedCredentials().verify(username, password, verification));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                if (standing.accountFailedBefore()) {
                    signInThrottle.succeeded(username, address);
                }
                return context.notifyContainerAboutLogin(result);
            }
            signInThrottle.failed(username, address);
            return refuse(request, response, context, "The credentials are not valid.", BASIC_CHALLENGE);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return refuse(request, response, context, "Authentication is required.", BASIC_CHALLENGE);
    }

    /**
     * An API token: accepted only when known, unexpired, unrevoked and of an enabled account. A
     * refused token never falls back to the session, so that a client learns at once that its
     * token no longer works.
     */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String authorization) {
        Optional<ApiTokenSecret> secret = ApiTokenSecret.fromAuthorization(authorization);
        if (secret.isEmpty()) {
            return refuse(request, response, context,
                    "The Authorization header does not carry an Oversight API token (ovt_ followed by 43 characters).",
                    BEARER_CHALLENGE);
        }
        ApiTokens.Check check = apiTokens.check(secret.get());
        if (check.caller().isPresent()) {
            return context.notifyContainerAboutLogin(check.caller().get().username(), check.caller().get().roles());
        }
        return refuse(request, response, context, check.refusal(), BEARER_CHALLENGE);
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
        String username = credential instanceof UsernamePasswordCredential named ? named.getCaller() : "";
        String address = clientAddress(request);
        SignInThrottle.Standing standing = signInThrottle.standing(username, address);
        if (standing.refusal().isPresent()) {
            request.setAttribute(THROTTLED_UNTIL, standing.refusal().get().until());
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            signInThrottle.failed(username, address);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (standing.accountFailedBefore()) {
            signInThrottle.succeeded(username, address);
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE,
                new SignedInCaller(result.getCallerPrincipal().getName(), result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
    }

    private String clientAddress(HttpServletRequest request) {
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                trustedProxies.orElse(List.of()));
    }

    /** 429 problem+json with Retry-After: the attempt was not checked, only refused. */
    private AuthenticationStatus throttled(HttpServletRequest request, HttpServletResponse response,
                                           ThrottlePolicy.Refusal refusal) {
        long seconds = Math.max(1, (refusal.retryAfter(clock.instant()).toMillis() + 999) / 1000);
        String detail = switch (refusal.reason()) {
            case ADDRESS_LOCKED -> "Too many failed sign-ins from your address; try again in " + seconds + " s.";
            case ACCOUNT_LOCKED -> "Too many failed sign-ins for this account from your address; try again in "
                    + seconds + " s.";
            case SLOWED -> "Sign-in failed several times for this account from your address; wait " + seconds
                    + " s before the next attempt.";
        };
        response.setHeader("Retry-After", Long.toString(seconds));
        writeProblem(response, 429, ProblemDetails.ofType("sign-in-throttled", 429, "Too Many Requests", detail,
                request.getRequestURI()));
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String detail, String challenge) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // a person's browser goes to the login page; a machine presenting a token gets its answer anywhere
        if (!path.startsWith(API_PREFIX) && !ApiTokenSecret.isBearer(request.getHeader("Authorization"))) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        response.setHeader("WWW-Authenticate", challenge);
        writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, ProblemDetails.of(HttpServletResponse.SC_UNAUTHORIZED,
                "Unauthorized", detail, request.getRequestURI()));
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void writeProblem(HttpServletResponse response, int status, ProblemDetails problem) {
        try {
            response.setStatus(status);
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            byte[] body = JSON.toJson(problem).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
