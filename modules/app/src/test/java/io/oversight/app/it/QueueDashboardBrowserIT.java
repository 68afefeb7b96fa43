package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
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
 * The queue dashboard in a real browser at 1366 px shows a workflow's tasks nobody can take, with why,
 * reached from its queue, and drops one as soon as someone may take it again (ReviewLoopIT proves the
 * same over the API).
 */
@ExtendWith(ArquillianExtension.class)
class QueueDashboardBrowserIT {

    private static final double TIER_ONE = 0.7;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aTaskNobodyMayTakeIsListedWithWhyUntilSomeoneMay() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        f.reviewer("dana", 1);
        String itemId = object(expect(202, f.submit(f.prediction("stuck-page-1", TIER_ONE)))).getString("id");
        expect(204, f.admin.delete("api/v1/qualifications/" + f.login("dana") + "/" + f.key));

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 900));
            Browser.signIn(browser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
            browser.get(deployment + "governance/queues.xhtml");
            // every queue links to its workflow's stuck tasks: across all workflows the first 50 may be others'
            browser.findElement(By.xpath("//table[@id='queues']//a[normalize-space()='" + f.key + "']")).click();
            wait.until(d -> d.findElements(By.id("stuck-filter")).size() == 1);
            assertTrue(browser.findElement(By.id("stuck-filter")).getText().contains(f.key));
            List<WebElement> rows = browser.findElements(By.cssSelector("#stuck tbody tr")).stream()
                    .filter(r -> r.getText().contains(itemId)).toList();
            assertEquals(1, rows.size(), "the stuck task is listed once");
            String row = rows.get(0).getText();
            assertTrue(row.contains(f.key + " tier 1"), row);
            assertTrue(row.contains("no reviewer is qualified for tier 1"), "it says why: " + row);
            assertTrue(row.contains("UTC"), "since when, for people: " + row);
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).longValue() <= 0, "no horizontal scrolling at 1366 px: " + overflow);

            f.qualify(f.login("dana"), 1);
            browser.navigate().refresh();
            wait.until(d -> d.findElements(By.id("stuck-title")).size() == 1);
            assertTrue(browser.findElements(By.cssSelector("#stuck tbody tr")).stream().noneMatch(r -> r.getText().contains(itemId)),
                    "a granted qualification makes it claimable: no longer listed");
        } finally {
            browser.quit();
        }
    }
}
