package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The other half of "reveal controls only for those who may use them" (ReviewBrowserIT proves a
 * reviewer without the right sees none): a reviewer whose qualification allows revealing sees the
 * control on the workbench, is refused without a justification, and with one reads the masked value,
 * which the ledger records.
 */
@ExtendWith(ArquillianExtension.class)
class RevealControlBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aReviewerAllowedToRevealSeesTheControlAndReadsTheMaskedValue() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        String login = f.login("revealer");
        f.admin.createUser(login, TasksFixture.PASSWORD, "reviewer");
        expect(200, f.admin.putJson("api/v1/qualifications/" + login + "/" + f.key, "{\"maxTier\":2,\"mayRevealPii\":true}"));
        String email = "reveal-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        expect(202, f.submit(f.prediction("reveal-1", 0.5, "card-not-present",
                "{\"amount\":120,\"customer\":{\"email\":\"" + email + "\"},\"text\":\"never bought this\"}")));

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 900));
            Browser.signIn(browser, deployment, login, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
            browser.get(deployment + "review/workbench.xhtml");
            wait.until(d -> d.findElements(By.id("work:next")).size() == 1);
            browser.findElement(By.id("work:next")).click();
            wait.until(d -> d.findElements(By.id("work:revealButton")).size() == 1);
            assertFalse(browser.getPageSource().contains(email), "masked until revealed");

            browser.findElement(By.id("work:revealButton")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".reveal .field-message")).isEmpty());
            assertTrue(browser.findElement(By.cssSelector(".reveal .field-message")).getText().startsWith("Justification: "),
                    "beside the field, by its label: " + browser.findElement(By.cssSelector(".reveal .field-message")).getText());
            assertEquals(0, browser.findElements(By.cssSelector(".revealed")).size(), "nothing revealed without a reason");

            browser.findElement(By.id("work:revealJustification")).sendKeys("customer asked to confirm the address");
            browser.findElement(By.id("work:revealButton")).click();
            wait.until(d -> d.findElements(By.cssSelector(".revealed")).size() == 1);
            assertTrue(browser.findElement(By.cssSelector(".revealed")).getText().contains(email),
                    browser.findElement(By.cssSelector(".revealed")).getText());
        } finally {
            browser.quit();
        }
        // the entry's subject is the data subject's pseudonym; it names the task's workflow among its attributes
        for (int attempt = 0; ; attempt++) {
            long recorded = object(expect(200, f.auditor.get("api/v1/ledger/entries?action=ledger.subject.revealed&limit=1000")))
                    .getJsonArray("entries").stream().map(e -> e.asJsonObject())
                    .filter(e -> e.getJsonObject("attributes").toString().contains("\"" + f.key + "\"")).count();
            if (recorded == 1) {
                break;
            }
            assertTrue(attempt < 100, "the reveal is recorded once: " + recorded);
            TasksFixture.pause(100);
        }
    }
}
