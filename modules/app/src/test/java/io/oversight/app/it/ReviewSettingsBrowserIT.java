package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
 * A governance lead, in headless Chromium at 1366 px, opens a workflow's review settings from the
 * governance workspace, is refused a gold share and a pause accuracy out of range beside those fields
 * (nothing saved), then switches to dynamic multi-review with more gold, which the API then reports.
 * Screenshot: governance-review-settings.png.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewSettingsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aGovernanceLeadChangesReviewSettingsAndOutOfRangeValuesAreRefusedBesideTheirFields() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0.0);
        String settingsPath = "api/v1/workflows/" + f.key + "/review-settings";
        JsonObject before = object(expect(200, f.governance.get(settingsPath)));
        try (AdminPagesSupport page = new AdminPagesSupport(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD)) {
            page.open("governance/review-settings.xhtml?workflow=no-such-workflow");
            assertEquals("There is no workflow 'no-such-workflow': choose one.",
                    page.visible(By.id("workflow-message")).getText(), "said beside the chooser, not lost");
            page.browser.get(deployment + "governance/index.xhtml");
            page.click("reviewSettingsLink");
            new Select(page.visible(By.id("chooseWorkflow"))).selectByValue(f.key);
            page.click("open");
            assertEquals(f.key, page.visible(By.id("settings-title")).getText());
            // one option marked selected: an empty selected attribute on every option showed the last workflow
            assertEquals(List.of(f.key), page.browser.findElements(By.cssSelector("#chooseWorkflow option[selected]"))
                    .stream().map(o -> o.getAttribute("value")).toList(), "the chooser shows the workflow that is open");
            assertEquals(String.valueOf(before.getJsonNumber("goldRate").doubleValue()),
                    page.visible(By.id("settings:goldRate")).getAttribute("value"));

            page.type("settings:goldRate", "0.9");
            page.type("settings:goldPauseBelow", "2");
            page.click("settings:save");
            page.assertMessageBeside("settings:goldRate", "Gold share of claims: must be between 0 and 0.5");
            page.assertMessageBeside("settings:goldPauseBelow", "Pause below accuracy: must be between 0 and 1");
            assertEquals(before, object(expect(200, f.governance.get(settingsPath))), "a refused save changes nothing");

            new Select(page.visible(By.id("settings:reviewMode"))).selectByValue("DYNAMIC");
            page.type("settings:maxReviewers", "4");
            page.type("settings:goldRate", "0.1");
            page.type("settings:goldPauseBelow", "0.7");
            new Select(page.visible(By.id("settings:rationaleRequired"))).selectByValue("ALWAYS");
            page.click("settings:save");
            page.wait.until(d -> d.findElement(By.id("flash")).getText().contains("saved"));
            page.assertFitsAndIsClean("governance/review-settings.xhtml");
            Screenshots.save(page.browser, "governance-review-settings.png");
        }
        JsonObject after = object(expect(200, f.governance.get(settingsPath)));
        assertEquals("DYNAMIC", after.getString("reviewMode"));
        assertEquals(4, after.getInt("maxReviewers"));
        assertEquals(0.1, after.getJsonNumber("goldRate").doubleValue(), 1e-9);
        assertEquals(0.7, after.getJsonNumber("goldPauseBelow").doubleValue(), 1e-9);
        assertEquals("ALWAYS", after.getString("rationaleRequired"));
        assertEquals(before.getInt("maxItemsPerHour"), after.getInt("maxItemsPerHour"), "fields not touched keep their value");
        assertTrue(after.getString("onDisagreement").equals(before.getString("onDisagreement")));
    }
}
