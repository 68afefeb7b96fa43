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
}
