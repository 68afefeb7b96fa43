package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.app.users.NewUser;
import io.oversight.app.users.UserAccount;
import io.oversight.app.users.UserDirectory;
import io.oversight.ledger.Actor;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform shell on a real Liberty server, once on the embedded database and once on
 * PostgreSQL: persistence provider, accounts round trip, authentication and authorization of the
 * API with problem+json errors, health.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PASSWORD = "correct-horse-battery";

    @Deployment
    static WebArchive deployment() {
        return Deployments.productionWarWithTestRunner()
                .addClasses(PersistenceProbe.class, ApiClient.class, Deployments.class);
    }

    @Inject
    PersistenceProbe persistence;

    @Inject
    UserDirectory directory;

    @ArquillianResource
    URL deployment;

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theJpaProviderIsHibernate() {
        assertNotNull(persistence.entityManager().unwrap(Session.class));
        assertNotNull(persistence.entityManager().getEntityManagerFactory().unwrap(SessionFactory.class));
        assertTrue(persistence.entityManager().getEntityManagerFactory().getClass().getName().startsWith("org.hibernate."),
                persistence.entityManager().getEntityManagerFactory().getClass().getName());
    }

    @Test
    void anAccountSurvivesTheRoundTripThroughTheDatabase() {
        String username = uniqueName("jpa");
        directory.create(new NewUser(username, PASSWORD, "Round Trip", List.of("auditor", "reviewer")),
                Actor.system("platform-it"));

        UserAccount stored = directory.find(username).orElseThrow();

        assertEquals(List.of("auditor", "reviewer"), stored.roles());
        assertEquals("Round Trip", stored.displayName());
        assertTrue(stored.enabled());
    }

    @Test
    @RunAsClient
    void anonymousCallToTheApiIsRefusedWith401ProblemJson() {
        HttpResponse<String> response = ApiClient.anonymous(deployment).get("api/v1/me");

        assertEquals(401, response.statusCode());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, object(response).getInt("status"));
        assertEquals("/oversight-it/api/v1/me", object(response).getString("instance"));
    }

    @Test
    @RunAsClient
    void wrongPasswordIsRefusedWith401ProblemJson() {
        HttpResponse<String> response = ApiClient.as(deployment, ApiClient.ADMIN, "not-the-password").get("api/v1/me");

        assertEquals(401, response.statusCode());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    @RunAsClient
    void wrongRoleIsRefusedWith403ProblemJsonAndRightRoleIsServed() {
        String reviewer = uniqueName("rev");
        ApiClient.asAdmin(deployment).createUser(reviewer, PASSWORD, "reviewer");
        ApiClient asReviewer = ApiClient.as(deployment, reviewer, PASSWORD);

        HttpResponse<String> refused = asReviewer.get("api/v1/users");
        HttpResponse<String> me = asReviewer.get("api/v1/me");
        HttpResponse<String> listedByAdmin = ApiClient.asAdmin(deployment).get("api/v1/users");

        assertEquals(403, refused.statusCode());
        assertEquals(PROBLEM_JSON, refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals("https://oversight.io/problems/forbidden", object(refused).getString("type"));
        assertEquals(200, me.statusCode());
        assertEquals(reviewer, object(me).getString("username"));
        assertEquals(List.of("reviewer"), object(me).getJsonArray("roles").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        assertEquals(200, listedByAdmin.statusCode());
        assertTrue(array(listedByAdmin).stream().map(JsonValue::asJsonObject)
                .anyMatch(account -> account.getString("username").equals(reviewer)));
    }

    @Test
    @RunAsClient
    void createdAccountCanBeReadBackAndASecondOneWithTheSameNameIsAConflict() {
        ApiClient admin = ApiClient.asAdmin(deployment);
        String username = uniqueName("aud");
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Audrey\",\"roles\":[\"auditor\"]}";

        HttpResponse<String> created = admin.postJson("api/v1/users", body);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> read = admin.get(URI.create(location).getPath().substring("/oversight-it/".length()));
        HttpResponse<String> duplicate = admin.postJson("api/v1/users", body.replace("Audrey", "Impostor"));
        HttpResponse<String> afterDuplicate = admin.get("api/v1/users/" + username);

        assertEquals(201, created.statusCode());
        assertEquals(200, read.statusCode());
        assertEquals("Audrey", object(read).getString("displayName"));
        assertFalse(read.body().contains("password"), "the password hash is never served");
        assertEquals(409, duplicate.statusCode());
        assertEquals(PROBLEM_JSON, duplicate.headers().firstValue("Content-Type").orElse(""));
        assertTrue(object(duplicate).getString("detail").contains(username));
        assertEquals("Audrey", object(afterDuplicate).getString("displayName"), "the conflict changed nothing");
    }

    @Test
    @RunAsClient
    void invalidFieldsAreAllReportedAndNothingIsCreated() {
        ApiClient admin = ApiClient.asAdmin(deployment);
        int before = array(admin.get("api/v1/users")).size();

        HttpResponse<String> response = admin.postJson("api/v1/users",
                "{\"username\":\"X\",\"password\":\"short\",\"roles\":[\"wizard\"]}");

        assertEquals(400, response.statusCode());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = object(response);
        assertEquals("https://oversight.io/problems/validation", problem.getString("type"));
        List<String> fields = problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).sorted().toList();
        assertEquals(List.of("password", "roles[0]", "username"), fields);
        assertEquals(before, array(admin.get("api/v1/users")).size());
        assertEquals(404, admin.get("api/v1/users/X").statusCode());
    }

    @Test
    @RunAsClient
    void malformedJsonIs400ProblemJsonAndChangesNothing() {
        ApiClient admin = ApiClient.asAdmin(deployment);
        int before = array(admin.get("api/v1/users")).size();

        HttpResponse<String> notJson = admin.postJson("api/v1/users", "{\"username\": \"abc\", ");
        HttpResponse<String> wrongType = admin.postJson("api/v1/users",
                "{\"username\":\"abcd\",\"password\":\"" + PASSWORD + "\",\"roles\":\"admin\"}");

        assertEquals(400, notJson.statusCode());
        assertEquals(PROBLEM_JSON, notJson.headers().firstValue("Content-Type").orElse(""));
        assertEquals(400, wrongType.statusCode());
        assertEquals(PROBLEM_JSON, wrongType.headers().firstValue("Content-Type").orElse(""));
        assertEquals(before, array(admin.get("api/v1/users")).size());
    }

    @Test
    @RunAsClient
    void unknownResourceIs404ProblemJson() {
        HttpResponse<String> response = ApiClient.asAdmin(deployment).get("api/v1/no-such-thing");
        HttpResponse<String> unknownUser = ApiClient.asAdmin(deployment).get("api/v1/users/nobody-here");

        assertEquals(404, response.statusCode());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, unknownUser.statusCode());
        assertTrue(object(unknownUser).getString("detail").contains("nobody-here"));
    }

    /**
     * The server's overall readiness also counts the application configured in server.xml, which a
     * test server does not have (tests deploy their own archive), so this checks Oversight's own
     * checks; the overall UP is checked on the running server (see the foundation issue's note).
     */
    @Test
    @RunAsClient
    void readinessReportsTheDatabaseAndAFinishedStartup() throws Exception {
        URI ready = URI.create(deployment.toString()).resolve("/health/ready");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());

        JsonObject health = object(response);
        java.util.Map<String, JsonObject> checks = health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(java.util.stream.Collectors.toMap(c -> c.getString("name"), c -> c));
        assertEquals("UP", checks.get("database").getString("status"), response.body());
        assertEquals(Deployments.onPostgres() ? "PostgreSQL" : "H2",
                checks.get("database").getJsonObject("data").getString("product"));
        assertEquals("UP", checks.get("startup").getString("status"), response.body());
        assertTrue(checks.get("startup").getJsonObject("data").getString("schema")
                .endsWith(", governance=6, tasks=8, export=4, app=4"), response.body());
    }

    @Test
    @RunAsClient
    void directoryUserIsAuthenticatedByLdapWithRolesFromTheirGroups() {
        HttpResponse<String> me = ApiClient.as(deployment, DirectoryForTests.USER, DirectoryForTests.PASSWORD).get("api/v1/me");
        HttpResponse<String> wrongPassword = ApiClient.as(deployment, DirectoryForTests.USER, "not-it").get("api/v1/me");
        HttpResponse<String> forbidden = ApiClient.as(deployment, DirectoryForTests.USER, DirectoryForTests.PASSWORD)
                .get("api/v1/users");

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(List.of("auditor"), object(me).getJsonArray("roles").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(403, forbidden.statusCode(), "directory groups grant only their own roles");
    }

    /** Follows the whole code flow like a browser: login link, provider, callback, home page. */
    private static HttpResponse<String> signInThroughTheProvider(HttpClient browser, URL deployment) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(deployment + "oidc/login")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browserLikeClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
    }

    @Test
    @RunAsClient
    void singleSignOnThroughOpenIdConnectGivesTheRolesOfTheGroupsClaim() throws Exception {
        String username = uniqueName("sso");
        IdentityProviderForTests.nextSignIn(username, List.of("governance", "not-a-role"));
        HttpClient browser = browserLikeClient();

        HttpResponse<String> landed = signInThroughTheProvider(browser, deployment);
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(deployment + "api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(landed.uri().getPath().endsWith("/home.xhtml"), landed.uri().toString());
        assertTrue(landed.body().contains("Welcome, " + username), landed.body());
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(username, object(me).getString("username"));
        assertEquals(List.of("governance"), object(me).getJsonArray("roles").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
    }

    @Test
    @RunAsClient
    void aCallbackWhoseStateWasTamperedWithSignsNobodyIn() throws Exception {
        // no ID token is queued: a refused callback must never reach the provider's token endpoint
        HttpClient stepByStep = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> toProvider = stepByStep.send(HttpRequest.newBuilder(URI.create(deployment + "oidc/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> toCallback = stepByStep.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = toCallback.headers().firstValue("Location").orElseThrow();
        String forged = callback.replaceAll("state=[^&]+", "state=forged");
        HttpResponse<String> refused = stepByStep.send(HttpRequest.newBuilder(URI.create(forged)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replayed = stepByStep.send(HttpRequest.newBuilder(URI.create(callback)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> me = stepByStep.send(HttpRequest.newBuilder(URI.create(deployment + "api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(authorize.startsWith("http://127.0.0.1:"), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce="), authorize);
        assertTrue(refused.headers().firstValue("Location").orElse("").endsWith("/login.xhtml?sso=failed"));
        assertTrue(replayed.headers().firstValue("Location").orElse("").endsWith("/login.xhtml?sso=failed"),
                "a sign-in is single use: after a refused callback the genuine one is refused too");
        assertEquals(401, me.statusCode());
    }

    @Test
    @RunAsClient
    void aCallbackThatNoSignInStartedIsRefused() throws Exception {
        HttpClient browser = browserLikeClient();

        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(
                URI.create(deployment + "oidc/callback?code=forged&state=forged")).build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(landed.uri().toString().endsWith("/login.xhtml?sso=failed"), landed.uri().toString());
    }

    @Test
    @RunAsClient
    void demoUsersExistOnlyOnTheEmbeddedDatabase() {
        HttpResponse<String> demoReviewer = ApiClient.as(deployment, "rita", "oversight-demo").get("api/v1/me");

        assertEquals(Deployments.onPostgres() ? 401 : 200, demoReviewer.statusCode(), demoReviewer.body());
    }

    @Test
    @RunAsClient
    void pagesRedirectAnonymousVisitorsToTheLoginPage() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> home = noRedirects.send(
                HttpRequest.newBuilder(URI.create(deployment + "home.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = noRedirects.send(
                HttpRequest.newBuilder(URI.create(deployment + "login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(302, home.statusCode());
        assertTrue(home.headers().firstValue("Location").orElse("").endsWith("/oversight-it/login.xhtml"));
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("id=\"login:username\""));
    }
}
