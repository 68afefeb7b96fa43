package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A governance lead, in headless Chromium at 1366 px, opens a workflow's intake settings from the
 * governance workspace, is refused a lease of 0 seconds and of "abc" and a non-HTTP webhook beside those
 * fields (nothing saved, no ledger entry), then changes the queue order, the lease, the inline outcome,
 * the webhook and the conflict fields: the API reports them, the new webhook secret is shown once, and
 * the ledger has the same entry a PUT writes. An auditor then reads the settings without editing controls,
 * as the API lets auditors read and not change them. Screenshot: governance-intake-settings.png.
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
            assertEquals("Lease: must be between 1 and 86400", page.messageBeside("settings:leaseSeconds"));
            assertEquals("Webhook URL: must be an absolute http(s) URL of at most 2000 characters",
                    page.messageBeside("settings:webhookUrl"));
            assertEquals(before, object(expect(200, f.governance.get(settingsPath))), "a refused save changes nothing");

            page.type("settings:leaseSeconds", "abc");
            page.type("settings:webhookUrl", "");
            page.click("settings:save");
            assertEquals("Lease: enter a whole number of seconds.", page.messageBeside("settings:leaseSeconds"));
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
}
