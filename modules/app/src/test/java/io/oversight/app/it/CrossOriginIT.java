package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cross-site request forgery against the REST API: a foreign page can make a signed-in person's
 * browser send body-less, Content-Type-less requests that carry the session cookie. Each
 * state-changing route of the running application is forged that way and must be refused with
 * nothing changed, while the application's own pages and credential-carrying clients keep working.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossOriginIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String ATTACKER = "https://attacker.example";
    private static final List<String> EVERY_ROLE = List.of("annotator", "reviewer", "expert", "adjudicator",
            "governance", "auditor", "admin");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWarWithProbes();
    }

    @ArquillianResource
    URL deployment;

    private SessionClient signedInWithEveryRole() {
        String username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser(username, PASSWORD, EVERY_ROLE.toArray(String[]::new));
        return SessionClient.signIn(deployment, username, PASSWORD);
    }

    private static void assertRefusedAsCrossOrigin(HttpResponse<String> response, String what) {
        assertEquals(403, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        assertEquals("https://oversight.io/problems/cross-origin-request", object(response).getString("type"), what);
    }

    private static String userJson(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"auditor\"]}";
    }

    @Test
    void forgedRequestsToEveryStateChangingRouteAreRefusedAndChangeNothing() {
        SessionClient victim = signedInWithEveryRole();
        List<RestRoutes.Route> routes = RestRoutes.of(deployment).stateChanging();
        List<String> forged = routes.stream().map(RestRoutes.Route::toString).toList();
        assertTrue(forged.contains("POST /api/v1/queues/{workflowKey}/{tier}/claim-next"), forged.toString());
        assertTrue(forged.contains("POST /api/v1/policies/{id}/activation"), forged.toString());
        Map<String, Long> before = RowCounts.of(deployment);

        List<String> accepted = new ArrayList<>();
        for (RestRoutes.Route route : routes) {
            HttpResponse<String> response = victim.bodiless(route.method(), route.concrete("1"), ATTACKER, null);
            if (response.statusCode() != 403 || !response.body().contains("cross-origin-request")) {
                accepted.add(route + " -> " + response.statusCode() + " " + response.body());
            }
        }

        assertEquals(List.of(), accepted, "forged requests not refused as cross-origin");
        assertEquals(before, RowCounts.of(deployment), "the forged requests changed nothing");
    }

    @Test
    void aForeignRefererOrNoOriginAtAllIsRefusedAndCreatesNothing() {
        SessionClient victim = signedInWithEveryRole();
        String viaReferer = "csrf-ref-" + UUID.randomUUID().toString().substring(0, 8);
        String withoutOrigin = "csrf-none-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> foreignReferer = victim.postJson("api/v1/users", userJson(viaReferer), null,
                ATTACKER + "/innocent-looking-page");
        HttpResponse<String> neither = victim.postJson("api/v1/users", userJson(withoutOrigin), null, null);
        HttpResponse<String> nullOrigin = victim.postJson("api/v1/users", userJson(withoutOrigin), "null", null);

        assertRefusedAsCrossOrigin(foreignReferer, "foreign Referer");
        assertRefusedAsCrossOrigin(neither, "neither Origin nor Referer");
        assertRefusedAsCrossOrigin(nullOrigin, "Origin: null (a sandboxed frame)");
        assertEquals(404, ApiClient.asAdmin(deployment).get("api/v1/users/" + viaReferer).statusCode());
        assertEquals(404, ApiClient.asAdmin(deployment).get("api/v1/users/" + withoutOrigin).statusCode());
    }

    @Test
    void theServersOwnPagesAndReadsKeepWorkingWithTheSessionCookie() {
        SessionClient person = signedInWithEveryRole();
        String byOrigin = "csrf-own-" + UUID.randomUUID().toString().substring(0, 8);
        String byReferer = "csrf-own-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> sameOrigin = person.postJson("api/v1/users", userJson(byOrigin), person.ownOrigin(), null);
        HttpResponse<String> sameReferer = person.postJson("api/v1/users", userJson(byReferer), null,
                person.ownOrigin() + "/oversight-it/admin/index.xhtml");
        HttpResponse<String> crossOriginRead = person.bodiless("GET", "api/v1/me", ATTACKER, null);

        assertEquals(201, sameOrigin.statusCode(), sameOrigin.body());
        assertEquals(201, sameReferer.statusCode(), sameReferer.body());
        assertEquals(200, crossOriginRead.statusCode(), "reads change nothing; the browser keeps their answer from the foreign page");
    }

    @Test
    void clientsSendingTheirOwnCredentialsAreNotAskedForAnOrigin() throws Exception {
        String username = "csrf-basic-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = ApiClient.asAdmin(deployment);
        HttpRequest request = HttpRequest.newBuilder(admin.base().resolve("api/v1/users"))
                .header("Authorization", admin.authorization()).header("Origin", ATTACKER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(userJson(username))).build();

        HttpResponse<String> created = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, admin.get("api/v1/users/" + username).statusCode());
    }
}
