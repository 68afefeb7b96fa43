package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in throttling on a running server (ADR 0033). The IT servers trust the loopback address as a
 * proxy, so each test plays clients at addresses of its own through {@code X-Forwarded-For} and
 * never throttles the other tests. They run with: slow down after 3 failures (wait 15 s), lock after
 * 4 for 20 s, lock an address after 30; every wait the tests make is the server's own
 * {@code Retry-After}, and every "still refused" check comes right after the failure that caused it,
 * seconds inside those periods.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInThrottleIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final int ADDRESS_LOCK_AFTER = 30;
    /** oversight.security.signIn.lockAfter of the test servers (modules/app/pom.xml). */
    private static final int LOCK_AFTER = 4;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWarWithProbes();
    }

    @ArquillianResource
    URL deployment;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static String anAddress() {
        return "198.51." + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private String aPerson() {
        String username = "thr-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser(username, PASSWORD, "reviewer");
        return username;
    }

    private HttpResponse<String> me(String username, String password, String address) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(deployment.toString()).resolve("api/v1/me"))
                .header("Authorization", "Basic " + basic).header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long assertThrottled(HttpResponse<String> response, String what) {
        assertEquals(429, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        assertEquals("https://oversight.io/problems/sign-in-throttled", object(response).getString("type"), what);
        return Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    }

    private Optional<JsonObject> failuresOf(String username, String address) {
        HttpResponse<String> list = ApiClient.asAdmin(deployment).get("api/v1/sign-in-failures");
        assertEquals(200, list.statusCode(), list.body());
        return array(list).stream().map(JsonValue::asJsonObject)
                .filter(row -> address.equals(row.getString("address"))
                        && Optional.ofNullable(username).equals(row.containsKey("username") && !row.isNull("username")
                            ? Optional.of(row.getString("username")) : Optional.empty()))
                .findFirst();
    }

    @Test
    void failuresSlowDownThenLockTheAccountFromThatAddressOnlyAndTheLockEnds() throws Exception {
        String person = aPerson();
        String attacker = anAddress();
        String elsewhere = anAddress();
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, me(person, "guess-" + i, attacker).statusCode());
        }

        long wait = assertThrottled(me(person, PASSWORD, attacker), "the right password right after three failures");
        assertTrue(wait >= 1 && wait <= 15, "waits at most the first delay: " + wait);
        assertEquals(200, me(person, PASSWORD, elsewhere).statusCode(), "the person signs in from elsewhere");
        JsonObject slowed = failuresOf(person, attacker).orElseThrow();
        assertEquals(3, slowed.getInt("failures"));
        assertEquals("slowed", slowed.getString("state"));

        Thread.sleep(wait * 1000 + 500);
        assertEquals(401, me(person, "guess-4", attacker).statusCode(), "after the wait, an attempt is checked again");
        long lock = assertThrottled(me(person, PASSWORD, attacker), "the right password after the fourth failure");

        assertTrue(lock > 15 && lock <= 20, "locked for the lock period: " + lock);
        assertEquals("locked", failuresOf(person, attacker).orElseThrow().getString("state"));
        assertEquals(200, me(person, PASSWORD, elsewhere).statusCode(), "the lock does not reach other addresses");

        Thread.sleep(lock * 1000 + 500);
        assertEquals(200, me(person, PASSWORD, attacker).statusCode(), "the lock is temporary");
        assertEquals(Optional.empty(), failuresOf(person, attacker), "a success forgets the account's failures");
    }

    @Test
    void failuresAnotherServerRecordedThrottleThisServerToo() throws Exception {
        String person = aPerson();
        String attacker = anAddress();
        assertEquals(200, me(person, PASSWORD, attacker).statusCode(), "no failure yet; the credential is now cached here");
        HttpResponse<String> recorded = http.send(HttpRequest.newBuilder(URI.create(deployment + OtherServerSignInFailures.PATH
                        .substring(1) + "?username=" + person + "&address=" + attacker + "&count=" + LOCK_AFTER))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, recorded.statusCode(), recorded.body());

        // this server reads the shared failures at most a second late, even for a caller it has cached
        HttpResponse<String> answer = me(person, PASSWORD, attacker);
        for (int attempt = 0; attempt < 20 && answer.statusCode() == 200; attempt++) {
            Thread.sleep(250);
            answer = me(person, PASSWORD, attacker);
        }
        long lock = assertThrottled(answer, "the right password after failures another server counted");
        assertTrue(lock > 15 && lock <= 20, "locked for the lock period, not merely slowed: " + lock);
        assertEquals("locked", failuresOf(person, attacker).orElseThrow().getString("state"));
        assertEquals(200, me(person, PASSWORD, anAddress()).statusCode(), "the lock does not reach other addresses");
    }

    @Test
    void anAddressFailingForManyAccountsIsLockedForAllOfThemButOtherAddressesAreNot() {
        String person = aPerson();
        String sprayer = anAddress();
        for (int i = 0; i < ADDRESS_LOCK_AFTER; i++) {
            assertEquals(401, me("nobody-" + i + "-" + UUID.randomUUID().toString().substring(0, 4), "guess", sprayer)
                    .statusCode());
        }

        assertThrottled(me(person, PASSWORD, sprayer), "an account never tried from the locked address");
        assertEquals(200, me(person, PASSWORD, anAddress()).statusCode(), "other addresses are not affected");
        JsonObject addressRow = failuresOf(null, sprayer).orElseThrow();
        assertEquals("address-locked", addressRow.getString("state"));
        assertEquals(ADDRESS_LOCK_AFTER, addressRow.getInt("failures"));
        assertFalse(addressRow.isNull("refusedUntil"));
    }

    @Test
    void theSignInFormIsThrottledAndSaysUntilWhen() {
        String person = aPerson();
        String address = anAddress();
        FormClient browser = new FormClient(URI.create(deployment.toString()), address);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> failed = browser.signIn(person, "guess-" + i);
            assertEquals(200, failed.statusCode());
            assertTrue(failed.body().contains("Unknown username or wrong password."), failed.body());
        }

        HttpResponse<String> throttled = browser.signIn(person, PASSWORD);

        assertEquals(200, throttled.statusCode(), "no redirect home: nobody is signed in");
        assertTrue(throttled.body().contains("Too many failed sign-ins from your address. Try again after "),
                throttled.body());
        assertTrue(throttled.body().contains(" UTC."), "the time is given for people");
        assertEquals(302, new FormClient(URI.create(deployment.toString()), anAddress()).signIn(person, PASSWORD)
                .statusCode(), "the same person signs in from another address");
    }

    @Test
    void anAdministratorLiftsASlowDownOrAnAddressLockAtOnceAndTheLedgerSaysSo() {
        String person = aPerson();
        String attacker = anAddress();
        String sprayer = anAddress();
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, me(person, "guess-" + i, attacker).statusCode());
        }
        assertThrottled(me(person, PASSWORD, attacker), "slowed down after the third failure");
        for (int i = 0; i < ADDRESS_LOCK_AFTER; i++) {
            me("sprayed-" + i + "-" + UUID.randomUUID().toString().substring(0, 4), "guess", sprayer);
        }
        assertThrottled(me(person, PASSWORD, sprayer), "the sprayed address is locked for everyone");
        ApiClient admin = ApiClient.asAdmin(deployment);
        String auditor = "aud-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(auditor, PASSWORD, "auditor");
        ApiClient auditorClient = ApiClient.as(deployment, auditor, PASSWORD);

        for (String bad : List.of("{}", "{\"address\":\"  \"}", "{\"address\":\"" + "9".repeat(65) + "\"}")) {
            HttpResponse<String> refused = admin.postJson("api/v1/sign-in-failures/lifts", bad);
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertTrue(refused.body().contains("\"field\":\"address\""), refused.body());
        }
        HttpResponse<String> nothing = admin.postJson("api/v1/sign-in-failures/lifts",
                "{\"address\":\"" + anAddress() + "\",\"username\":\"" + person + "\"}");
        assertEquals(404, nothing.statusCode(), "an address with no recorded failure: " + nothing.body());
        assertEquals(403, ApiClient.as(deployment, person, PASSWORD).postJson("api/v1/sign-in-failures/lifts",
                "{\"address\":\"" + attacker + "\"}").statusCode(), "a person cannot lift their own lock");
        assertEquals("slowed", failuresOf(person, attacker).orElseThrow().getString("state"), "the refusals changed nothing");
        int liftsBefore = liftEntries(auditorClient).size();

        HttpResponse<String> lifted = admin.postJson("api/v1/sign-in-failures/lifts",
                "{\"address\":\"" + attacker + "\",\"username\":\"" + person + "\"}");
        assertEquals(200, lifted.statusCode(), lifted.body());
        assertEquals(3, object(lifted).getInt("failuresForgotten"));
        assertEquals(200, me(person, PASSWORD, attacker).statusCode(), "the person signs in at once, before the wait ends");
        assertEquals(Optional.empty(), failuresOf(person, attacker));

        HttpResponse<String> addressLifted = admin.postJson("api/v1/sign-in-failures/lifts", "{\"address\":\"" + sprayer + "\"}");
        assertEquals(200, addressLifted.statusCode(), addressLifted.body());
        assertEquals(ADDRESS_LOCK_AFTER, object(addressLifted).getInt("failuresForgotten"));
        assertEquals(200, me(person, PASSWORD, sprayer).statusCode(), "the address is open again");

        List<JsonObject> entries = liftEntries(auditorClient);
        for (int i = 0; i < 150 && entries.size() < liftsBefore + 2; i++) {
            TasksFixture.pause(200);
            entries = liftEntries(auditorClient);
        }
        assertEquals(liftsBefore + 2, entries.size(), "one ledger entry per lift, none for the refusals: " + entries);
        assertEquals(List.of("account:3", "address:" + ADDRESS_LOCK_AFTER), entries.stream()
                .sorted(java.util.Comparator.comparingLong(e -> e.getJsonNumber("sequence").longValue()))
                .skip(liftsBefore).map(e -> e.getJsonObject("attributes"))
                .map(a -> a.getString("scope") + ":" + a.getString("failuresForgotten")).toList());
        assertFalse(entries.toString().contains(attacker) || entries.toString().contains(sprayer),
                "the ledger never holds an address: " + entries);
    }

    private static List<JsonObject> liftEntries(ApiClient auditor) {
        HttpResponse<String> found = auditor.get("api/v1/ledger/entries?action=app.sign-in.lock-lifted&limit=1000");
        assertEquals(200, found.statusCode(), found.body());
        return object(found).getJsonArray("entries").stream().map(JsonValue::asJsonObject).toList();
    }

    @Test
    void onlyAdministratorsSeeTheFailures() {
        String person = aPerson();
        assertEquals(403, ApiClient.as(deployment, person, PASSWORD).get("api/v1/sign-in-failures").statusCode());
        assertEquals(401, ApiClient.anonymous(deployment).get("api/v1/sign-in-failures").statusCode());
    }

    /** The login form as a browser at a given address posts it. */
    private static final class FormClient {

        private final URI base;
        private final String address;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        FormClient(URI base, String address) {
            this.base = base;
            this.address = address;
        }

        HttpResponse<String> signIn(String username, String password) {
            HttpResponse<String> form = send(HttpRequest.newBuilder(base.resolve("login.xhtml")).GET());
            String fields = "login=login&login_SUBMIT=1&login%3Ausername=" + encode(username) + "&login%3Apassword="
                    + encode(password) + "&login%3AsignIn=Sign+in&jakarta.faces.ViewState="
                    + encode(SessionClient.viewState(form.body()));
            return send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.header("X-Forwarded-For", address).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
