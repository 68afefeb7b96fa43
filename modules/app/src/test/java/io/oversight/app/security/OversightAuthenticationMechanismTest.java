package io.oversight.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import io.oversight.app.signin.SignInThrottle;
import io.oversight.app.signin.ThrottlePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The mechanism's decisions that do not need a server, with the servlet and security types faked. */
class OversightAuthenticationMechanismTest {

    private final Map<String, Object> response = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (answers.containsKey(method.getName())) {
                Object answer = answers.get(method.getName());
                return answer instanceof java.util.function.Function<?, ?> f
                        ? ((java.util.function.Function<Object[], Object>) f).apply(args) : answer;
            }
            if (method.getReturnType() == boolean.class) {
                return false;
            }
            return null;
        });
    }

    private HttpServletResponse recordingResponse() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        Map<String, Object> answers = new HashMap<>();
        answers.put("setStatus", (java.util.function.Function<Object[], Object>) a -> response.put("status", a[0]));
        answers.put("setContentType", (java.util.function.Function<Object[], Object>) a -> response.put("type", a[0]));
        answers.put("setHeader", (java.util.function.Function<Object[], Object>) a -> response.put((String) a[0], a[1]));
        answers.put("getOutputStream", out);
        return fake(HttpServletResponse.class, answers);
    }

    @Test
    void aFailingIdentityStoreMakesWrongCredentialsA401NotAServerError() {
        OversightAuthenticationMechanism mechanism = new OversightAuthenticationMechanism();
        mechanism.identityStores = fake(IdentityStoreHandler.class, Map.of("validate",
                (java.util.function.Function<Object[], Object>) a -> {
                    throw new IllegalArgumentException("No URL was provided to the LdapIdentityStore.");
                }));
        OpenIdConnect noSingleSignOn = new OpenIdConnect();
        noSingleSignOn.issuer = Optional.empty();
        mechanism.openIdConnect = noSingleSignOn;
        mechanism.signInThrottle = throttle(Optional.empty());
        mechanism.trustedProxies = Optional.empty();
        String basic = "Basic " + Base64.getEncoder().encodeToString("rita:wrong".getBytes(StandardCharsets.UTF_8));
        HttpServletRequest request = fake(HttpServletRequest.class, Map.of(
                "getHeader", basic, "getRequestURI", "/api/v1/me", "getContextPath", ""));
        HttpMessageContext context = fake(HttpMessageContext.class, Map.of(
                "getAuthParameters", AuthenticationParameters.withParams(), "isProtected", true));

        AuthenticationStatus status = mechanism.validateRequest(request, recordingResponse(), context);

        assertEquals(AuthenticationStatus.SEND_FAILURE, status);
        assertEquals(401, response.get("status"));
        assertEquals("application/problem+json", response.get("type"));
        assertTrue(response.get("WWW-Authenticate").toString().startsWith("Basic"));
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("\"status\":401"), body.toString(StandardCharsets.UTF_8));
    }

    private final AtomicInteger failuresRecorded = new AtomicInteger();

    private SignInThrottle throttle(Optional<ThrottlePolicy.Refusal> refusal) {
        return new SignInThrottle() {
            @Override
            public boolean mayBeThrottled(String address) {
                return true;
            }

            @Override
            public Standing standing(String username, String address) {
                return new Standing(refusal, refusal.isPresent());
            }

            @Override
            public void failed(String username, String address) {
                failuresRecorded.incrementAndGet();
            }
        };
    }

    @Test
    void aThrottledBasicAttemptGets429WithRetryAfterAndItsPasswordIsNeverChecked() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        OversightAuthenticationMechanism mechanism = new OversightAuthenticationMechanism();
        AtomicInteger storeCalls = new AtomicInteger();
        mechanism.identityStores = fake(IdentityStoreHandler.class, Map.of("validate",
                (java.util.function.Function<Object[], Object>) a -> {
                    storeCalls.incrementAndGet();
                    throw new AssertionError("a throttled attempt must not reach the identity store");
                }));
        OpenIdConnect noSingleSignOn = new OpenIdConnect();
        noSingleSignOn.issuer = Optional.empty();
        mechanism.openIdConnect = noSingleSignOn;
        mechanism.signInThrottle = throttle(Optional.of(
                new ThrottlePolicy.Refusal(ThrottlePolicy.Reason.ACCOUNT_LOCKED, now.plusMillis(41_500))));
        mechanism.trustedProxies = Optional.empty();
        mechanism.clock = Clock.fixed(now, ZoneOffset.UTC);
        String basic = "Basic " + Base64.getEncoder().encodeToString("rita:guess".getBytes(StandardCharsets.UTF_8));
        HttpServletRequest request = fake(HttpServletRequest.class, Map.of(
                "getHeader", basic, "getRequestURI", "/api/v1/me", "getContextPath", "", "getRemoteAddr", "192.0.2.7"));
        HttpMessageContext context = fake(HttpMessageContext.class, Map.of(
                "getAuthParameters", AuthenticationParameters.withParams(), "isProtected", true));

        AuthenticationStatus status = mechanism.validateRequest(request, recordingResponse(), context);

        assertEquals(AuthenticationStatus.SEND_FAILURE, status);
        assertEquals(429, response.get("status"));
        assertEquals("42", response.get("Retry-After"), "whole seconds, rounded up");
        assertEquals("application/problem+json", response.get("type"));
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("sign-in-throttled"), body.toString(StandardCharsets.UTF_8));
        assertEquals(0, storeCalls.get());
        assertEquals(0, failuresRecorded.get(), "a refused attempt is not another failure");
    }
}
