package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.decision;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A notice that adjudication changed a reviewer's answer stays on their workbench, across page loads,
 * until they say they have seen it; then it is one click away under "Earlier notices". Before, it
 * vanished after the first page that showed it.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewerNoticesBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aNoticeStaysUntilItsReviewerHasSeenIt() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0);
        ApiClient overruled = f.reviewer("overruled", 2);
        ApiClient upheld = f.reviewer("upheld", 2);
        ApiClient judge = f.adjudicator("judge");
        String itemId = object(expect(202, f.submit(f.prediction("notice-1", 0.5)))).getString("id");
        complete(overruled, f.claim(overruled, 2, 1).get(0).getJsonObject("task").getString("id"), "card-not-present");
        complete(upheld, f.claim(upheld, 2, 1).get(0).getJsonObject("task").getString("id"), "ok");
        String adjudication = object(expect(200, judge.postJson("api/v1/adjudications/claims?workflow=" + f.key, "")))
                .getString("id");
        expect(200, judge.postJson("api/v1/adjudications/" + adjudication + "/decision",
                decision("CORRECT", "NOTICE-WHY the refund note settles it", "ok").replace("}", ",\"notifyReviewers\":true}")));

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 900));
            Browser.signIn(browser, deployment, f.login("overruled"), TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
            for (int load = 0; load < 2; load++) {
                browser.get(deployment + "review/workbench.xhtml");
                wait.until(d -> d.findElements(By.id("work:idle")).size() == 1);
                List<WebElement> fresh = browser.findElements(By.cssSelector(".notice"));
                assertEquals(1, fresh.size(), "load " + (load + 1) + ": the notice is still shown");
                assertTrue(fresh.get(0).getText().contains("NOTICE-WHY the refund note settles it")
                        && fresh.get(0).getText().contains(itemId), fresh.get(0).getText());
                assertTrue(fresh.get(0).findElement(By.cssSelector(".notice-time")).getText().endsWith("UTC"),
                        "when it came, for people");
            }
            browser.findElement(By.cssSelector(".notice .notice-seen")).click();
            wait.until(d -> d.findElements(By.cssSelector(".notice")).isEmpty()
                    && d.findElements(By.cssSelector(".earlier-notices summary")).size() == 1);
            browser.get(deployment + "review/workbench.xhtml");
            wait.until(d -> d.findElements(By.id("work:idle")).size() == 1);
            assertEquals(0, browser.findElements(By.cssSelector(".notice")).size(), "seen: no longer among the new ones");
            WebElement earlier = browser.findElement(By.cssSelector(".earlier-notices"));
            assertEquals("Earlier notices (1)", earlier.findElement(By.tagName("summary")).getText());
            earlier.findElement(By.tagName("summary")).click();
            assertTrue(earlier.getText().contains("NOTICE-WHY the refund note settles it"), earlier.getText());
        } finally {
            browser.quit();
        }
        assertTrue(upheld.get("api/v1/review/notices").body().equals("[]"), "the reviewer who was right got none");
    }
}
