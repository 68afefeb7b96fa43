package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A governance lead, in headless Chromium at 1366 px, opens a workflow's intake settings from the
 * governance workspace, is refused a lease of 0 seconds and of "abc" and a non-HTTP webhook beside those
 * fields (nothing saved, no ledger entry), then changes the queue order, the lease, the inline outcome,
 * the webhook and the conflict fields: the API reports them, the new webhook secret is shown once, and
 * the ledger has the same entry a PUT writes. An auditor then reads the settings without editing controls,
 * as the API lets auditors read and not change them. Screenshot: governance-intake-settings.png.
 * <p>
 * Webhook deliveries: two decisions are sent to a receiver this test runs, which accepts the first and
 * answers 503 to the second; the API lists them newest first with their latest attempts, filtered and
 * paged, and the page shows them with their state, answer and next retry in people's time, filtered by
 * status through links. Screenshot: governance-webhook-deliveries.png.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeSettingsBrowserIT {

    private static final String CHANGED = "action=tasks.settings.changed&workflow=";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aGovernanceLeadChangesIntakeSettingsAndInvalidValuesAreRefusedBesideTheirFields() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        String settingsPath = "api/v1/workflows/" + f.key + "/intake-settings";
        JsonObject before = object(expect(200, f.governance.get(settingsPath)));
        int entriesBefore = f.sealed(CHANGED + f.key, 1).size();
        try (AdminPagesSupport page = new AdminPagesSupport(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD)) {
            page.browser.get(deployment + "governance/index.xhtml");
            page.click("intakeSettingsLink");
            new Select(page.visible(By.id("choose:workflow"))).selectByValue(f.key);
            page.click("choose:open");
            assertEquals(f.key, page.visible(By.id("settings-title")).getText());
            assertEquals(String.valueOf(before.getInt("leaseSeconds")),
                    page.visible(By.id("settings:leaseSeconds")).getAttribute("value"));
            assertEquals(before.getString("orderingMethod"),
                    new Select(page.visible(By.id("settings:orderingMethod"))).getFirstSelectedOption().getAttribute("value"));
            assertTrue(page.visible(By.id("webhook-state")).getText().startsWith("No webhook"));

            page.type("settings:leaseSeconds", "0");
            page.type("settings:webhookUrl", "ftp://receiver.example.org/hook");
            page.click("settings:save");
            page.assertMessageBeside("settings:leaseSeconds", "Lease: must be between 1 and 86400");
            page.assertMessageBeside("settings:webhookUrl",
                    "Webhook URL: must be an absolute http(s) URL of at most 2000 characters");
            assertEquals(before, object(expect(200, f.governance.get(settingsPath))), "a refused save changes nothing");

            page.type("settings:leaseSeconds", "abc");
            page.type("settings:webhookUrl", "");
            page.click("settings:save");
            page.assertMessageBeside("settings:leaseSeconds", "Lease: enter a whole number of seconds.");
            assertEquals(before, object(expect(200, f.governance.get(settingsPath))), "a refused save changes nothing");
            page.assertFitsAndIsClean("governance/intake-settings.xhtml (refused)");

            new Select(page.visible(By.id("settings:orderingMethod"))).selectByValue("MARGIN");
            page.type("settings:leaseSeconds", "900");
            new Select(page.visible(By.id("settings:inlineTimeoutOutcome"))).selectByValue("FAIL_OPEN");
            page.type("settings:webhookUrl", "https://receiver.example.org/oversight");
            page.type("settings:conflictFieldPaths", "applicant.employee_login");
            page.click("settings:save");
            page.wait.until(d -> d.findElement(By.id("flash")).getText().contains("saved"));
            assertTrue(page.visible(By.id("new-secret-value")).getText().startsWith("whsec_"),
                    "the new webhook secret is shown once");
            assertTrue(page.visible(By.id("webhook-state")).getText().startsWith("Decisions and alerts are sent"));
            page.assertFitsAndIsClean("governance/intake-settings.xhtml");
            Screenshots.save(page.browser, "governance-intake-settings.png");

            page.browser.get(deployment + "governance/intake-settings.xhtml?workflow=" + f.key);
            assertEquals("900", page.visible(By.id("settings:leaseSeconds")).getAttribute("value"));
            assertTrue(page.browser.findElements(By.id("new-secret-value")).isEmpty(), "the secret is not shown again");
        }
        try (AdminPagesSupport page = new AdminPagesSupport(deployment, "aud-" + f.suffix, TasksFixture.PASSWORD)) {
            page.browser.get(deployment + "auditor/index.xhtml");
            page.click("intakeSettingsLink");
            new Select(page.visible(By.id("choose:workflow"))).selectByValue(f.key);
            page.click("choose:open");
            assertEquals("900", page.visible(By.id("settings:leaseSeconds")).getAttribute("value"));
            assertEquals("true", page.visible(By.id("settings:leaseSeconds")).getAttribute("readonly"));
            page.visible(By.id("settings:readOnly"));
            assertTrue(page.browser.findElements(By.id("settings:save")).isEmpty(), "auditors read, as with the API");
            page.assertFitsAndIsClean("governance/intake-settings.xhtml (auditor)");
        }
        JsonObject after = object(expect(200, f.governance.get(settingsPath)));
        assertEquals("MARGIN", after.getString("orderingMethod"));
        assertEquals(900, after.getInt("leaseSeconds"));
        assertEquals("FAIL_OPEN", after.getString("inlineTimeoutOutcome"));
        assertEquals("https://receiver.example.org/oversight", after.getString("webhookUrl"));
        assertTrue(after.getBoolean("webhookSecretSet"));
        assertEquals(List.of("applicant.employee_login"),
                after.getJsonArray("conflictFieldPaths").getValuesAs(JsonString::getString));
        assertEquals(before.getInt("inlineTimeoutMillis"), after.getInt("inlineTimeoutMillis"), "fields not touched keep their value");
        assertEquals(before.getInt("auditTier"), after.getInt("auditTier"));
        assertEquals(before.getInt("feedbackPriority"), after.getInt("feedbackPriority"));

        List<JsonObject> entries = f.sealed(CHANGED + f.key, entriesBefore + 1);
        assertEquals(entriesBefore + 1, entries.size(), "one ledger entry for the one save: " + entries);
        JsonObject saved = entries.stream().filter(e -> "governance".equals(e.getString("actorRole", ""))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry by the governance lead: " + entries));
        assertEquals("900", saved.getJsonObject("attributes").getString("leaseSeconds"));
        assertEquals("configured", saved.getJsonObject("attributes").getString("webhook"));
        assertFalse(saved.toString().contains("whsec_"), "the ledger never holds the secret");
    }

    @Test
    void deliveriesToTheWebhookAreListedWithTheirLatestAttemptAndNextRetry() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        ApiClient reviewer = f.reviewer("hooks", 2);
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicBoolean refusing = new AtomicBoolean(true);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            // the first decision (sent before the second is made) is accepted, the other refused until the end
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            exchange.sendResponseHeaders(received.get(0).equals(body) || !refusing.get() ? 204 : 503, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            expect(200, f.governance.putJson("api/v1/workflows/" + f.key + "/intake-settings",
                    "{\"webhookUrl\":\"" + url + "\"}"));
            String deliveredItem = decide(f, reviewer, "hooks-1");
            awaitCalls(received, 1);
            String retriedItem = decide(f, reviewer, "hooks-2");
            awaitCalls(received, 2);

            String list = "api/v1/workflows/" + f.key + "/webhook-deliveries";
            JsonObject all = object(expect(200, f.governance.get(list)));
            List<JsonObject> deliveries = all.getJsonArray("deliveries").getValuesAs(JsonObject.class);
            assertEquals(List.of(retriedItem, deliveredItem), deliveries.stream().map(d -> d.getString("itemId")).toList(),
                    "newest first: " + all);
            assertFalse(all.containsKey("nextBefore"), "one page holds both");
            JsonObject retried = deliveries.get(0);
            assertEquals("PENDING", retried.getString("status"));
            assertEquals(503, retried.getInt("lastStatusCode"));
            assertEquals("receiver answered HTTP 503", retried.getString("lastError"));
            assertTrue(retried.containsKey("nextAttemptAt"), "a retry is due: " + retried);
            JsonObject delivered = deliveries.get(1);
            assertEquals("DELIVERED", delivered.getString("status"));
            assertEquals(1, delivered.getInt("attempts"));
            assertEquals(204, delivered.getInt("lastStatusCode"));
            assertEquals(url, delivered.getString("url"));

            assertEquals(List.of(deliveredItem), itemsOf(object(expect(200, f.auditor.get(list + "?status=delivered")))),
                    "auditors read them too, filtered by status");
            JsonObject first = object(expect(200, f.governance.get(list + "?limit=1")));
            assertEquals(List.of(retriedItem), itemsOf(first));
            JsonObject second = object(expect(200, f.governance.get(list + "?limit=1&before=" + first.getString("nextBefore"))));
            assertEquals(List.of(deliveredItem), itemsOf(second), "the next page goes on where the first ended");
            assertFalse(second.containsKey("nextBefore"), "no page after the last");
            assertEquals(List.of(), itemsOf(object(expect(200, f.governance.get(list + "?from=2999-01-01T00:00:00Z")))));
            HttpResponse<String> refused = expect(400, f.governance.get(list + "?status=LOST"));
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(refused.body().contains("status must be PENDING, DELIVERED or FAILED"), refused.body());

            try (AdminPagesSupport page = new AdminPagesSupport(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD)) {
                page.open("governance/intake-settings.xhtml?workflow=" + f.key);
                List<WebElement> rows = page.visible(By.id("deliveries")).findElements(By.cssSelector("tbody tr"));
                assertEquals(2, rows.size());
                String newest = rows.get(0).getText();
                assertTrue(newest.contains(retriedItem) && newest.contains("Waiting for a retry")
                        && newest.contains("receiver answered HTTP 503"), newest);
                assertEquals(3, count(newest, PEOPLES_TIME), "created, last attempt and next retry in people's time: "
                        + newest);
                String oldest = rows.get(1).getText();
                assertTrue(oldest.contains(deliveredItem) && oldest.contains("Delivered") && oldest.contains("HTTP 204"), oldest);
                assertEquals(2, count(oldest, PEOPLES_TIME), "created and last attempt; no retry: " + oldest);
                assertFalse(oldest.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T.*"), "no ISO timestamps: " + oldest);
                page.browser.executeScript("arguments[0].scrollIntoView()", page.visible(By.id("deliveries-title")));
                page.assertFitsAndIsClean("governance/intake-settings.xhtml (deliveries)");
                Screenshots.save(page.browser, "governance-webhook-deliveries.png");

                page.click("delivery-filter-delivered");
                page.wait.until(d -> d.getCurrentUrl().contains("deliveryStatus=DELIVERED"));
                rows = page.visible(By.id("deliveries")).findElements(By.cssSelector("tbody tr"));
                assertEquals(1, rows.size());
                assertTrue(rows.get(0).getText().contains(deliveredItem));
                assertTrue(page.visible(By.id("delivery-filter-delivered")).getAttribute("class").contains("selected"));
                page.click("delivery-filter-failed");
                page.wait.until(d -> d.getCurrentUrl().contains("deliveryStatus=FAILED"));
                assertEquals("No delivery has this status.", page.visible(By.id("no-deliveries")).getText());

                page.open("governance/intake-settings.xhtml?workflow=" + f.key + "&deliveryStatus=LOST");
                assertEquals("No delivery status LOST: all deliveries are listed.",
                        page.visible(By.id("delivery-filter-message")).getText());
                assertEquals(2, page.visible(By.id("deliveries")).findElements(By.cssSelector("tbody tr")).size());
                page.open("governance/intake-settings.xhtml?workflow=no-such-workflow");
                assertEquals("There is no workflow 'no-such-workflow': choose one.",
                        page.visible(By.id("workflow-message")).getText());
            }
            // no retry may outlive the test: the tests after it count rows, webhook attempts among them (the
            // retries come 10, 30 then 90 s apart)
            refusing.set(false);
            for (int i = 0; i < 300 && !itemsOf(object(expect(200, f.governance.get(list + "?status=PENDING")))).isEmpty(); i++) {
                pause(500);
            }
            assertEquals(2, itemsOf(object(expect(200, f.governance.get(list + "?status=DELIVERED")))).size(), "both delivered in the end");
        } finally {
            receiver.stop(0);
        }
    }

    /** "7 Dec 2026, 01:30:00 UTC", as every page shows an instant. */
    private static final Pattern PEOPLES_TIME =
            Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2} UTC");

    private static long count(String text, Pattern pattern) {
        return pattern.matcher(text).results().count();
    }

    /** Submits a prediction for review and decides it as the reviewer, which queues a webhook delivery. */
    private static String decide(TasksFixture f, ApiClient reviewer, String clientKey) {
        String itemId = object(expect(202, f.submit(f.prediction(clientKey, 0.5)))).getString("id");
        complete(reviewer, f.claim(reviewer, 2, 1).get(0).getJsonObject("task").getString("id"), "card-not-present");
        return itemId;
    }

    private static void awaitCalls(List<String> received, int calls) {
        for (int i = 0; i < 600 && received.size() < calls; i++) {
            pause(100);
        }
        assertTrue(received.size() >= calls, "the receiver was called " + received.size() + " times, not " + calls);
    }

    private static List<String> itemsOf(JsonObject page) {
        return page.getJsonArray("deliveries").stream().map(JsonValue::asJsonObject).map(d -> d.getString("itemId")).toList();
    }
}
