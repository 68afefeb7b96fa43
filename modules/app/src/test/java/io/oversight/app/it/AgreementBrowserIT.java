package io.oversight.app.it;

import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A governance lead, in headless Chromium at 1366 px, filters the agreement page as strictly as the API
 * answers the same filters: a tier, a period, a label or a guideline version that cannot match anything,
 * typed into the form or arriving in a shared link, is refused beside its field by its label, stays in
 * the field and shows no figure at all (where the API answers 400 or 404); good filters show the report.
 */
@ExtendWith(ArquillianExtension.class)
class AgreementBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void filtersThatCannotMatchAreRefusedBesideTheirFieldsAsTheApiRefusesThem() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0.0);
        String guideline = f.activeGuideline("Look at the statement.").getString("id");
        String api = "api/v1/agreement?workflow=" + f.key;
        expect(400, f.governance.get(api + "&tier=x"));
        expect(400, f.governance.get(api + "&label=nope"));
        expect(400, f.governance.get(api + "&guideline=not-a-uuid"));
        expect(404, f.governance.get("api/v1/agreement?workflow=no-such-workflow"));
        expect(200, f.governance.get(api + "&tier=2&label=ok&guideline=" + guideline));

        try (AdminPagesSupport page = new AdminPagesSupport(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD)) {
            page.open("review/agreement.xhtml?workflow=" + f.key + "&tier=x&label=nope&guideline=not-a-uuid&days=abc");
            page.assertMessageBeside("tier", "Tier: 1, 2 or 3, or empty for every tier.");
            page.assertMessageBeside("days", "Days: a whole number from 1 to 365.");
            page.assertMessageBeside("label", "Label: 'nope' is not a label of " + f.key + ".");
            page.assertMessageBeside("guideline", "Guideline version: 'not-a-uuid' is not a guideline version of " + f.key + ".");
            assertEquals("x", page.visible(By.id("tier")).getAttribute("value"), "the refused value stays in its field");
            assertEquals("nope", new Select(page.visible(By.id("label"))).getFirstSelectedOption().getAttribute("value"));
            assertNoFigures(page);
            page.assertFitsAndIsClean("review/agreement.xhtml");

            page.open("review/agreement.xhtml?workflow=no-such-workflow");
            page.assertMessageBeside("workflow", "Workflow: there is no workflow 'no-such-workflow'.");
            assertNoFigures(page);

            page.open("review/agreement.xhtml?workflow=" + f.key);
            assertTrue(page.visible(By.id("metrics")).isDisplayed(), "a workflow alone shows its report");
            page.type("tier", "4");
            page.type("days", "0");
            page.click("show");
            page.assertMessageBeside("tier", "Tier: 1, 2 or 3, or empty for every tier.");
            page.assertMessageBeside("days", "Days: a whole number from 1 to 365.");
            assertEquals("4", page.visible(By.id("tier")).getAttribute("value"));
            assertNoFigures(page);

            page.type("tier", "2");
            page.type("days", "");
            new Select(page.visible(By.id("label"))).selectByValue("ok");
            new Select(page.visible(By.id("guideline"))).selectByValue(guideline);
            page.click("show");
            assertTrue(page.visible(By.id("metrics")).isDisplayed(), "good filters show the report");
            assertEquals("", page.visible(By.id("days")).getAttribute("value"), "an emptied field stays empty");
            assertEquals("2", page.visible(By.id("tier")).getAttribute("value"));
            assertEquals("ok", new Select(page.visible(By.id("label"))).getFirstSelectedOption().getAttribute("value"));
            assertEquals(guideline, new Select(page.visible(By.id("guideline"))).getFirstSelectedOption().getAttribute("value"));
            assertTrue(page.browser.getCurrentUrl().contains("label=ok"), "the view is a link of its own");
            page.assertFitsAndIsClean("review/agreement.xhtml");
        }
    }

    /** No metric, chart, exposure or gold figure: a refused filter must not look like an answer. */
    private static void assertNoFigures(AdminPagesSupport page) {
        assertTrue(page.browser.findElements(By.id("report")).isEmpty(), "no figures for a refused filter");
        assertTrue(page.browser.findElements(By.id("metrics")).isEmpty());
    }
}
