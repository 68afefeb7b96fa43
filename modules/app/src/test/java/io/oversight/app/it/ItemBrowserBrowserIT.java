package io.oversight.app.it;

import static io.oversight.app.it.TasksFixture.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An auditor, in headless Chromium at 1366 px, finds a workflow's items on the item browser, sorts
 * them by confidence, narrows them by label and client key, opens one that a reviewer decided and reads
 * its history from the ledger (routing, claim, review, released decision), then follows a step to its
 * ledger entry and inclusion proof. A date that cannot be read is refused beside its field and nothing
 * is searched. Screenshots: items.png, item-history.png.
 */
@ExtendWith(ArquillianExtension.class)
class ItemBrowserBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void anAuditorFindsAnItemAndFollowsItsHistoryToTheLedger() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        ApiClient reviewer = f.reviewer("ib", 1);
        List<String> ids = f.submitBatch(List.of(f.prediction("low-" + f.suffix, 0.61),
                f.prediction("mid-" + f.suffix, 0.75), f.prediction("auto-" + f.suffix, 0.97, "ok", "{\"amount\":5}")));
        List<JsonObject> claimed = f.claim(reviewer, 1, 1);
        String taskId = claimed.get(0).getJsonObject("task").getString("id");
        String decidedItem = claimed.get(0).getJsonObject("task").getString("itemId");
        complete(reviewer, taskId, "ok");
        String decidedKey = ids.get(0).equals(decidedItem) ? "low-" + f.suffix : "mid-" + f.suffix;
        // routing, claim, completion and the released decision are sealed before the page reads them
        f.sealed("subjectKind=item&subject=" + decidedItem + "&action=tasks.item.decided", 1);
        f.sealed("subjectKind=task&subject=" + taskId + "&action=tasks.task.completed", 1);

        try (AdminPagesSupport page = new AdminPagesSupport(deployment, "aud-" + f.suffix, TasksFixture.PASSWORD)) {
            page.browser.get(deployment + "auditor/index.xhtml");
            page.click("items-link");
            page.visible(By.id("page-title"));

            page.type("from", "2026-13-45");
            page.click("search");
            assertEquals("Received from: enter a date such as 2026-11-21.", page.visible(By.id("from-message")).getText());
            assertTrue(page.browser.findElements(By.id("items")).isEmpty(), "nothing is searched with a filter it cannot read");

            // a hand-edited address: every unreadable filter is named beside its field, no search, no stack trace
            page.browser.get(deployment + "review/items.xhtml?find=1&status=NOPE&from=2026-02-01&to=2026-01-31&page=-3");
            assertEquals("Status: choose one from the list.", page.visible(By.id("status-message")).getText());
            assertEquals("Received to: the period ends before it starts.", page.visible(By.id("to-message")).getText());
            assertTrue(page.browser.findElements(By.id("items")).isEmpty());
            page.assertFitsAndIsClean("review/items.xhtml with bad filters");
            page.browser.get(deployment + "review/items.xhtml?find=1&from=%2B999999999-12-31&page=2000000000");
            assertEquals("Received from: enter a date such as 2026-11-21.", page.visible(By.id("from-message")).getText());
            page.assertFitsAndIsClean("review/items.xhtml with an unbounded year");
            page.browser.get(deployment + "review/items.xhtml");
            page.visible(By.id("page-title"));

            new Select(page.visible(By.id("workflow"))).selectByValue(f.key);
            page.click("search");
            assertEquals(3, rows(page).size());
            assertEquals(f.key, new Select(page.visible(By.id("workflow"))).getFirstSelectedOption().getAttribute("value"),
                    "the chosen workflow stays chosen");
            assertEquals("", new Select(page.visible(By.id("status"))).getFirstSelectedOption().getAttribute("value"),
                    "unchosen filters stay at Any");
            assertEquals("", new Select(page.visible(By.id("outcome"))).getFirstSelectedOption().getAttribute("value"));
            page.browser.findElements(By.cssSelector("#items th a")).stream()
                    .filter(a -> a.getText().equals("Confidence")).findFirst().orElseThrow().click();
            page.wait.until(d -> d.getCurrentUrl().contains("sort=confidence"));
            assertEquals(List.of("auto-" + f.suffix, "mid-" + f.suffix, "low-" + f.suffix), clientKeys(page),
                    "highest confidence first");
            page.browser.findElements(By.cssSelector("#items th a")).stream()
                    .filter(a -> a.getText().equals("Confidence")).findFirst().orElseThrow().click();
            page.wait.until(d -> d.getCurrentUrl().contains("dir=asc"));
            assertEquals(List.of("low-" + f.suffix, "mid-" + f.suffix, "auto-" + f.suffix), clientKeys(page));
            assertTrue(rows(page).get(0).getText().matches("(?s).*\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2} UTC.*"),
                    "times for people: " + rows(page).get(0).getText());
            assertTrue(page.browser.findElements(By.id("next")).isEmpty(), "three items fit one page");
            page.assertFitsAndIsClean("review/items.xhtml");
            Screenshots.save(page.browser, "items.png");

            page.type("label", "ok");
            page.click("search");
            assertEquals(List.of(decidedKey, "auto-" + f.suffix).stream().sorted().toList(),
                    clientKeys(page).stream().sorted().toList(), "predicted or decided 'ok'");
            page.type("label", "");
            page.type("clientKey", decidedKey);
            page.click("search");
            assertEquals(List.of(decidedKey), clientKeys(page));

            page.browser.findElement(By.cssSelector("#items .item-link")).click();
            assertEquals("Item " + decidedKey, page.visible(By.id("item-title")).getText());
            assertEquals("DECIDED", page.browser.findElement(By.id("item-status")).getText());
            String history = page.browser.findElement(By.id("history")).getText();
            for (String step : List.of("Prediction received and routed", "Task claimed", "Review answered",
                    "Decision released to the client")) {
                assertTrue(history.contains(step), step + " in " + history);
            }
            assertFalse(history.contains("tasks."), "steps in words, not action names: " + history);
            page.assertFitsAndIsClean("review/items.xhtml?item=");
            Screenshots.save(page.browser, "item-history.png");

            WebElement entry = page.browser.findElements(By.cssSelector("#history tr")).stream()
                    .filter(r -> r.getText().contains("Review answered")).findFirst().orElseThrow()
                    .findElement(By.cssSelector("a.entry-link"));
            String sequence = entry.getText().substring(1);
            entry.click();
            assertEquals("Entry " + sequence, page.visible(By.id("detail-title")).getText());
            assertTrue(page.browser.getPageSource().contains("tasks.task.completed"));
        }
    }

    private static List<WebElement> rows(AdminPagesSupport page) {
        return page.visible(By.id("items")).findElements(By.cssSelector("tbody tr"));
    }

    private static List<String> clientKeys(AdminPagesSupport page) {
        return rows(page).stream().map(r -> r.findElement(By.cssSelector(".item-link")).getText()).toList();
    }
}
