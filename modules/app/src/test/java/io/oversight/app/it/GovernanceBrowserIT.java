package io.oversight.app.it;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A governance lead, in headless Chromium, creates a workflow with a two-level taxonomy, writes a
 * guideline version (whose preview never runs script), pilots and activates it, and sees it active.
 */
@ExtendWith(ArquillianExtension.class)
class GovernanceBrowserIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void type(String id, String text) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void governanceLeadCreatesAWorkflowAndActivatesAGuideline() throws Exception {
        String user = "gov-ui-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser(user, PASSWORD, "governance");
        String key = "ui-" + UUID.randomUUID().toString().substring(0, 8);

        browser.get(deployment + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:signIn")).click();
        visible(By.id("welcome"));

        browser.get(deployment + "governance/index.xhtml");
        visible(By.id("workflowsLink")).click();
        type("create:key", key);
        type("create:name", "Card disputes");
        type("create:description", "Disputed card payments");
        browser.findElement(By.id("create:submit")).click();
        assertEquals("Card disputes", visible(By.id("page-title")).getText());

        type("taxonomy:code", "fraud");
        type("taxonomy:name", "Fraud");
        browser.findElement(By.id("taxonomy:add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tree"), "fraud"));
        type("taxonomy:code", "card-not-present");
        type("taxonomy:name", "Card not present");
        new Select(visible(By.id("taxonomy:parent"))).selectByValue("fraud");
        browser.findElement(By.id("taxonomy:add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tree"), "card-not-present"));
        assertTrue(browser.getPageSource().contains("version 2"), "each change is a new taxonomy version");

        visible(By.id("newGuideline")).click();
        type("editor:instructions", "# Disputes\n\nPick the **most specific** label. <script>document.title='pwned'</script>");
        type("editor:examples", "card-not-present | EXAMPLE | I never bought from this shop | unknown merchant");
        browser.findElement(By.id("editor:preview")).click();
        WebElement preview = visible(By.cssSelector("#preview strong"));
        assertEquals("most specific", preview.getText());
        String previewHtml = browser.findElement(By.id("preview")).getAttribute("innerHTML");
        assertFalse(previewHtml.contains("<script"), previewHtml);
        assertFalse(browser.getTitle().contains("pwned"));

        browser.findElement(By.id("editor:save")).click();
        visible(By.id("editor:pilot")).click();
        visible(By.id("editor:activate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "ACTIVE"));

        browser.get(deployment + "governance/workflow.xhtml?key=" + key);
        WebElement guidelines = visible(By.id("guidelines"));
        assertTrue(guidelines.getText().contains("v1") && guidelines.getText().contains("ACTIVE"), guidelines.getText());
        Screenshots.save(browser, "governance-workflow-guidelines.png");
    }
}
