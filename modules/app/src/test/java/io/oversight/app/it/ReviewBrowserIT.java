package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench and the adjudication page in headless Chromium: a reviewer claims with the keyboard,
 * corrects a label with a rationale without touching the mouse, and the next item appears without a
 * page load; another reviewer disagrees (with a script tag in the rationale), and an adjudicator sees
 * both reviews, the script shown as text, and settles the item.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void reviewerCorrectsWithTheKeyboardAndAnAdjudicatorSettlesTheDisagreement() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0.0);
        String first = object(expect(202, f.submit(f.prediction("b-1", 0.5)))).getString("id");
        String second = object(expect(202, f.submit(f.prediction("b-2", 0.45)))).getString("id");
        String login = "kb-" + f.suffix;
        f.admin.createUser(login, TasksFixture.PASSWORD, "reviewer");
        f.qualify(login, 2);
        ApiClient other = f.reviewer("other", 2);
        String otherRationale = "OTHER-REVIEWER-MARK <script>window.pwned=1</script> card was not present";
        String approval = "{\"verdict\":\"APPROVE\",\"rationale\":\"" + otherRationale.replace("\"", "\\\"") + "\"}";
        List<JsonObject> othersTasks = f.claim(other, 2, 2);
        assertEquals(2, othersTasks.size(), "one slot of each item");
        expect(200, other.postJson("api/v1/tasks/" + othersTasks.get(0).getJsonObject("task").getString("id")
                + "/completion", approval));

        ChromeDriver browser = Browser.start();
        WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
        String decidedTask;
        String decidedItem;
        try {
            Browser.signIn(browser, deployment, login, TasksFixture.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
            browser.get(deployment + "review/workbench.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shortcuts")));
            Actions keys = new Actions(browser);
            keys.sendKeys("n").perform();
            WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("work:task")));
            decidedTask = task.getAttribute("data-task");
            decidedItem = task.getAttribute("data-item");
            assertTrue(List.of(first, second).contains(decidedItem), decidedItem);
            assertFalse(browser.getPageSource().contains("OTHER-REVIEWER-MARK"),
                    "a blind reviewer's page never shows another reviewer's answer");
            assertFalse(browser.getPageSource().contains("APPROVE"), "nor its verdict");
            String input = browser.findElement(By.id("input")).getText();
            assertFalse(input.contains("jo@example.com"), "personal data is masked: " + input);
            assertTrue(input.contains("personal data, masked"), input);
            assertTrue(browser.findElements(By.cssSelector("[id$='revealButton']")).isEmpty(),
                    "no reveal control for a reviewer whose qualification does not allow revealing");
            assertTrue(browser.findElement(By.id("lease")).getText().matches("\\d+:\\d\\d left"),
                    browser.findElement(By.id("lease")).getText());

            keys.sendKeys("2").perform();
            assertTrue(browser.findElement(By.cssSelector(".labels input[value='ok']")).isSelected(), "2 picks the second label");
            keys.sendKeys("c").perform();
            WebElement rationale = browser.switchTo().activeElement();
            assertEquals("work:rationale", rationale.getAttribute("id"), "correcting asks for a rationale first");
            rationale.sendKeys("The statement shows a refund, not fraud.");
            Screenshots.save(browser, "workbench.png");
            rationale.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

            wait.until(d -> {
                List<WebElement> shown = d.findElements(By.id("work:task"));
                return !shown.isEmpty() && !decidedTask.equals(shown.get(0).getAttribute("data-task"));
            });
            assertTrue(browser.findElement(By.id("work:workMessages")).getText().contains("Decision recorded: correct"));
            assertTrue(browser.findElement(By.id("work:rationale")).getAttribute("value").isEmpty(), "the form is fresh");
            keys.sendKeys("a").perform();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("work:workMessages"), "Decision recorded: approve"));
        } finally {
            browser.quit();
        }

        // The other reviewer approves the item they still hold: whichever item the keyboard reviewer
        // corrected first now has an approval and a correction.
        expect(200, other.postJson("api/v1/tasks/" + othersTasks.get(1).getJsonObject("task").getString("id")
                + "/completion", approval));
        String disputedItem = decidedItem;

        String adjudicator = "adj-" + f.suffix;
        f.admin.createUser(adjudicator, TasksFixture.PASSWORD, "adjudicator");
        ChromeDriver adjBrowser = Browser.start();
        WebDriverWait adjWait = Browser.waitUpTo(adjBrowser, Duration.ofSeconds(30));
        try {
            Browser.signIn(adjBrowser, deployment, adjudicator, TasksFixture.PASSWORD);
            adjWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
            adjBrowser.get(deployment + "review/adjudication.xhtml");
            WebElement row = adjWait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//table[@id='adjudication:queues']//tr[td[1][normalize-space()='" + f.key + "']]")));
            row.findElement(By.cssSelector("input.claim")).click();
            WebElement reviews = adjWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("adjudication:reviews")));
            String reviewsText = reviews.getText();
            assertTrue(reviewsText.contains("Reviewer 1") && reviewsText.contains("Reviewer 2"), reviewsText);
            assertFalse(reviewsText.contains(login), "reviewers are not named to the adjudicator");
            assertTrue(reviewsText.contains("APPROVE card-not-present"), "each review shows its labels: " + reviewsText);
            assertTrue(adjBrowser.findElement(By.id("predicted")).getText().contains("card-not-present"));
            assertTrue(reviewsText.contains(otherRationale),
                    "the rationale is shown as text: " + reviewsText);
            assertTrue(adjBrowser.getPageSource().contains("&lt;script&gt;window.pwned=1&lt;/script&gt;"));
            assertEquals(null, adjBrowser.executeScript("return window.pwned === undefined ? null : window.pwned;"));
            adjBrowser.findElement(By.cssSelector("input[name='adjudication:verdict'][value='CORRECT']")).click();
            adjBrowser.findElement(By.cssSelector("#adjudication\\:chosenLabels input[value='ok']")).click();
            adjBrowser.findElement(By.id("adjudication:rationale")).sendKeys("The refund note settles it.");
            Screenshots.save(adjBrowser, "adjudication.png");
            adjBrowser.findElement(By.id("adjudication:decide")).click();
            adjWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adjudication:adjudicationMessages"),
                    "Adjudication recorded"));
        } finally {
            adjBrowser.quit();
        }
        ChromeDriver govBrowser = Browser.start();
        try {
            Browser.signIn(govBrowser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            Browser.waitUpTo(govBrowser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
            govBrowser.get(deployment + "review/agreement.xhtml?workflow=" + f.key + "&days=1");
            WebElement metrics = Browser.waitUpTo(govBrowser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("metrics")));
            assertTrue(metrics.getText().contains("Percent agreement"), metrics.getText());
            assertTrue(metrics.getText().contains("Krippendorff's alpha (nominal)"), metrics.getText());
            assertFalse(govBrowser.getPageSource().contains("NaN"), "no metric is shown as NaN");
            assertTrue(govBrowser.findElement(By.id("counts")).getText().contains("4 reviews of 2 items by 2 reviewers"),
                    govBrowser.findElement(By.id("counts")).getText());
            assertFalse(govBrowser.findElements(By.cssSelector("#chart svg polyline.percent")).isEmpty(), "a trend line");
            Screenshots.save(govBrowser, "agreement.png");
        } finally {
            govBrowser.quit();
        }

        JsonObject item = object(f.integration.get("api/v1/workflows/" + f.key + "/predictions/" + disputedItem));
        assertEquals("DECIDED", item.getString("status"));
        assertEquals("ADJUDICATION", item.getJsonObject("decision").getString("source"));
        assertEquals(List.of("ok"), item.getJsonObject("decision").getJsonArray("labels").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    /**
     * A refused decision, on the workbench and on the adjudication page, is shown beside the field at
     * fault by its label (labels missing when correcting, a rationale missing or over 4,000 characters),
     * what was typed stays, and nothing is recorded: the task stays held and the item undecided.
     */
    @Test
    void aRefusedDecisionIsShownBesideItsFieldAndRecordsNothing() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0.0);
        String item = object(expect(202, f.submit(f.prediction("fe-1", 0.5)))).getString("id");
        String login = "fe-" + f.suffix;
        f.admin.createUser(login, TasksFixture.PASSWORD, "reviewer");
        f.qualify(login, 2);
        ApiClient reviewer = ApiClient.as(deployment, login, TasksFixture.PASSWORD);
        String tooLong = "x".repeat(4001);

        try (AdminPagesSupport page = new AdminPagesSupport(deployment, login, TasksFixture.PASSWORD)) {
            page.open("review/workbench.xhtml");
            page.click("work:next");
            String task = page.visible(By.id("work:task")).getAttribute("data-task");

            page.type("work:rationale", "The statement shows a refund.");
            page.click("work:correct");
            page.assertMessageBeside("work:chosenLabels", "Labels: must name at least one label when correcting");
            assertEquals("The statement shows a refund.", page.visible(By.id("work:rationale")).getAttribute("value"),
                    "what was typed stays");
            assertHeldAndUndecided(f, reviewer, task, item);

            page.visible(By.cssSelector(".labels input[value='ok']")).click();
            fill(page, "work:rationale", tooLong);
            page.click("work:correct");
            page.assertMessageBeside("work:rationale", "Rationale: must be at most 4000 characters");
            assertTrue(page.visible(By.cssSelector(".labels input[value='ok']")).isSelected(), "the ticked label stays");
            assertHeldAndUndecided(f, reviewer, task, item);

            page.type("work:rationale", "");
            page.click("work:skip");
            page.assertMessageBeside("work:rationale", "Rationale: is required: why you skip the item (at most 4000 characters)");
            assertEquals("", page.visible(By.id("work:rationale")).getAttribute("value"), "an emptied field stays empty");
            assertHeldAndUndecided(f, reviewer, task, item);
            page.assertFitsAndIsClean("review/workbench.xhtml");

            assertTrue(page.visible(By.cssSelector(".labels input[value='ok']")).isSelected(), "still ticked");
            page.type("work:rationale", "The statement shows a refund.");
            page.click("work:correct");
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("work:workMessages"),
                    "Decision recorded: correct"));
        }
        ApiClient other = f.reviewer("other", 2);
        String otherTask = f.claim(other, 2, 1).get(0).getJsonObject("task").getString("id");
        expect(200, TasksFixture.completion(other, otherTask, TasksFixture.decision("APPROVE", "looks right")));

        String adjudicator = "fa-" + f.suffix;
        f.admin.createUser(adjudicator, TasksFixture.PASSWORD, "adjudicator");
        try (AdminPagesSupport page = new AdminPagesSupport(deployment, adjudicator, TasksFixture.PASSWORD)) {
            page.open("review/adjudication.xhtml");
            page.visible(By.xpath("//table[@id='adjudication:queues']//tr[td[1][normalize-space()='" + f.key + "']]"))
                    .findElement(By.cssSelector("input.claim")).click();
            page.visible(By.id("adjudication:reviews"));

            page.visible(By.cssSelector("input[name='adjudication:verdict'][value='CORRECT']")).click();
            page.type("adjudication:rationale", "The refund note settles it.");
            page.click("adjudication:decide");
            page.assertMessageBeside("adjudication:chosenLabels", "Labels: must name at least one label when correcting");
            assertEquals("The refund note settles it.", page.visible(By.id("adjudication:rationale")).getAttribute("value"));

            page.visible(By.cssSelector("#adjudication\\:chosenLabels input[value='ok']")).click();
            fill(page, "adjudication:rationale", tooLong);
            page.click("adjudication:decide");
            page.assertMessageBeside("adjudication:rationale", "Rationale: must be at most 4000 characters");

            page.type("adjudication:rationale", "");
            page.click("adjudication:decide");
            page.assertMessageBeside("adjudication:rationale", "Rationale: is required for every decision in " + f.key);
            assertEquals("", page.visible(By.id("adjudication:rationale")).getAttribute("value"));
            assertTrue(page.visible(By.cssSelector("#adjudication\\:chosenLabels input[value='ok']")).isSelected());
            assertFalse("DECIDED".equals(f.item(item).getString("status")), "a refused adjudication decides nothing");
            assertTrue(page.visible(By.id("adjudication:reviews")).isDisplayed(), "the case stays held");
            page.assertFitsAndIsClean("review/adjudication.xhtml");

            page.type("adjudication:rationale", "The refund note settles it.");
            page.click("adjudication:decide");
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adjudication:adjudicationMessages"),
                    "Adjudication recorded"));
        }
        assertEquals("DECIDED", f.item(item).getString("status"));
    }

    /** Sets a long text at once (typing 4,001 keys would take long), as pasting it would. */
    private static void fill(AdminPagesSupport page, String id, String text) {
        page.browser.executeScript("arguments[0].value = arguments[1];", page.visible(By.id(id)), text);
    }

    /** The reviewer still holds the task, and the item has no decision: nothing was recorded. */
    private static void assertHeldAndUndecided(TasksFixture f, ApiClient reviewer, String task, String item) {
        String held = expect(200, reviewer.get("api/v1/tasks/mine")).body();
        assertTrue(held.contains(task), "the task stays held: " + held);
        assertEquals("IN_REVIEW", f.item(item).getString("status"));
    }
}
