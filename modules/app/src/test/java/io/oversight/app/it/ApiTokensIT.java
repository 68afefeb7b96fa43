package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API tokens of integration accounts (ADR 0033): an administrator creates one and sees its secret
 * once; the integration calls the API with it as {@code Authorization: Bearer}; revoked, expired,
 * unknown and malformed tokens get 401 problem+json; creating and revoking are ledger entries; bad
 * requests change nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokensIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWarWithProbes();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient admin;
    private String integration;

    @BeforeEach
    void anIntegrationAccount() {
        admin = ApiClient.asAdmin(deployment);
        integration = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(integration, PASSWORD, "integration");
    }

    private String tokensOf(String username) {
        return "api/v1/users/" + username + "/tokens";
    }

    private JsonObject create(String username, String body) {
        HttpResponse<String> created = admin.postJson(tokensOf(username), body);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""), "the secret is not cached");
        return object(created);
    }

    private HttpResponse<String> withBearer(String method, String path, String authorization, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin.base().resolve(path))
                .header("Authorization", authorization)
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertUnauthorized(HttpResponse<String> response, String expectedDetail) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                response.headers().map().toString());
        assertEquals(expectedDetail, object(response).getString("detail"));
    }

    private static <T> T awaitPresent(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private JsonObject awaitLedgerEntry(String action, String tokenId) throws InterruptedException {
        String auditor = "aud-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(auditor, PASSWORD, "auditor");
        ApiClient auditorClient = ApiClient.as(deployment, auditor, PASSWORD);
        return awaitPresent(() -> object(auditorClient.get("api/v1/ledger/entries?action=" + action + "&limit=1000"))
                .getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .filter(e -> tokenId.equals(e.getJsonObject("attributes").getString("tokenId", "")))
                .findFirst(), action + " of token " + tokenId);
    }

    @Test
    void anAdministratorCreatesATokenShownOnceAndTheIntegrationCallsTheApiWithIt() throws Exception {
        JsonObject created = create(integration, "{\"name\":\"model service (staging)\"}");
        String secret = created.getString("secret");
        JsonObject token = created.getJsonObject("token");
        assertTrue(secret.matches("ovt_[A-Za-z0-9_-]{43}"), secret);
        assertEquals("model service (staging)", token.getString("name"));
        assertEquals("active", token.getString("status"));
        assertTrue(secret.startsWith(token.getString("hint")), "the hint is the token's start");

        HttpResponse<String> me = withBearer("GET", "api/v1/me", "Bearer " + secret, null);

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(integration, object(me).getString("username"));
        assertEquals(List.of("integration"), object(me).getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(null, me.headers().firstValue("Set-Cookie").orElse(null), "no session for machines");
        HttpResponse<String> listed = admin.get(tokensOf(integration));
        assertEquals(200, listed.statusCode(), listed.body());
        assertFalse(listed.body().contains(secret), "the secret is never shown again");
        assertFalse(listed.body().contains(secret.substring(12)), "not even in part");
        JsonObject listedToken = array(listed).getJsonObject(0);
        assertEquals(token.getString("id"), listedToken.getString("id"));
        assertFalse(listedToken.isNull("lastUsedAt"), "the call was recorded as its last use: " + listedToken);
        JsonObject entry = awaitLedgerEntry("app.token.created", token.getString("id"));
        assertEquals("admin", entry.getString("actorRole"));
        assertFalse(entry.toString().contains(secret), "the ledger never holds the secret");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceWithProblemJsonAndTheRevocationIsAudited() throws Exception {
        JsonObject created = create(integration, "{\"name\":\"revoked soon\"}");
        String secret = created.getString("secret");
        String id = created.getJsonObject("token").getString("id");
        assertEquals(200, withBearer("GET", "api/v1/me", "Bearer " + secret, null).statusCode());

        HttpResponse<String> revoked = admin.delete(tokensOf(integration) + "/" + id);

        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("revoked", object(revoked).getString("status"));
        assertUnauthorized(withBearer("GET", "api/v1/me", "Bearer " + secret, null), "The token was revoked.");
        awaitLedgerEntry("app.token.revoked", id);
        Map<String, Long> before = RowCounts.of(deployment);
        HttpResponse<String> again = admin.delete(tokensOf(integration) + "/" + id);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(before, RowCounts.of(deployment), "revoking twice writes no second entry");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3);
        JsonObject created = create(integration, "{\"name\":\"short-lived\",\"expiresAt\":\"" + expiry + "\"}");
        String secret = created.getString("secret");

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1000);

        assertUnauthorized(withBearer("GET", "api/v1/me", "Bearer " + secret, null), "The token has expired.");
        assertEquals("expired", array(admin.get(tokensOf(integration))).getJsonObject(0).getString("status"));
    }

    @Test
    void unknownAndMalformedTokensAreRefusedWithProblemJson() {
        String unknown = "ovt_" + "Q".repeat(43);

        assertUnauthorized(withBearer("GET", "api/v1/me", "Bearer " + unknown, null), "The token is not known.");
        for (String header : List.of("Bearer", "Bearer not-a-token", "Bearer " + unknown + "Q")) {
            HttpResponse<String> refused = withBearer("GET", "api/v1/me", header, null);
            assertEquals(401, refused.statusCode(), header);
            assertEquals(PROBLEM_JSON, refused.headers().firstValue("Content-Type").orElse(""), header);
        }
    }

    @Test
    void aTokenCarriesItsOwnCredentialsSoTheSameOriginCheckDoesNotApply() {
        String secret = create(integration, "{\"name\":\"cross-origin client\"}").getString("secret");

        HttpResponse<String> response = withBearer("POST", "api/v1/workflows/no-such-workflow/predictions",
                "Bearer " + secret, "https://elsewhere.example");

        assertNotEquals(403, response.statusCode(), response.body());
        assertFalse(response.body().contains("cross-origin-request"), response.body());
        assertEquals(400, response.statusCode(), "the empty prediction is what the answer is about: " + response.body());
    }

    @Test
    void badRequestsAreRefusedWithProblemJsonAndChangeNothing() {
        String reviewer = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(reviewer, PASSWORD, "reviewer");
        Map<String, Long> before = RowCounts.of(deployment);

        record Bad(String path, String body, int status) {
        }
        List<Bad> bad = List.of(
                new Bad(tokensOf(reviewer), "{\"name\":\"not an integration\"}", 409),
                new Bad(tokensOf("no-such-account"), "{\"name\":\"x\"}", 404),
                new Bad(tokensOf(integration), "{\"name\":\"\"}", 400),
                new Bad(tokensOf(integration), "{}", 400),
                new Bad(tokensOf(integration), "{\"name\":\"" + "n".repeat(101) + "\"}", 400),
                new Bad(tokensOf(integration), "{\"name\":\"past\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}", 400),
                new Bad(tokensOf(integration), "{\"name\":\"when\",\"expiresAt\":\"tomorrow\"}", 400),
                new Bad(tokensOf(integration), "{\"name\":", 400));
        for (Bad request : bad) {
            HttpResponse<String> response = admin.postJson(request.path(), request.body());
            assertEquals(request.status(), response.statusCode(), request + " -> " + response.body());
            assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""), request.toString());
        }
        HttpResponse<String> unknownToken = admin.delete(tokensOf(integration) + "/" + UUID.randomUUID());
        assertEquals(404, unknownToken.statusCode(), unknownToken.body());
        HttpResponse<String> byReviewer = ApiClient.as(deployment, reviewer, PASSWORD)
                .postJson(tokensOf(integration), "{\"name\":\"sneaky\"}");
        assertEquals(403, byReviewer.statusCode(), byReviewer.body());
        assertEquals(401, ApiClient.anonymous(deployment).get(tokensOf(integration)).statusCode());

        assertEquals(before, RowCounts.of(deployment), "refused requests changed nothing");
    }

    @Test
    void aTokenCannotOpenPagesAndGetsNoLoginRedirect() {
        String secret = create(integration, "{\"name\":\"page visitor\"}").getString("secret");

        HttpResponse<String> home = withBearer("GET", "home.xhtml", "Bearer " + secret, null);
        HttpResponse<String> badToken = withBearer("GET", "home.xhtml", "Bearer ovt_" + "Z".repeat(43), null);

        assertEquals(403, home.statusCode(), "an integration account has no pages");
        assertEquals(401, badToken.statusCode(), "a machine is answered, not sent to the login page");
    }
}
