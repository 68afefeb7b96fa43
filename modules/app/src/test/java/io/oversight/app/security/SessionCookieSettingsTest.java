package io.oversight.app.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session cookie is Secure exactly when the operator says people reach the server over TLS (the
 * integration tests run over plain HTTP and prove the other half: not Secure there).
 */
class SessionCookieSettingsTest {

    /** A cookie configuration that remembers what was set on it, as the servlet container's does. */
    private static SessionCookieConfig cookie(boolean secureAlready) {
        Map<String, Object> state = new HashMap<>(Map.of("secure", secureAlready));
        return (SessionCookieConfig) Proxy.newProxyInstance(SessionCookieConfig.class.getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setSecure" -> state.put("secure", args[0]);
                    case "isSecure" -> state.get("secure");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void servedOverTlsTheCookieIsSecure() {
        SessionCookieConfig config = cookie(false);
        assertTrue(SessionCookieSettings.apply(true, config));
        assertTrue(config.isSecure());
    }

    @Test
    void servedOverPlainHttpTheCookieIsLeftAsTheContainerHasIt() {
        SessionCookieConfig plain = cookie(false);
        assertFalse(SessionCookieSettings.apply(false, plain));
        assertFalse(plain.isSecure());
        SessionCookieConfig markedElsewhere = cookie(true);
        assertTrue(SessionCookieSettings.apply(false, markedElsewhere), "a Secure cookie is never unmarked");
    }
}
