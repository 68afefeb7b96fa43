package io.oversight.app.it;

import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The erasure page at 1366 px: an administrator finds a data subject by workflow and client key, is
 * stopped until they confirm, and is told from when erasure becomes possible while the workflow's
 * retention period runs (the subject stays as it was).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErasureBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void anAdministratorFindsASubjectAndIsToldWhenErasureBecomesPossible() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        String clientKey = "erase-page-" + f.suffix;
        expect(202, f.submit(f.prediction(clientKey, 0.5)));
        String admin = "erase-admin-" + f.suffix;
        f.admin.createUser(admin, TasksFixture.PASSWORD, "admin");

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 900));
            Browser.signIn(browser, deployment, admin, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
            browser.get(deployment + "admin/index.xhtml");
            browser.findElement(By.id("erasureLink")).click();
            wait.until(d -> d.findElements(By.id("byClientKey:find")).size() > 0);
            new Select(browser.findElement(By.id("byClientKey:workflow"))).selectByValue(f.key);
            browser.findElement(By.id("byClientKey:clientKey")).sendKeys(clientKey);
            browser.findElement(By.id("byClientKey:find")).click();
            wait.until(d -> d.findElements(By.id("subjectPseudonym")).size() > 0);
            assertEquals("personal data held", browser.findElement(By.id("subjectState")).getText());

            browser.findElement(By.id("erase:reason")).sendKeys("request 4711");
            browser.findElement(By.id("erase:eraseButton")).click();
            wait.until(d -> d.findElement(By.id("messages")).getText().contains("confirmation"));

            browser.findElement(By.id("erase:reason")).clear();
            browser.findElement(By.id("erase:reason")).sendKeys("request 4711");
            browser.findElement(By.id("erase:confirmed")).click();
            browser.findElement(By.id("erase:eraseButton")).click();
            wait.until(d -> d.findElement(By.id("messages")).getText().contains("can be erased from"));
            String message = browser.findElement(By.id("messages")).getText();
            assertTrue(message.contains("365 days") && message.contains("UTC"), message);
            assertEquals("personal data held", browser.findElement(By.id("subjectState")).getText());
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).longValue() <= 0, "no horizontal scrolling at 1366 px: " + overflow);
        } finally {
            browser.quit();
        }
    }
}
