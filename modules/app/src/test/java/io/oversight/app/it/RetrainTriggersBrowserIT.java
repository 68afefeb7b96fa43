package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.Optional;
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
 * The Retrain triggers section of the Training sets page in headless Chromium at 1366 px: a
 * governance lead's rule with a missing or unreadable threshold is refused beside its field and
 * creates nothing; a rule added through the page is listed armed with no firing; a rule whose
 * condition holds (one correction, N = 1) is seen to fire, with when and the export it made; removing
 * a rule takes it off the list and out of the API. Rounds run every second in the ITs. Screenshot:
 * retrain-triggers.png.
 */
@ExtendWith(ArquillianExtension.class)
class RetrainTriggersBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aGovernanceLeadAddsWatchesAndRemovesRetrainRules() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient reviewer = f.reviewer("rb", 2);
        expect(202, f.submit(f.prediction("retrain-1", 0.5)));
        List<JsonObject> tasks = f.claim(reviewer, 2, 1);
        complete(reviewer, tasks.get(0).getJsonObject("task").getString("id"), "ok"); // a correction of card-not-present

        try (AdminPagesSupport page = new AdminPagesSupport(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD)) {
            page.open("export/datasets.xhtml");
            page.visible(By.id("retrain"));

            // the corrections rule without its N, then with text for N: each named beside the field, nothing made
            chooseRule(page, f.key, "CORRECTIONS_SINCE_EXPORT");
            page.type("rule:corrections", "");
            page.click("rule:addRule");
            page.assertMessageBeside("rule:corrections", "Corrections N: is required for a CORRECTIONS_SINCE_EXPORT rule");
            page.type("rule:corrections", "ten");
            page.click("rule:addRule");
            page.assertMessageBeside("rule:corrections", "Corrections N: enter a number, not ten");
            // a rate above 1, with a value left in a field this kind does not read (ignored, not refused)
            chooseRule(page, f.key, "CORRECTION_RATE");
            page.type("rule:rate", "1.5");
            page.type("rule:windowHours", "24");
            page.click("rule:addRule");
            // the form is replaced by the answer: wait for it before reading beside the fields
            page.assertMessageBeside("rule:rate", "Rate r: must be a share in (0, 1], not 1.5");
            assertEquals("", besideIfAny(page, "rule:corrections"), "a field the kind does not read is not refused");
            assertEquals("", besideIfAny(page, "rule:windowHours"));
            page.assertFitsAndIsClean("export/datasets.xhtml with refused rules");
            assertTrue(rules(f).isEmpty(), "a refused rule creates nothing");
            assertTrue(rows(page, f.key).isEmpty());

            // a rule whose condition does not hold (50 corrections): listed armed, never fired
            chooseRule(page, f.key, "CORRECTIONS_SINCE_EXPORT");
            page.type("rule:corrections", "50");
            page.type("rule:rate", "");
            page.type("rule:windowHours", "");
            page.click("rule:addRule");
            page.wait.until(d -> d.findElements(By.id("messages")).stream()
                    .anyMatch(m -> m.getText().equals("Retrain rule added to " + f.key + ".")));
            WebElement waiting = row(page, f.key, "50 corrections since the last export").orElseThrow();
            assertEquals("armed", waiting.findElement(By.className("rule-state")).getText());
            assertEquals("0", waiting.findElement(By.className("rule-firings")).getText());
            assertEquals(1, rules(f).size());

            // a rule whose condition holds (the one correction): the page shows it fired and the export it made
            chooseRule(page, f.key, "CORRECTIONS_SINCE_EXPORT");
            page.type("rule:corrections", "1");
            page.click("rule:addRule");
            page.wait.until(d -> rules(f).size() == 2);
            WebElement fired = page.wait.until(d -> {
                page.open("export/datasets.xhtml");
                return row(page, f.key, "1 correction since the last export")
                        .filter(r -> r.findElement(By.className("rule-firings")).getText().equals("1")).orElse(null);
            });
            String firedText = fired.getText();
            String exportId = rules(f).stream().filter(r -> r.getJsonNumber("firings").longValue() == 1).findFirst()
                    .orElseThrow().getString("lastDatasetId");
            assertEquals(exportId, fired.findElement(By.className("rule-export")).getText());
            assertTrue(firedText.matches("(?s).*last \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}.*UTC.*"),
                    "times for people: " + firedText);
            assertFalse(firedText.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T.*"), "no ISO instants: " + firedText);
            page.assertFitsAndIsClean("export/datasets.xhtml with rules");
            page.browser.executeScript("arguments[0].scrollIntoView({block: 'end'})",
                    page.browser.findElement(By.id("rules:ruleTable")));
            Screenshots.save(page.browser, "retrain-triggers.png");

            // removing the armed rule asks first, then takes it off the page and out of the API
            row(page, f.key, "50 corrections since the last export").orElseThrow()
                    .findElement(By.cssSelector("input[value='Remove']")).click();
            page.wait.until(d -> d.switchTo().alert()).accept();
            page.wait.until(d -> d.findElements(By.id("messages")).stream().anyMatch(m -> m.getText()
                    .equals("The retrain rule on " + f.key + " was removed; the exports it made stay.")));
            assertTrue(row(page, f.key, "50 corrections since the last export").isEmpty());
            assertEquals(List.of("CORRECTIONS_SINCE_EXPORT:1"), rules(f).stream()
                    .map(r -> r.getString("kind") + ":" + r.getJsonNumber("corrections").longValue()).toList());
        }
    }

    /**
     * The message right after a field, or "" when the page shows none: an empty h:message renders
     * nothing, so the next message in the grid would be another field's.
     */
    private static String besideIfAny(AdminPagesSupport page, String fieldId) {
        return page.visible(By.id(fieldId)).findElements(By.xpath("following-sibling::*[1][contains(@class,'field-message')]"))
                .stream().map(WebElement::getText).findFirst().orElse("");
    }

    private static void chooseRule(AdminPagesSupport page, String workflowKey, String kind) {
        new Select(page.visible(By.id("rule:ruleWorkflow"))).selectByValue(workflowKey);
        new Select(page.visible(By.id("rule:kind"))).selectByValue(kind);
    }

    /** The rows of the rules table for this workflow (the table lists every workflow's rules). */
    private static List<WebElement> rows(AdminPagesSupport page, String workflowKey) {
        return page.browser.findElements(By.cssSelector("[id='rules:ruleTable'] tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals(workflowKey)).toList();
    }

    private static Optional<WebElement> row(AdminPagesSupport page, String workflowKey, String condition) {
        return rows(page, workflowKey).stream().filter(r -> r.getText().contains(condition)).findFirst();
    }

    private static List<JsonObject> rules(TasksFixture f) {
        return array(expect(200, f.governance.get("api/v1/retrain-triggers/" + f.key))).stream()
                .map(JsonValue::asJsonObject).toList();
    }
}
