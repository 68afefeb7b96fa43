package io.oversight.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers by kind of request; HSTS, which the integration tests over plain HTTP cannot show. */
class SecurityHeadersFilterTest {

    private static HttpServletRequest request(String uri, boolean secure) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> "/ctx" + uri;
                    case "getContextPath" -> "/ctx";
                    case "isSecure" -> secure;
                    default -> null;
                });
    }

    /** A response that only records its headers. */
    private static HttpServletResponse response(Map<String, String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
    }

    private static Map<String, String> headersFor(String uri, boolean secure, boolean servedOverTls) {
        Map<String, String> headers = new HashMap<>();
        SecurityHeadersFilter.apply(request(uri, secure), response(headers), servedOverTls);
        return headers;
    }

    @Test
    void hstsOnlyWhenPeopleReachTheServerOverHttps() {
        assertFalse(headersFor("/home.xhtml", false, false).containsKey("Strict-Transport-Security"), "plain HTTP");
        assertEquals("max-age=31536000", headersFor("/home.xhtml", true, false).get("Strict-Transport-Security"), "TLS here");
        assertEquals("max-age=31536000", headersFor("/home.xhtml", false, true).get("Strict-Transport-Security"),
                "TLS at a proxy the operator declared");
    }

    @Test
    void pagesAndApiAnswersAreNotStoredStaticFilesAre() {
        assertEquals("no-store", headersFor("/governance/workflows.xhtml", false, false).get("Cache-Control"));
        assertEquals("no-store", headersFor("/api/v1/me", false, false).get("Cache-Control"));
        assertFalse(headersFor("/jakarta.faces.resource/oversight.js.xhtml", false, false).containsKey("Cache-Control"));
        assertFalse(headersFor("/resources/css/oversight.css", false, false).containsKey("Cache-Control"));
        assertFalse(headersFor("/governance/charts.js", false, false).containsKey("Cache-Control"));
        Map<String, String> headers = headersFor("/resources/css/oversight.css", false, false);
        assertTrue(headers.get("Content-Security-Policy").contains("script-src 'self';"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("same-origin", headers.get("Referrer-Policy"));
    }
}
