package io.oversight.app.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenID Connect sign-in for people (authorization code flow with PKCE, state and nonce), used by
 * {@link OversightAuthenticationMechanism} when the server sets {@code oversight.oidc.issuer}. The
 * provider's discovery document, keys and token endpoint are used as published; the ID token's
 * signature, issuer, audience, expiry and nonce are checked before anyone is signed in. Role names
 * come from a claim (default {@code groups}); values that are not Oversight roles are ignored.
 */
@ApplicationScoped
public class OpenIdConnect {

    static final String LOGIN_PATH = "/oidc/login";
    static final String CALLBACK_PATH = "/oidc/callback";
    private static final String PENDING = OpenIdConnect.class.getName() + ".pending";

    @Inject
    @ConfigProperty(name = "oversight.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "oversight.oidc.client.id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "oversight.oidc.client.secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "oversight.oidc.scope", defaultValue = "openid profile email")
    String scope;

    @Inject
    @ConfigProperty(name = "oversight.oidc.username.claim", defaultValue = "preferred_username")
    String usernameClaim;

    @Inject
    @ConfigProperty(name = "oversight.oidc.roles.claim", defaultValue = "groups")
    String rolesClaim;

    private volatile OIDCProviderMetadata provider;

    /** What a started sign-in must find again at the callback; kept in the HTTP session. */
    record PendingSignIn(State state, Nonce nonce, CodeVerifier verifier, URI redirectUri) implements Serializable {
    }

    public boolean isEnabled() {
        return issuer.filter(value -> !value.isBlank()).isPresent();
    }

    /** Starts a sign-in: remembers state, nonce and PKCE verifier, and says where to send the browser. */
    URI startSignIn(HttpServletRequest request) throws OpenIdSignInException {
        OIDCProviderMetadata metadata = provider();
        PendingSignIn pending = new PendingSignIn(new State(), new Nonce(), new CodeVerifier(), callbackUri(request));
        request.getSession(true).setAttribute(PENDING, pending);
        return new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(scope), new ClientID(requiredClientId()),
                pending.redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(pending.state())
                .nonce(pending.nonce())
                .codeChallenge(pending.verifier(), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Completes a sign-in at the callback: the caller it establishes, or why it was refused. */
    SignedInCaller completeSignIn(HttpServletRequest request) throws OpenIdSignInException {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof PendingSignIn pending)) {
            throw new OpenIdSignInException("no sign-in was started in this session");
        }
        session.removeAttribute(PENDING);
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(
                    URI.create(pending.redirectUri() + "?" + Optional.ofNullable(request.getQueryString()).orElse("")));
            if (!pending.state().equals(response.getState())) {
                throw new OpenIdSignInException("the state returned by the provider does not match");
            }
            if (!response.indicatesSuccess()) {
                throw new OpenIdSignInException("the provider refused: "
                        + response.toErrorResponse().getErrorObject().getDescription());
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            OIDCProviderMetadata metadata = provider();
            TokenRequest tokenRequest = new TokenRequest(metadata.getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(requiredClientId()), new Secret(clientSecret.orElse(""))),
                    new AuthorizationCodeGrant(code, pending.redirectUri(), pending.verifier()));
            TokenResponse tokenResponse = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                throw new OpenIdSignInException("the token endpoint refused the code: "
                        + tokenResponse.toErrorResponse().getErrorObject().getDescription());
            }
            JWT idToken = ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = new IDTokenValidator(metadata.getIssuer(), new ClientID(requiredClientId()),
                    JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL()).validate(idToken, pending.nonce());
            return new SignedInCaller(username(claims), roles(claims));
        } catch (ParseException | IOException | com.nimbusds.jose.JOSEException
                 | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new OpenIdSignInException("the provider's answer was not acceptable: " + e.getMessage());
        }
    }

    private String username(IDTokenClaimsSet claims) {
        Object value = claims.getClaim(usernameClaim);
        return value instanceof String name && !name.isBlank() ? name : claims.getSubject().getValue();
    }

    private Set<String> roles(IDTokenClaimsSet claims) {
        Object value = claims.getClaim(rolesClaim);
        List<?> values = value instanceof List<?> list ? list : value instanceof String single ? List.of(single) : List.of();
        return values.stream().map(Object::toString).filter(Roles::isKnown).collect(Collectors.toSet());
    }

    private URI callbackUri(HttpServletRequest request) {
        String base = request.getRequestURL().toString();
        return URI.create(base.substring(0, base.length() - request.getRequestURI().length())
                + request.getContextPath() + CALLBACK_PATH);
    }

    private String requiredClientId() throws OpenIdSignInException {
        return clientId.filter(id -> !id.isBlank())
                .orElseThrow(() -> new OpenIdSignInException("oversight.oidc.client.id is not set"));
    }

    private OIDCProviderMetadata provider() throws OpenIdSignInException {
        OIDCProviderMetadata metadata = provider;
        if (metadata == null) {
            try {
                metadata = OIDCProviderMetadata.resolve(new Issuer(issuer.orElseThrow()));
            } catch (com.nimbusds.oauth2.sdk.GeneralException | IOException e) {
                throw new OpenIdSignInException("cannot read the provider's discovery document: " + e.getMessage());
            }
            provider = metadata;
        }
        return metadata;
    }

    /** A sign-in that could not be completed; the message says why, for the log. */
    static final class OpenIdSignInException extends Exception {
        OpenIdSignInException(String message) {
            super(message);
        }
    }
}
