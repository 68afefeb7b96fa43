package io.oversight.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser-side defences on every kind of response: a signed-in page, an API answer, a static file
 * and error pages all carry the Content-Security-Policy, no framing, nosniff and the referrer policy;
 * pages and API answers are never stored by the browser (Back after signing out must not show them),
 * static files stay cacheable; the session cookie is HttpOnly and SameSite=Lax; no HSTS over plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static void assertDefences(HttpResponse<String> response, String what) {
        assertEquals(CSP, header(response, "Content-Security-Policy"), what);
        assertEquals("DENY", header(response, "X-Frame-Options"), what);
        assertEquals("nosniff", header(response, "X-Content-Type-Options"), what);
        assertEquals("same-origin", header(response, "Referrer-Policy"), what);
        assertEquals("", header(response, "Strict-Transport-Security"), what + ": no HSTS over plain HTTP");
    }

    private static void assertNotStored(HttpResponse<String> response, String what) {
        assertTrue(header(response, "Cache-Control").contains("no-store"), what + ": " + header(response, "Cache-Control"));
    }

    @Test
    void pagesApiAnswersStaticFilesAndErrorPagesCarryTheDefences() {
        TasksFixture f = new TasksFixture(deployment);
        SessionClient lead = SessionClient.signIn(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);

        HttpResponse<String> page = lead.get("governance/workflows.xhtml");
        HttpResponse<String> api = lead.get("api/v1/me");
        HttpResponse<String> stylesheet = lead.get("resources/css/oversight.css");
        HttpResponse<String> facesResource = lead.get("jakarta.faces.resource/oversight.js.xhtml?ln=js");
        HttpResponse<String> missingPage = lead.get("no-such-page.xhtml");
        HttpResponse<String> forbiddenPage = lead.get("admin/index.xhtml");
        HttpResponse<String> missingApi = lead.get("api/v1/workflows/no-such-workflow-" + f.suffix);

        assertEquals(200, page.statusCode());
        assertEquals(200, api.statusCode());
        assertEquals(200, stylesheet.statusCode());
        assertEquals(200, facesResource.statusCode());
        assertEquals(404, missingPage.statusCode());
        assertEquals(403, forbiddenPage.statusCode());
        assertEquals(404, missingApi.statusCode());
        for (var response : List.of(page, api, stylesheet, facesResource, missingPage, forbiddenPage, missingApi)) {
            assertDefences(response, response.uri().toString());
        }
        for (var response : List.of(page, api, missingPage, forbiddenPage, missingApi)) {
            assertNotStored(response, response.uri().toString());
        }
        assertFalse(header(stylesheet, "Cache-Control").contains("no-store"), "static files stay cacheable");
        assertFalse(header(facesResource, "Cache-Control").contains("no-store"), "static files stay cacheable");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() {
        TasksFixture f = new TasksFixture(deployment);
        SessionClient lead = SessionClient.signIn(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);

        List<String> sessionCookies = lead.cookiesSet().stream().filter(c -> c.startsWith("JSESSIONID=")).toList();

        assertFalse(sessionCookies.isEmpty(), lead.cookiesSet().toString());
        for (String cookie : sessionCookies) {
            String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
            assertTrue(attributes.contains("httponly"), cookie);
            assertTrue(attributes.contains("samesite=lax"), cookie);
            assertFalse(attributes.contains("secure;") || attributes.endsWith("secure"),
                    "Secure only when oversight.security.servedOverTls says so: " + cookie);
        }
    }

    @Test
    void aPageSeenBeforeSigningOutIsNotKeptAndIsNotServedAfterwards() {
        TasksFixture f = new TasksFixture(deployment);
        SessionClient lead = SessionClient.signIn(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
        HttpResponse<String> before = lead.get("governance/workflows.xhtml");
        assertEquals(200, before.statusCode());
        assertNotStored(before, "the governance page");

        String fields = "signOutForm=signOutForm&signOutForm_SUBMIT=1&signOutForm%3AsignOut=Sign+out&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(SessionClient.viewState(before.body()), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> signedOut = lead.postForm("governance/workflows.xhtml", fields, false);
        assertTrue(signedOut.statusCode() == 302 || signedOut.statusCode() == 303, "sign-out redirects: " + signedOut.statusCode());

        HttpResponse<String> after = lead.get("governance/workflows.xhtml");
        assertFalse(after.statusCode() == 200 && after.body().contains("page-title"),
                "after signing out the page asks to sign in: " + after.statusCode());
    }
}
