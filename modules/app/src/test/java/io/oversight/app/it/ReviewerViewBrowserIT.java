package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
 * The reviewer view in headless Chromium: the workbench shows the input's configured fields formatted
 * (markup in them shown as text, a missing field marked, personal data masked) with the raw JSON one key
 * away, and hides the prediction on a blind tier until the reviewer answered; the adjudication page takes
 * the same keys (digits, the label finder of a long taxonomy, J, ?, D and Ctrl+Enter).
 */
@ExtendWith(ArquillianExtension.class)
class ReviewerViewBrowserIT {

    private static final String VIEW = """
            {"fields":[{"path":"/text","label":"Customer's statement","format":"PARAGRAPHS"},
                       {"path":"/amount","label":"Amount","format":"NUMBER"},
                       {"path":"/filedAt","label":"Filed","format":"DATE_TIME"},
                       {"path":"/merchant","label":"Merchant","format":"TEXT"},
                       {"path":"/customer/email","label":"E-mail"}],
             "predictionHiddenTiers":[1]}""";
    private static final String STATEMENT = "I never bought this.\n\nSecond <b>bold</b> <script>window.pwned=1</script>";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private static String payload() {
        return Json.createObjectBuilder().add("amount", 9876.25).add("filedAt", "2026-12-05T11:31:07+01:00")
                .add("customer", Json.createObjectBuilder().add("email", "jo@example.com")).add("text", STATEMENT)
                .build().toString();
    }

    @Test
    void theWorkbenchShowsFormattedFieldsAndHidesThePredictionOnABlindTier() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        expect(200, f.governance.putJson("api/v1/workflows/" + f.key + "/reviewer-view", VIEW));
        String itemId = object(expect(202, f.submit(f.prediction("v-1", 0.7, "card-not-present", payload())))).getString("id");
        String login = "view-" + f.suffix;
        f.admin.createUser(login, TasksFixture.PASSWORD, "reviewer");
        f.qualify(login, 1);

        ChromeDriver browser = Browser.start();
        WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
        try {
            Browser.signIn(browser, deployment, login, TasksFixture.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
            browser.get(deployment + "review/workbench.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shortcuts")));
            Actions keys = new Actions(browser);
            keys.sendKeys("n").perform();
            WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("work:task")));
            assertEquals(itemId, task.getAttribute("data-item"));

            WebElement fields = browser.findElement(By.id("formattedInput"));
            String shown = fields.getText();
            assertTrue(shown.contains("Customer's statement") && shown.contains("Amount") && shown.contains("Filed"), shown);
            assertTrue(shown.contains("9,876.25"), shown);
            assertTrue(shown.contains("5 Dec 2026, 10:31:07 UTC"), shown);
            assertEquals(2, fields.findElements(By.cssSelector("dd.paragraphs p")).size(), "two paragraphs");
            assertTrue(shown.contains("Second <b>bold</b> <script>window.pwned=1</script>"), "markup shown as text: " + shown);
            assertTrue(browser.getPageSource().contains("&lt;script&gt;window.pwned=1&lt;/script&gt;"));
            assertNull(browser.executeScript("return window.pwned === undefined ? null : window.pwned;"));
            assertTrue(fields.findElement(By.cssSelector("dd[data-path='/merchant']")).getText()
                    .contains("missing in this item's input"), "a field the input lacks is marked missing");
            assertFalse(shown.contains("jo@example.com"), "personal data stays masked: " + shown);
            assertTrue(shown.contains("personal data, masked"), shown);

            WebElement raw = browser.findElement(By.id("input"));
            assertFalse(raw.isDisplayed(), "the raw JSON waits one key away");
            keys.sendKeys("j").perform();
            assertTrue(raw.isDisplayed(), "J shows the raw JSON");
            assertTrue(raw.getText().contains("\"amount\""), raw.getText());
            keys.sendKeys("j").perform();
            assertFalse(raw.isDisplayed(), "and hides it again");

            assertTrue(browser.findElements(By.id("work:prediction")).isEmpty(), "no prediction on a blind tier");
            assertTrue(browser.findElement(By.id("work:predictionHidden")).getText().contains("Hidden"));
            assertTrue(browser.findElements(By.id("work:approve")).isEmpty(), "nothing to approve unseen");
            assertTrue(browser.findElements(By.id("work:reject")).isEmpty());
            assertFalse(browser.findElement(By.id("work:task")).getText().contains("70.0"), "no confidence either");
            keys.sendKeys("?").perform();
            assertTrue(browser.findElement(By.id("keyHelp")).isDisplayed(), "? shows every key");
            keys.sendKeys(Keys.ESCAPE).perform();
            assertFalse(browser.findElement(By.id("keyHelp")).isDisplayed());
            Screenshots.save(browser, "workbench-reviewer-view.png");

            keys.sendKeys("1").perform();
            assertTrue(browser.findElement(By.cssSelector(".labels input[value='card-not-present']")).isSelected());
            keys.sendKeys("c").perform();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("work:workMessages"), "The model had predicted card-not-present (confidence 70.0%)"));
            assertTrue(browser.findElement(By.id("work:workMessages")).getText().contains("Answer recorded."));
        } finally {
            browser.quit();
        }
        JsonObject decided = f.item(itemId);
        assertEquals("DECIDED", decided.getString("status"), decided.toString());
    }

    @Test
    void theAdjudicationPageTakesTheKeyboard() {
        StringBuilder taxonomy = new StringBuilder("""
                {"labels":[{"code":"fraud","displayName":"Fraud"},
                           {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present"},
                           {"code":"zebra-friendly-fraud","parentCode":"fraud","displayName":"Friendly fraud"},
                           {"code":"ok","displayName":"OK"}""");
        for (int i = 1; i <= 8; i++) {
            taxonomy.append(",{\"code\":\"other-").append(i).append("\",\"displayName\":\"Other ").append(i).append("\"}");
        }
        taxonomy.append("]}");
        TasksFixture f = new TasksFixture(deployment).taxonomy(taxonomy.toString()).workflow(2, "[]", 0.0);
        expect(200, f.governance.putJson("api/v1/workflows/" + f.key + "/reviewer-view",
                VIEW.replace("\"predictionHiddenTiers\":[1]", "\"predictionHiddenTiers\":[]")));
        String itemId = object(expect(202, f.submit(f.prediction("adj-1", 0.5, "card-not-present", payload())))).getString("id");
        ApiClient alpha = f.reviewer("alpha", 2);
        ApiClient beta = f.reviewer("beta", 2);
        TasksFixture.complete(alpha, f.claim(alpha, 2, 1).get(0).getJsonObject("task").getString("id"), "card-not-present");
        TasksFixture.complete(beta, f.claim(beta, 2, 1).get(0).getJsonObject("task").getString("id"), "ok");
        String adjudicator = "adjkb-" + f.suffix;
        f.admin.createUser(adjudicator, TasksFixture.PASSWORD, "adjudicator");

        ChromeDriver browser = Browser.start();
        WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
        try {
            Browser.signIn(browser, deployment, adjudicator, TasksFixture.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
            browser.get(deployment + "review/adjudication.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shortcuts")));
            Actions keys = new Actions(browser);
            // other tests' disagreements may wait in other queues: take this workflow's with N once it is the only one
            // with work for us, else by its button
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//table[@id='adjudication:queues']//tr[td[1][normalize-space()='" + f.key + "']]")));
            List<WebElement> enabled = browser.findElements(By.cssSelector("input.claim:not([disabled])"));
            if (enabled.size() == 1) {
                keys.sendKeys("n").perform();
            } else {
                row.findElement(By.cssSelector("input.claim")).click();
            }
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("adjudication:reviews")));

            String shown = browser.findElement(By.id("formattedInput")).getText();
            assertTrue(shown.contains("9,876.25") && shown.contains("Customer's statement"), "the same view: " + shown);
            WebElement raw = browser.findElement(By.id("input"));
            assertFalse(raw.isDisplayed());
            keys.sendKeys("j").perform();
            assertTrue(raw.isDisplayed(), "J shows the raw JSON here too");

            keys.sendKeys("?").perform();
            WebElement help = browser.findElement(By.id("keyHelp"));
            assertTrue(help.isDisplayed(), "? shows the keys");
            assertTrue(help.getText().contains("record the decision"), help.getText());
            keys.sendKeys(Keys.ESCAPE).perform();
            assertFalse(help.isDisplayed());

            keys.sendKeys("a").perform();
            assertTrue(browser.findElement(By.cssSelector(".verdicts input[value='APPROVE']")).isSelected(), "A approves");
            keys.sendKeys("2").perform();
            assertTrue(browser.findElement(By.cssSelector(".labels input[value='zebra-friendly-fraud']")).isSelected(),
                    "2 ticks the second label");
            assertTrue(browser.findElement(By.cssSelector(".verdicts input[value='CORRECT']")).isSelected(),
                    "ticking a label means correcting");
            keys.sendKeys("2").perform();
            assertFalse(browser.findElement(By.cssSelector(".labels input[value='zebra-friendly-fraud']")).isSelected());

            keys.sendKeys("/").perform();
            WebElement finder = browser.switchTo().activeElement();
            assertEquals("labelFilter", finder.getAttribute("id"), "/ opens the label finder of a long taxonomy");
            finder.sendKeys("friendly");
            assertFalse(browser.findElement(By.cssSelector(".labels input[value='ok']")).isDisplayed(), "non-matching labels hide");
            finder.sendKeys(Keys.ENTER);
            assertTrue(browser.findElement(By.cssSelector(".labels input[value='zebra-friendly-fraud']")).isSelected());
            finder.sendKeys(Keys.ESCAPE);

            keys.sendKeys("d").perform();
            WebElement rationale = browser.switchTo().activeElement();
            assertEquals("adjudication:rationale", rationale.getAttribute("id"), "D asks for the rationale first");
            rationale.sendKeys("Both reviewers missed the friendly-fraud pattern.");
            Screenshots.save(browser, "adjudication-keyboard.png");
            rationale.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adjudication:adjudicationMessages"),
                    "Adjudication recorded"));
        } finally {
            browser.quit();
        }
        JsonObject decision = f.item(itemId).getJsonObject("decision");
        assertEquals(List.of("zebra-friendly-fraud"), decision.getJsonArray("labels").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList(), decision.toString());
    }

    @Test
    void governanceEditsTheViewOnTheWorkflowPage() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        ChromeDriver browser = Browser.start();
        WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
        try {
            Browser.signIn(browser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
            browser.get(deployment + "governance/workflow.xhtml?key=" + f.key);
            WebElement lines = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reviewerView:fields")));
            lines.sendKeys("/text | Statement | PARAGRAPHS\n/amount | Amount | MONEY");
            browser.findElement(By.cssSelector("#reviewerView\\:hiddenTiers input[value='1']")).click();
            browser.findElement(By.id("reviewerView:saveReviewerView")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".messages"), "not saved"));
            String refused = browser.findElement(By.cssSelector(".messages")).getText();
            assertTrue(refused.contains("Line 2 (format)") && refused.contains("MONEY"), refused);
            JsonObject unchanged = object(expect(200, f.governance.get("api/v1/workflows/" + f.key + "/reviewer-view")));
            assertEquals(0, unchanged.getJsonArray("fields").size(), "a refusal changes nothing: " + unchanged);

            lines = browser.findElement(By.id("reviewerView:fields"));
            lines.clear();
            lines.sendKeys("/text | Statement | PARAGRAPHS\n/amount | Amount | NUMBER");
            if (!browser.findElement(By.cssSelector("#reviewerView\\:hiddenTiers input[value='1']")).isSelected()) {
                browser.findElement(By.cssSelector("#reviewerView\\:hiddenTiers input[value='1']")).click();
            }
            browser.findElement(By.id("reviewerView:saveReviewerView")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".messages"), "Reviewer view saved"));
            Screenshots.save(browser, "governance-reviewer-view.png");
        } finally {
            browser.quit();
        }
        JsonObject saved = object(expect(200, f.governance.get("api/v1/workflows/" + f.key + "/reviewer-view")));
        assertEquals(List.of("/text", "/amount"), saved.getJsonArray("fields").stream()
                .map(v -> v.asJsonObject().getString("path")).toList());
        assertEquals("NUMBER", saved.getJsonArray("fields").getJsonObject(1).getString("format"));
        assertEquals(1, saved.getJsonArray("predictionHiddenTiers").getInt(0), saved.toString());
    }
}
