package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The governance lead's pages around the monitors, in a real browser at 1366 px: the earned-autonomy
 * page draws its trade-off curve, shows the target it used, refuses a bad target beside the field
 * without drawing another curve, and switches workflow by its chips; the alerts page says when nothing
 * matches instead of an empty table; the snapshot list shows the training set a snapshot names.
 */
@ExtendWith(ArquillianExtension.class)
class AutonomyAdviceBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void theAdvicePageDrawsItsCurveAndRefusesABadTargetBesideTheField() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.5);
        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key, "{\"minN\":1,\"referenceSize\":10}"));
        ApiClient reviewer = f.reviewer("av", 2);
        List<String> predictions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            predictions.add(f.prediction("a-" + i, 0.55 + 0.02 * i));
        }
        f.submitBatch(predictions);
        List<JsonObject> tasks = f.claim(reviewer, 1, 20);
        for (int i = 0; i < tasks.size(); i++) {
            complete(reviewer, tasks.get(i).getJsonObject("task").getString("id"), i % 5 == 0 ? "ok" : "card-not-present");
        }
        awaitOutcomes(f);

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 1000));
            Browser.signIn(browser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
            browser.get(deployment + "governance/advice.xhtml?workflow=" + f.key);
            wait.until(d -> d.findElements(By.cssSelector("#chart-curve[data-rendered='true'] canvas")).size() == 1);
            WebElement chosen = browser.findElement(By.cssSelector("#choose a.chip.selected"));
            assertTrue(chosen.getAttribute("href").contains("workflow=" + f.key), "the workflow shown is the chosen chip");
            assertEquals("0.02", browser.findElement(By.id("advice:target")).getAttribute("value"),
                    "the field shows the target the advice used: the workflow's own, 2% by default");
            String before = browser.findElement(By.id("recommendation")).getText();
            assertFalse(before.isBlank());
            Screenshots.save(browser, "advice.png");

            for (String bad : List.of("abc", "1.5")) {
                WebElement target = browser.findElement(By.id("advice:target"));
                target.clear();
                target.sendKeys(bad);
                Browser.submitAndAwaitAnswer(wait, browser.findElement(By.id("advice:recompute")));
                wait.until(d -> d.findElements(By.cssSelector("#advice .field-message")).size() == 1);
                String message = browser.findElement(By.cssSelector("#advice .field-message")).getText();
                assertTrue(message.startsWith("Target error bound: "), "beside the field, by its label: " + message);
                assertTrue(message.contains("between 0 and 1"), message);
                assertEquals(bad, browser.findElement(By.id("advice:target")).getAttribute("value"), "the entry is kept");
                assertEquals(0, browser.findElements(By.id("recommendation")).size(), "no curve for a refused target");
                assertEquals(0, browser.findElements(By.id("apply:draft")).size(), "nothing to apply");
            }
            WebElement target = browser.findElement(By.id("advice:target"));
            target.clear();
            target.sendKeys("0.3");
            Browser.submitAndAwaitAnswer(wait, browser.findElement(By.id("advice:recompute")));
            wait.until(d -> d.findElements(By.cssSelector("#chart-curve[data-rendered='true'] canvas")).size() == 1);
            assertEquals(0, browser.findElements(By.cssSelector("#advice .field-message")).size());
            assertEquals("0.3", browser.findElement(By.id("advice:target")).getAttribute("value"));
            assertEquals(0, array(expect(200, f.governance.get("api/v1/workflows/" + f.key + "/policies"))).stream()
                    .filter(p -> p.asJsonObject().getString("status").equals("DRAFT")).count(), "recomputing writes no policy");
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).longValue() <= 0, "no horizontal scrolling at 1366 px: " + overflow);

            // the alerts page of a workflow without alerts says so, with no empty table or note field
            browser.get(deployment + "governance/alerts.xhtml");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filters:workflow"))).selectByValue(f.key);
            Browser.submitAndAwaitAnswer(wait, browser.findElement(By.id("filters:apply")));
            wait.until(d -> d.findElements(By.id("list:none")).size() == 1);
            assertTrue(browser.findElement(By.id("list:none")).getText().contains("No alert"));
            assertEquals(0, browser.findElements(By.id("list:alerts")).size());
            assertEquals(0, browser.findElements(By.id("list:note")).size());
        } finally {
            browser.quit();
        }
    }

    @Test
    void theSnapshotListShowsTheTrainingSetASnapshotNames() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        Instant now = Instant.now();
        String request = "{\"workflow\":\"" + f.key + "\",\"from\":\"" + now.minusSeconds(3600) + "\",\"to\":\"" + now
                + "\",\"format\":\"JSONL\"}";
        String exportId = object(expect(202, f.governance.postJson("api/v1/datasets", request))).getString("id");
        for (int attempt = 0; ; attempt++) {
            String state = object(expect(200, f.governance.get("api/v1/datasets/" + exportId))).getString("state");
            if (state.equals("COMPLETED")) {
                break;
            }
            if (attempt > 120 || state.equals("FAILED")) {
                fail("the export did not complete: " + state);
            }
            pause(250);
        }
        expect(201, f.governance.postJson("api/v1/models", """
                {"workflowKey":"%s","name":"clf-%s","version":"1","artifactDigest":"sha256:%s",
                 "trainingSetExportId":"%s","labelSpace":["card-not-present","ok"]}""".formatted(f.key, f.suffix, "ef".repeat(32),
                exportId)));

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 1000));
            Browser.signIn(browser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
            browser.get(deployment + "governance/models.xhtml");
            wait.until(d -> d.findElements(By.id("registry:snapshots")).size() == 1);
            WebElement row = browser.findElements(By.cssSelector("#registry\\:snapshots tbody tr")).stream()
                    .filter(r -> r.getText().contains("clf-" + f.suffix)).findFirst().orElseThrow();
            WebElement link = row.findElement(By.cssSelector("a.training-set"));
            assertTrue(link.getAttribute("href").endsWith("api/v1/datasets/" + exportId + "/manifest"), link.getAttribute("href"));
            assertTrue(link.getText().startsWith(exportId.substring(0, 8)), link.getText());
            WebElement other = browser.findElements(By.cssSelector("#registry\\:snapshots tbody tr")).stream()
                    .filter(r -> r.getText().contains(f.key) && !r.getText().contains("clf-" + f.suffix)).findFirst().orElseThrow();
            assertTrue(other.getText().contains("not named"), "the fixture's own snapshot names no training set: " + other.getText());
        } finally {
            browser.quit();
        }
    }

    /** Waits until the monitor round has folded the reviews into the workflow's day window. */
    private static void awaitOutcomes(TasksFixture f) {
        for (int attempt = 0; attempt < 60; attempt++) {
            JsonObject advice = object(expect(200, f.governance.get("api/v1/advice/" + f.key)));
            if (advice.getJsonArray("curve").stream().anyMatch(p -> p.asJsonObject().getJsonNumber("outcomes").longValue() > 0)) {
                return;
            }
            pause(500);
        }
        fail("no outcome reached the advice");
    }
}
